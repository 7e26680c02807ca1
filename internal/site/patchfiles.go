package site

import (
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
)

// This file gives a patched model (patchPlan) the generated files a fresh
// build would make of its patched pages, which the index of readers
// (deps.Readers) does not know, since no page template makes them: the
// sitemap, which holds every page's date; the redirect pages, which show
// the title of the page they lead to; and a page's social card, which
// shows its title and salary. (The feeds are keyed by their entries'
// digests and read through the readers; the files made from bodies are
// made again by regenerate.)

// patchedPage is a page of a model patched in place, and a copy of it as
// it was.
type patchedPage struct {
	page, before *model.Page
}

// patchFiles makes again the generated files of m that the patched pages
// change, and adds their names to redo: every patched page's card, whose
// key tells whether it changed, and when a page's date changed, the
// sitemap files whose lastmods changed. It gives every patched page that has a card its SocialCard.
func (b *Builder) patchFiles(m *siteModel, patched []patchedPage, redo map[string]bool) {
	var files []generate.File
	titled := map[*model.Page]bool{}
	dated := false
	for _, pp := range patched {
		p, before := pp.page, pp.before
		if c, ok := b.cardOf(p); ok {
			files = append(files, b.cardFile(c))
		}
		titled[p] = p.Title != before.Title
		dated = dated || !p.Lastmod.Equal(before.Lastmod)
	}
	if dated {
		files = append(files, generate.RedatedSitemaps(m.files)...)
	}
	for _, f := range m.files {
		if f.RedirectTo != nil && titled[f.RedirectTo] {
			redo[f.Name] = true
		}
	}
	m.replaceFiles(files, redo)
}

// replaceFiles puts files in the place of the generated files of m of
// the same names, among its files and its planned items, and adds their
// names to redo.
func (m *siteModel) replaceFiles(files []generate.File, redo map[string]bool) {
	if len(files) == 0 {
		return
	}
	m.files, m.items = slices.Clone(m.files), slices.Clone(m.items)
	for _, f := range files {
		i, found := slices.BinarySearchFunc(m.files, f.Name, func(g generate.File, name string) int { return strings.Compare(g.Name, name) })
		j, planned := slices.BinarySearchFunc(m.items, f.Name, func(it *item, name string) int { return strings.Compare(it.name, name) })
		if !found || !planned {
			panic("site: a patched model has no file " + f.Name) // the same pages make the same files
		}
		m.files[i] = f
		m.items[j] = &item{name: f.Name, gen: &m.files[i]}
		redo[f.Name] = true
	}
}
