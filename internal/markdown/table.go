package markdown

import (
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// scrollTables wraps every GFM table in a box that scrolls sideways:
//
//	<div class="table-scroll" role="region" tabindex="0" aria-labelledby="HEADING-ID">
//	<table>…</table>
//	</div>
//
// A wide table on a phone must neither widen the page (WCAG 1.4.10, reflow)
// nor squeeze its words into pieces, so it scrolls inside its box, and a box
// that scrolls must be reachable from the keyboard to be scrolled (WCAG
// 2.1.1; axe-core's scrollable-region-focusable), hence tabindex="0". A
// focusable region needs a name: the nearest heading before the table, or
// "Table" when there is none. The theme's CSS styles .table-scroll.
type scrollTables struct{}

// Extend registers the renderer ahead of GFM's table renderer (priority 500).
func (scrollTables) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(scrollTables{}, 100)))
}

func (scrollTables) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTable, renderTable)
}

// renderTable writes the box and the <table> element; goldmark's renderer
// still writes the rows and cells. Tables carry no attributes here: the
// attribute syntax is only enabled for headings.
func renderTable(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</table>\n</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<div class="table-scroll" role="region" tabindex="0" `)
	if id := headingBefore(n); id != "" {
		_, _ = w.WriteString(`aria-labelledby="` + html.EscapeString(id) + `">`)
	} else {
		_, _ = w.WriteString(`aria-label="Table">`)
	}
	_, _ = w.WriteString("\n<table>\n")
	return ast.WalkContinue, nil
}

// headingBefore returns the id of the nearest heading before n among its
// siblings and theirs up the tree, or "".
func headingBefore(n ast.Node) string {
	for ; n != nil; n = n.Parent() {
		for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if h, ok := s.(*ast.Heading); ok {
				if id, ok := h.AttributeString("id"); ok {
					if b, ok := id.([]byte); ok {
						return string(b)
					}
				}
			}
		}
	}
	return ""
}
