package keptmodel

import (
	"slices"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
)

// moving is a page of the model whose URL changes, and the parse of its
// file that gives it.
type moving struct {
	page *model.Page
	src  *content.Page
}

// Moves reports whether the page of m made from src's file gets another
// URL from it.
func (m *Model) Moves(src *content.Page) bool {
	for _, p := range m.ByFile[src.Path] {
		if model.Moves(p, src) {
			return true
		}
	}
	return false
}

// canMove reports whether page p of m may be moved to the URL of src
// (model.CanMove), its social card too: to a file no other output has.
func (m *Model) canMove(p *model.Page, src *content.Page, o Outputs) bool {
	if !model.CanMove(m.Pages, p, src, m.Claims) {
		return false
	}
	after := *p
	model.MoveURL(m.Links, nil, &after, src)
	c, ok := o.Card(&after)
	return !ok || !m.Claims(c.Name)
}

// move gives a page of m the URL of its file's parse (model.MoveURL): its
// output and its social card are written to other files, which read what
// the old ones read (deps.Readers.Rename), the sitemap files that list it
// are made again (generate.MovedSitemaps, else all of them), and so is
// the list of redirects when the page has aliases; the redirect pages to
// it are keyed again, and its links are resolved again at the link
// check. The outputs that read its URL are found by its digests, which
// Patch makes again (the link group holds the URL and the permalink). It
// reports whether the page keeps its place in every list (else m.reorder
// must sort them again).
func (m *Model) move(mv moving, o Outputs, redo map[string]bool) bool {
	p := mv.page
	old, oldPermalink := model.OutputOf(p), p.Permalink
	gone := []string{old}
	oldCard, hasCard := o.Card(p)
	if hasCard {
		gone = append(gone, oldCard.Name)
	}
	i, ok := FindItem(m.Items, old)
	if !ok {
		panic("keptmodel: a page of the model has no output " + old)
	}
	it := m.Items[i]
	keeps := model.MoveURL(m.Links, m.Pages, p, mv.src)
	m.Readers.Rename(old, model.OutputOf(p))
	delete(m.Refs, p)
	var files []generate.File
	if c, ok := o.Card(p); ok {
		files = append(files, c)
		if hasCard {
			m.Readers.Rename(oldCard.Name, c.Name)
		}
	}
	for _, f := range m.Files {
		switch {
		case f.RedirectTo == p:
			redo[f.Name] = true
		case f.Name == generate.RedirectsFile && len(mv.src.Aliases) > 0:
			gone = append(gone, f.Name)
		}
	}
	sitemaps, ok := generate.MovedSitemaps(m.Files, p, oldPermalink)
	if !ok {
		sitemaps = generate.SitemapFiles(m.Sites, m.Pages, m.Links, m.SitemapLimit)
	}
	for _, f := range m.Files {
		if f.Sitemap != nil && (!ok || slices.ContainsFunc(sitemaps, func(g generate.File) bool { return g.Name == f.Name })) {
			gone = append(gone, f.Name)
		}
	}
	files = append(files, sitemaps...)
	if len(mv.src.Aliases) > 0 {
		if f, ok := generate.RedirectsListFile(generate.Redirects(&model.Model{Site: m.Site, Sites: m.Sites, Pages: m.Pages}, m.Pub), m.Links); ok {
			files = append(files, f)
		}
	}
	m.ChangeOutputs(gone, files, []*Item{{Name: model.OutputOf(p), Page: p, Tmpl: it.Tmpl}}, redo)
	return keeps
}
