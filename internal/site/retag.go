package site

import (
	"slices"
	"strings"

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
// counts of the terms it left and joined, the taxonomies' terms
// and the related pages that changed, and the sitemap files whose
// lastmods changed (a term's is its newest page's). The reads of those
// outputs change with their lists: replan records them again. The term
// pages made and dropped are retermed; false when a term page made has
// a social card its name does not fit on, which a full build reports.
func (b *Builder) retag(m *siteModel, rt retagging, redo map[string]bool) bool {
	r := model.Retag(b.cfg, b.links, m.pages, rt.page, rt.src)
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
	m.readers.SeeAll(r.Termed, deps.TermsMadeOrDropped(), redo)
	m.readers.SeeAll(r.LookedUp, deps.LookedUpTermsMadeOrDropped(), redo)
	m.readers.SeeAll(r.Related, deps.ListsReordered(), redo)
	if r.Pages != nil {
		return b.reterm(m, r, redo)
	}
	m.replaceFiles(generate.RedatedSitemaps(m.files), redo)
	return true
}

// reterm gives m the pages of r, with the term pages and pagers r made
// and without those it dropped: their outputs and social cards, their digests, and
// the sitemap files made again; the outputs that read a dropped page are
// keyed again, and what the dropped outputs read is forgotten.
func (b *Builder) reterm(m *siteModel, r model.Retagged, redo map[string]bool) bool {
	m.pages = r.Pages
	m.readers.SeeAll(r.Dropped, deps.Every(), redo)
	m.readers.SeeAll(r.Translated, deps.Retranslated(), redo)
	var gone []string
	for _, d := range r.Dropped {
		gone = append(gone, model.OutputOf(d))
		if c, ok := b.cardOf(d); ok {
			gone = append(gone, c.Name)
		}
		delete(m.pd, d)
		delete(m.paged, d)
	}
	m.readers.Drop(gone, r.Dropped)
	var files []generate.File
	var made []*item
	for _, p := range r.Made {
		if p.Paginator.PageNumber() == 1 {
			m.paged[p] = b.paginates(p)
		}
		if c, ok := b.cardOf(p); ok {
			if b.cards.Check(c.Card) != nil {
				return false
			}
			files = append(files, b.cardFile(c))
		}
		name, err := b.renderer.Find(lookupOf(p))
		if err != nil {
			return false // every term page has its template: a full build reports it
		}
		made = append(made, &item{name: model.OutputOf(p), page: p, tmpl: name})
		m.pd[p] = b.digestPage(m, p)
	}
	for _, f := range m.files {
		if f.Sitemap != nil {
			gone = append(gone, f.Name)
		}
	}
	files = append(files, generate.SitemapFiles(m.sites, m.pages, b.links, b.opts.sitemapLimit)...)
	m.changeOutputs(gone, files, made, redo)
	return true
}

// changeOutputs takes the outputs named gone out of m's files and items,
// and out of redo (a plan keys its items only, and counts them), puts
// files and the pages' items made in, and adds their names to redo.
func (m *siteModel) changeOutputs(gone []string, files []generate.File, made []*item, redo map[string]bool) {
	out := map[string]bool{}
	for _, name := range gone {
		out[name] = true
		delete(redo, name)
	}
	m.files = slices.DeleteFunc(slices.Clone(m.files), func(f generate.File) bool { return out[f.Name] })
	m.files = append(m.files, files...)
	slices.SortFunc(m.files, func(a, b generate.File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range files {
		redo[f.Name] = true
	}
	items := slices.DeleteFunc(slices.Clone(m.items), func(it *item) bool { return out[it.name] })
	for i := range m.files {
		if f := &m.files[i]; redo[f.Name] && !f.ClaimOnly {
			items = append(items, &item{name: f.Name, gen: f})
		}
	}
	for _, it := range made {
		items = append(items, it)
		redo[it.name] = true
	}
	slices.SortFunc(items, func(a, b *item) int { return strings.Compare(a.name, b.name) })
	m.items = items
}

// claims reports whether an output of m, or a name only the list of
// redirects claims, is written to the file name.
func (m *siteModel) claims(name string) bool {
	_, planned := slices.BinarySearchFunc(m.items, name, func(it *item, name string) int { return strings.Compare(it.name, name) })
	_, generated := slices.BinarySearchFunc(m.files, name, func(f generate.File, name string) int { return strings.Compare(f.Name, name) })
	return planned || generated
}
