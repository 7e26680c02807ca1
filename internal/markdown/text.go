package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// headingText returns the text of heading n as a reader sees it: markup
// removed, escapes and character references resolved, code spans verbatim.
func headingText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			writeText(&b, n, src)
		case *ast.String:
			writeString(&b, n)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

func writeText(b *strings.Builder, n *ast.Text, src []byte) {
	v := n.Segment.Value(src)
	if !n.IsRaw() {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
	}
	b.Write(v)
	if n.SoftLineBreak() || n.HardLineBreak() {
		b.WriteByte(' ')
	}
}

// writeString writes a String node; the typographer's are HTML entities.
func writeString(b *strings.Builder, n *ast.String) {
	if n.IsCode() {
		b.WriteString(html.UnescapeString(string(n.Value)))
		return
	}
	b.Write(n.Value)
}
