package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// callouts turns GitHub's alerts into callouts. A block quote whose first
// line is one of the five markers, alone on its line,
//
//	> [!WARNING]
//	> Figures are for the U.S. only.
//
// is written as
//
//	<div class="callout callout-warning" role="note">
//	<p class="callout-title">Warning</p>
//	<p>Figures are for the U.S. only.</p>
//	</div>
//
// The rules are GitHub's, so that a file reads the same there and on the
// site: the marker is NOTE, TIP, IMPORTANT, WARNING or CAUTION in any case;
// nothing but spaces or a hard-break backslash may follow it on its line;
// the quote must hold something after it; and only a quote at the top level
// of the page counts (GitHub stopped rendering alerts inside lists and other
// quotes in November 2023). Anything else, [!WORD] included, stays a quote.
//
// Why role="note" on a <div> rather than an <aside>: an <aside> is a
// complementary landmark, and landmarks are for the regions of a page, not
// for paragraphs within its main content. axe-core flags a complementary
// landmark inside <main> (landmark-complementary-is-top-level) and two with
// the same name (landmark-unique), and a guide may well hold two notes. The
// ARIA note role says exactly "parenthetic or ancillary to the main
// content" and asks for no unique name. role="alert" would be wrong: it is
// a live region, announced as if it had just happened. The label is visible
// text, the first thing in the box, so screen readers read it first and
// the kind never depends on colour alone (WCAG 1.4.1); it is a paragraph,
// not a heading, so it stays out of the outline and the table of contents.
type callouts struct{}

// calloutTitles are the markers, in lower case, and the labels written for
// them.
var calloutTitles = map[string]string{
	"note":      "Note",
	"tip":       "Tip",
	"important": "Important",
	"warning":   "Warning",
	"caution":   "Caution",
}

// kindCallout is the kind of a callout node.
var kindCallout = ast.NewNodeKind("Callout")

// callout is a block quote that began with an alert marker; its children are
// the quote's blocks, the marker removed.
type callout struct {
	ast.BaseBlock
	alert string // "note", "tip", "important", "warning" or "caution"
}

// Kind implements ast.Node.
func (*callout) Kind() ast.NodeKind { return kindCallout }

// Dump implements ast.Node.
func (n *callout) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Alert": n.alert}, nil)
}

// Extend registers the transformer and the renderer.
func (callouts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(callouts{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(callouts{}, 100)))
}

// Transform replaces each top-level block quote that is an alert with a
// callout holding its blocks.
func (callouts) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		if q, ok := n.(*ast.Blockquote); ok {
			if typ, ok := alertType(q, src); ok {
				doc.ReplaceChild(doc, q, toCallout(q, typ))
			}
		}
		n = next
	}
}

// alertType returns the marker of q, lower case, when q is an alert: its
// first block is a paragraph whose first line is a marker alone, and
// something follows the marker.
func alertType(q *ast.Blockquote, src []byte) (string, bool) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return "", false
	}
	first := p.Lines().At(0)
	typ, ok := alertMarker(first.Value(src))
	if !ok || (p.Lines().Len() == 1 && p.NextSibling() == nil) {
		return "", false
	}
	return typ, true
}

// alertMarker reports whether line is "[!TYPE]" for a known type, with
// optional spaces around it and a hard-break backslash after it.
func alertMarker(line []byte) (string, bool) {
	line = bytes.TrimSpace(line)
	line = bytes.TrimSpace(bytes.TrimSuffix(line, []byte(`\`)))
	word, ok := bytes.CutPrefix(line, []byte("[!"))
	if !ok {
		return "", false
	}
	word, ok = bytes.CutSuffix(word, []byte("]"))
	if !ok {
		return "", false
	}
	typ := string(bytes.ToLower(word))
	_, known := calloutTitles[typ]
	return typ, known
}

// toCallout moves q's blocks into a new callout and removes the marker's
// line from the first paragraph (the whole paragraph when that was all).
func toCallout(q *ast.Blockquote, typ string) *callout {
	c := &callout{alert: typ}
	c.SetBlankPreviousLines(q.HasBlankPreviousLines())
	p := q.FirstChild().(*ast.Paragraph)
	lineEnd := p.Lines().At(0).Stop
	for n := p.FirstChild(); n != nil; {
		next := n.NextSibling()
		if start, ok := inlineStart(n); !ok || start >= lineEnd {
			break
		}
		p.RemoveChild(p, n)
		n = next
	}
	if p.Lines().Len() == 1 {
		q.RemoveChild(q, p)
	} else {
		lines := p.Lines()
		lines.SetSliced(1, lines.Len()) // the marker's line
	}
	for n := q.FirstChild(); n != nil; {
		next := n.NextSibling()
		c.AppendChild(c, n)
		n = next
	}
	return c
}

// inlineStart returns the offset in the source where an inline node starts,
// from its first text; false when it holds none (typographer's quotes).
func inlineStart(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start, true
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			return n.Segments.At(0).Start, true
		}
	}
	if c := n.FirstChild(); c != nil {
		return inlineStart(c)
	}
	return 0, false
}

func (callouts) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCallout, renderCallout)
}

func renderCallout(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	typ := n.(*callout).alert
	_, _ = w.WriteString(`<div class="callout callout-` + typ + `" role="note">` + "\n")
	_, _ = w.WriteString(`<p class="callout-title">` + calloutTitles[typ] + "</p>\n")
	return ast.WalkContinue, nil
}
