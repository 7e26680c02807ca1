package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// basePath is the goldmark extension that puts a site's base path in front
// of root-relative link and image destinations as they are rendered: with
// base path "/careers/", [pay](/jobs/x/#pay) is written as
// href="/careers/jobs/x/#pay". Authors write site paths, the same whatever
// URL the site is published at.
//
// It changes the HTML only. The AST keeps the destination as written, so
// Result.Links holds site paths and the link checker, which knows the site's
// files by site path, needs no base path. That is why this is a renderer and
// not an ASTTransformer: a transformer runs inside Parse, before the links
// are collected.
//
// Scheme-relative ("//cdn.example/x"), relative ("../x/") and fragment-only
// destinations are left alone, and so are links in raw HTML.
type basePath struct {
	prefix []byte // the base path without its final "/": "/careers"
}

// newBasePath returns the extension for base path p ("/careers/"), or nil
// when p is "/" or empty and there is nothing to add.
func newBasePath(p string) *basePath {
	prefix := bytes.TrimSuffix([]byte(p), []byte("/"))
	if len(prefix) == 0 {
		return nil
	}
	if prefix[0] != '/' {
		prefix = append([]byte("/"), prefix...)
	}
	return &basePath{prefix: prefix}
}

func (e *basePath) Extend(m goldmark.Markdown) {
	// goldmark's HTML renderer has priority 1000; a lower number wins.
	r := &basePathRenderer{prefix: e.prefix, html: html.NewRenderer(), links: newLinkRenderer()}
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(r, 100)))
}

// basePathRenderer renders links with linkRenderer (links.go) and images
// with goldmark's own HTML renderer, after putting the base path in front
// of the destination; the node gets its destination back as soon as it is
// written.
type basePathRenderer struct {
	prefix []byte
	html   renderer.NodeRenderer // a goldmark HTML renderer of our own, given the same options
	links  *linkRenderer         // given the same options too
	funcs  map[ast.NodeKind]renderer.NodeRendererFunc
}

// SetOption passes the Markdown renderer's options (unsafe HTML, XHTML) on
// to the inner renderer, so that links are written exactly as goldmark
// writes them everywhere else.
func (r *basePathRenderer) SetOption(name renderer.OptionName, value any) {
	if s, ok := r.html.(renderer.SetOptioner); ok {
		s.SetOption(name, value)
	}
	r.links.SetOption(name, value)
}

func (r *basePathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	r.funcs = map[ast.NodeKind]renderer.NodeRendererFunc{}
	r.html.RegisterFuncs(registry(r.funcs))
	r.links.RegisterFuncs(registry(r.funcs)) // in place of goldmark's
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
}

// registry collects the funcs a NodeRenderer registers.
type registry map[ast.NodeKind]renderer.NodeRendererFunc

func (m registry) Register(kind ast.NodeKind, f renderer.NodeRendererFunc) { m[kind] = f }

func (r *basePathRenderer) renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		return r.funcs[ast.KindLink](w, src, node, entering)
	}
	defer r.rebase(&n.Destination)()
	return r.funcs[ast.KindLink](w, src, node, entering)
}

func (r *basePathRenderer) renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Image)
	if !entering {
		return r.funcs[ast.KindImage](w, src, node, entering)
	}
	defer r.rebase(&n.Destination)()
	return r.funcs[ast.KindImage](w, src, node, entering)
}

// rebase puts the base path in front of *dest when it is root-relative and
// returns the func that puts the destination back.
func (r *basePathRenderer) rebase(dest *[]byte) (restore func()) {
	orig := *dest
	if isRootRelative(orig) {
		*dest = append(append(make([]byte, 0, len(r.prefix)+len(orig)), r.prefix...), orig...)
	}
	return func() { *dest = orig }
}

// isRootRelative reports whether dest is a path from the site's root:
// "/jobs/x/", not "//host/x".
func isRootRelative(dest []byte) bool {
	return len(dest) > 0 && dest[0] == '/' && !(len(dest) > 1 && (dest[1] == '/' || dest[1] == '\\'))
}
