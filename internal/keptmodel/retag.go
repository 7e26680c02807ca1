package keptmodel

import (
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
)

// retagging is a page of the model whose tags or skills change, and the
// parse of its file that lists them.
type retagging struct {
	page *model.Page
	src  *content.Page
}

// retag moves a page between the terms of m (model.Retag), and adds to
// redo the outputs that followed its terms, the lists, pagers, roles and
// counts of the terms it left and joined, the taxonomies' terms
// and the related pages that changed, and the sitemap files whose
// lastmods changed (a term's is its newest page's). The reads of those
// outputs change with their lists: the plan records them again. The term
// pages made and dropped are retermed; false when a term page made has
// a social card its name does not fit on, which a full build reports.
func (m *Model) retag(rt retagging, o Outputs, redo map[string]bool) bool {
	r := model.Retag(m.Config, m.Links, m.Pages, rt.page, rt.src)
	for _, q := range r.Pagers {
		old := m.Digests[q]
		m.Digests[q] = o.Digest(m, q)
		m.Readers.See(q, deps.Changed(old, m.Digests[q]), redo)
	}
	m.Readers.See(rt.page, deps.ListsReordered(), redo)
	m.Readers.SeeAll(r.Pagers, deps.ListsReordered(), redo)
	m.Readers.SeeAll(r.Pagers, deps.PagerReordered(), redo)
	m.Readers.SeeAll(r.Terms, deps.RolesReordered(), redo)
	m.Readers.SeeAll(r.Terms, deps.TermsCounted(), redo)
	m.Readers.SeeAll(r.Taxonomies, deps.ListsReordered(), redo)
	m.Readers.SeeAll(r.Termed, deps.TermsMadeOrDropped(), redo)
	m.Readers.SeeAll(r.LookedUp, deps.LookedUpTermsMadeOrDropped(), redo)
	m.Readers.SeeAll(r.Related, deps.ListsReordered(), redo)
	if r.Pages != nil {
		return m.reterm(r, o, redo)
	}
	m.ReplaceFiles(generate.RedatedSitemaps(m.Files), redo)
	return true
}

// reterm gives m the pages of r, with the term pages and pagers r made
// and without those it dropped: their outputs and social cards, their
// digests, and the sitemap files made again; the outputs that read a
// dropped page are keyed again, and what the dropped outputs read is
// forgotten.
func (m *Model) reterm(r model.Retagged, o Outputs, redo map[string]bool) bool {
	m.Pages = r.Pages
	m.Readers.SeeAll(r.Dropped, deps.Every(), redo)
	m.Readers.SeeAll(r.Translated, deps.Retranslated(), redo)
	var gone []string
	for _, d := range r.Dropped {
		gone = append(gone, model.OutputOf(d))
		if c, ok := o.Card(d); ok {
			gone = append(gone, c.Name)
		}
		delete(m.Digests, d)
		delete(m.Paged, d)
	}
	m.Readers.Drop(gone, r.Dropped)
	var files []generate.File
	var made []*Item
	for _, p := range r.Made {
		if p.Paginator.PageNumber() == 1 {
			m.Paged[p] = o.Paginates(p)
		}
		if o.CheckCard(p) != nil {
			return false
		}
		if c, ok := o.Card(p); ok {
			files = append(files, c)
		}
		name, err := o.Template(p)
		if err != nil {
			return false // every term page has its template: a full build reports it
		}
		made = append(made, &Item{Name: model.OutputOf(p), Page: p, Tmpl: name})
		m.Digests[p] = o.Digest(m, p)
	}
	for _, f := range m.Files {
		if f.Sitemap != nil {
			gone = append(gone, f.Name)
		}
	}
	files = append(files, generate.SitemapFiles(m.Sites, m.Pages, m.Links, m.SitemapLimit)...)
	m.ChangeOutputs(gone, files, made, redo)
	return true
}
