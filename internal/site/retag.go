package site

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

// retags reports whether the page of m made from src's file lists other
// tags or skills than src.
func retags(m *siteModel, src *content.Page) bool {
	for _, p := range m.byFile[src.Path] {
		if model.Retags(p, src) {
			return true
		}
	}
	return false
}

// retag moves a page between the terms of m (model.Retag), and adds to
// redo the outputs that followed its terms, the lists, pagers, roles and
// counts of the terms it left and joined, the taxonomies' terms by count
// and the related pages that changed, and the sitemap files whose
// lastmods changed (a term's is its newest page's). The reads of those
// outputs change with their lists: replan records them again.
func (b *Builder) retag(m *siteModel, rt retagging, redo map[string]bool) {
	r := model.Retag(b.cfg, rt.page, rt.src)
	for _, q := range r.Pagers {
		old := m.pd[q]
		m.pd[q] = b.digestPage(m, q)
		m.readers.See(q, deps.Changed(old, m.pd[q]), redo)
	}
	m.readers.See(rt.page, deps.ListsReordered(), redo)
	m.readers.SeeAll(r.Pagers, deps.ListsReordered(), redo)
	m.readers.SeeAll(r.Pagers, deps.PagerReordered(), redo)
	m.readers.SeeAll(r.Terms, deps.RolesReordered(), redo)
	m.readers.SeeAll(r.Terms, deps.TermsCounted(), redo)
	m.readers.SeeAll(r.Taxonomies, deps.ListsReordered(), redo)
	m.readers.SeeAll(r.Related, deps.ListsReordered(), redo)
	m.replaceFiles(generate.RedatedSitemaps(m.files), redo)
}
