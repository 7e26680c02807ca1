package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// links is the extension that writes links exactly as goldmark's HTML
// renderer (v1.8.7) does, without its cost: goldmark decides whether a
// destination is dangerous (javascript:, vbscript:, file:, data: other than
// four image types) by lower-casing copies of its first bytes for each
// scheme, ten allocations a link and a seventh of all the allocations of a
// documentation page (issue 23). isDangerousURL answers the same with
// none. TestLinksAsGoldmark and FuzzDangerousURL hold the two to the same
// output.
type links struct{}

func (links) Extend(m goldmark.Markdown) {
	// goldmark's HTML renderer has priority 1000 and basePath 100; a lower
	// number wins.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(newLinkRenderer(), 200)))
}

// linkRenderer renders ast.Link nodes. Its html.Config takes the
// renderer's options (unsafe HTML, the text writer) as goldmark's does.
type linkRenderer struct {
	html.Config
}

func newLinkRenderer() *linkRenderer {
	return &linkRenderer{Config: html.NewConfig()}
}

func (r *linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
}

// renderLink is goldmark's (*html.Renderer).renderLink with isDangerousURL.
func (r *linkRenderer) renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<a href=\"")
	dest := util.URLEscape(n.Destination, true)
	if r.Unsafe || !isDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		r.Writer.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// isDangerousURL is html.IsDangerousURL without allocations.
func isDangerousURL(url []byte) bool {
	if hasPrefixFold(url, "data:image/") && len(url) >= 11 {
		v := url[11:]
		return !(hasPrefixFold(v, "png;") || hasPrefixFold(v, "gif;") ||
			hasPrefixFold(v, "jpeg;") || hasPrefixFold(v, "webp;"))
	}
	return hasPrefixFold(url, "javascript:") || hasPrefixFold(url, "vbscript:") ||
		hasPrefixFold(url, "file:") || hasPrefixFold(url, "data:")
}

// hasPrefixFold reports whether s starts with prefix, a lower-case ASCII
// string, with ASCII letters of s in either case. goldmark compares
// bytes.ToLower(s[:len(prefix)]) with prefix instead, and the two agree on
// every s: lower-casing turns a non-ASCII character or an invalid byte
// into non-ASCII bytes or into one ASCII letter shorter than the
// character ("İ" into "i", the Kelvin sign into "k"), so the lower-cased
// bytes are len(prefix) bytes of ASCII only when every byte of
// s[:len(prefix)] was ASCII. (bytes.EqualFold would not do: it matches
// the Kelvin sign with "k".)
func hasPrefixFold(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
