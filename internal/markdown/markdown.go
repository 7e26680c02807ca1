package markdown

import (
	"bytes"
	"slices"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/careersite/careersite/internal/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options chooses the Markdown dialect; they mirror site.yaml's markdown block.
type Options struct {
	UnsafeHTML  bool // keep raw HTML instead of omitting it
	Typographer bool // smart quotes, dashes and ellipses

	// BasePath is the path the site is published under ("/careers/" for
	// https://example.org/careers/). Root-relative link and image
	// destinations get it in the HTML; Result.Links keeps them as written.
	// "" and "/" add nothing.
	BasePath string

	// MaxCodeBlock is the largest fenced code block, in bytes, that is
	// highlighted, and HighlightBudget the longest one block may take; a
	// block over either is written plain, with a warning (limits.go).
	// Zero means DefaultMaxCodeBlock and DefaultHighlightBudget.
	MaxCodeBlock    int
	HighlightBudget time.Duration
}

// A Converter renders Markdown bodies. It is safe for concurrent use.
type Converter struct {
	md      goldmark.Markdown // its renderer writes every page
	parsers parsers           // with and without Linkify (linkify.go)
	code    *codeRenderer     // holds the cache of highlighted blocks
}

// New builds the goldmark instance once; every Convert reuses it.
func New(opts Options) *Converter {
	return newConverter(opts, lexers.Get)
}

// newConverter is New with the lexer lookup as a parameter, for tests.
func newConverter(opts Options, findLexer func(lang string) chroma.Lexer) *Converter {
	keepClock()
	code := newCodeRenderer(findLexer, defaultCodeCacheSize)
	code.limits = newCodeLimits(opts)
	exts := []goldmark.Extender{
		// extension.GFM but Linkify, which is added in front below.
		extension.Table,
		extension.Strikethrough,
		extension.TaskList,
		taskCheckBoxes{},
		scrollTables{},
		callouts{},
		extension.Footnote,
		extension.DefinitionList,
		&highlighting{code},
		hookedImages{},
		links{},
	}
	if opts.Typographer {
		exts = append(exts, extension.Typographer)
	}
	if bp := newBasePath(opts.BasePath); bp != nil {
		exts = append(exts, bp)
	}
	md := newGoldmark(opts, append([]goldmark.Extender{extension.Linkify}, exts...))
	plain := newGoldmark(opts, exts)
	return &Converter{md: md, parsers: parsers{linkify: md.Parser(), plain: plain.Parser()}, code: code}
}

// newGoldmark builds a goldmark instance with exts and the options every
// Converter has.
func newGoldmark(opts Options, exts []goldmark.Extender) goldmark.Markdown {
	rendererOpts := []goldmark.Option{
		goldmark.WithParser(newParser()),
		goldmark.WithRendererOptions(html.WithWriter(textWriter{})),
	}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	return goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			// Not WithAutoHeadingID: goldmark would make ids from the raw
			// source line (link URLs included) and hand them out before
			// it has seen a later heading's {#custom} id. headingIDs does
			// both properly once the whole page is parsed.
			parser.WithHeadingAttribute(),
			parser.WithASTTransformers(util.Prioritized(headingIDs{}, 100)),
		),
	)...)
}

// Heading is one heading of a page.
type Heading struct {
	Level int    // 1–6
	ID    string // the id attribute written to the page
	Text  string // plain text, markup removed
}

// Link is a link or image destination and where it is written.
type Link struct {
	Dest      string // as written (an e-mail autolink gets "mailto:")
	Line, Col int    // Line is a file line: firstLine + body line - 1; Col counts characters from 1
}

// Result is everything Convert learns about a page body.
type Result struct {
	HTML        []byte    // the page body
	Summary     []byte    // HTML before <!--more--> if present, else of the first paragraph; may share memory with HTML
	TOC         []byte    // nested <ul> of h2–h4 headings with links (no <nav>); nil when fewer than 2 such headings
	Headings    []Heading // all headings in order
	Links       []Link    // every link/image destination in the body, with its position
	WordCount   int       // words of text (not code)
	ReadingTime int       // minutes, ceil(words/220), at least 1 when WordCount > 0

	// Warnings are problems that do not fail the page, in document order:
	// a code block published plain because it is over a limit (limits.go).
	Warnings []*diag.Error
}

// Convert renders src (a Markdown body whose first line is line firstLine of
// its file; values below 1 count as 1). Problems (a chroma error, a repeated
// heading id) come back as *diag.Error values joined, in line order, together with
// a complete Result: the page still gets a plain block.
func (c *Converter) Convert(src []byte, firstLine int) (*Result, error) {
	return c.ConvertPlaceholders(src, firstLine, "")
}

// ConvertPlaceholders is Convert of a body whose shortcodes were expanded
// (internal/shortcode): the placeholders that start with prefix stand for
// their output and are not counted as words. The caller counts nothing
// for the output either: WordCount is the author's text.
func (c *Converter) ConvertPlaceholders(src []byte, firstLine int, prefix string) (*Result, error) {
	return c.ConvertImages(src, firstLine, prefix, nil)
}

// ConvertImages is ConvertPlaceholders with hook writing the HTML of the
// body's images (imagehook.go); nil leaves every image to Markdown. An
// image without alt text is a warning either way.
func (c *Converter) ConvertImages(src []byte, firstLine int, prefix string, hook ImageHook) (*Result, error) {
	pc := parser.NewContext(parser.WithIDs(newIDs()))
	doc := c.parsers.forPage(src).Parse(text.NewReader(src), parser.WithContext(pc))
	pos := newPositions(src, firstLine)
	hookErrs, altWarns := runImageHook(doc, src, pos, hook)
	res, errs := collect(doc, src, pos, prefix)
	errs = append(errs, hookErrs...)
	out := &output{}
	out.Grow(len(src) + len(src)/2)
	summary, err := c.render(out, doc, src)
	if err != nil {
		return nil, err
	}
	res.HTML = out.Bytes()
	res.Summary = summary.of(res.HTML)
	res.TOC = toc(res.Headings)
	res.Warnings = append(out.warningsAt(pos), altWarns...)
	slices.SortStableFunc(res.Warnings, diag.Compare)
	return res, diag.SortJoin(append(errs, out.errors(pos)...))
}

// render writes the top-level blocks one by one so that the offsets of the
// summary are known without rendering anything twice. The <!--more-->
// divider is left out of the page.
func (c *Converter) render(out *output, doc ast.Node, src []byte) (summarySpan, error) {
	span := summarySpan{start: -1, end: -1, more: -1}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if isMoreDivider(n, src) {
			span.markMore(out.Len())
			continue
		}
		start := out.Len()
		if err := c.md.Renderer().Render(out, src, n); err != nil {
			return span, err
		}
		if n.Kind() == ast.KindParagraph {
			span.markParagraph(start, out.Len())
		}
	}
	return span, nil
}

// summarySpan records where the summary lies in the page's HTML.
type summarySpan struct {
	start, end int // the first paragraph; -1 when none
	more       int // the end of the HTML before <!--more-->; -1 when none
}

func (s *summarySpan) markMore(at int) {
	if s.more < 0 {
		s.more = at
	}
}

func (s *summarySpan) markParagraph(start, end int) {
	if s.start < 0 {
		s.start, s.end = start, end
	}
}

// of returns the summary as a capped slice of html, so appending to it
// cannot overwrite the page.
func (s summarySpan) of(html []byte) []byte {
	switch {
	case s.more >= 0:
		return html[:s.more:s.more]
	case s.start >= 0:
		return html[s.start:s.end:s.end]
	}
	return nil
}

// isMoreDivider reports whether n is an HTML block holding only <!--more-->.
// The HTML renderer omits comments when raw HTML is off, so the divider is
// found here in the AST rather than in the output.
func isMoreDivider(n ast.Node, src []byte) bool {
	b, ok := n.(*ast.HTMLBlock)
	if !ok || b.HTMLBlockType != ast.HTMLBlockType2 {
		return false
	}
	s := b.Lines().Value(src)
	if b.HasClosure() {
		s = append(s, b.ClosureLine.Value(src)...)
	}
	s = bytes.TrimSpace(s)
	inner, ok := bytes.CutPrefix(s, []byte("<!--"))
	if !ok {
		return false
	}
	inner, ok = bytes.CutSuffix(inner, []byte("-->"))
	return ok && bytes.EqualFold(bytes.TrimSpace(inner), []byte("more"))
}
