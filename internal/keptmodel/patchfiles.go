package keptmodel

import (
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
)

// This file gives a patched model the generated files a fresh build
// would make of its patched pages, which the index of readers
// (deps.Readers) does not know, since no page template makes them: the
// sitemap, which holds every page's date; the redirect pages, which show
// the title of the page they lead to; and a page's social card, which
// shows its title and salary. (The feeds are keyed by their entries'
// digests and read through the readers; the files made from bodies are
// made again by internal/site: SetBodyFiles.)

// patchedPage is a page of a model patched in place, and a copy of it as
// it was.
type patchedPage struct {
	page, before *model.Page
}

// patchFiles makes again the generated files of m that the patched pages
// change, and adds their names to redo: every patched page's card, whose
// key tells whether it changed, and when a page's date changed, the
// sitemap files whose lastmods changed. It gives every patched page that
// has a card its SocialCard.
func (m *Model) patchFiles(patched []patchedPage, o Outputs, redo map[string]bool) {
	var files []generate.File
	titled := map[*model.Page]bool{}
	dated := false
	for _, pp := range patched {
		p, before := pp.page, pp.before
		if c, ok := o.Card(p); ok {
			files = append(files, c)
		}
		titled[p] = p.Title != before.Title
		dated = dated || !p.Lastmod.Equal(before.Lastmod)
	}
	if dated {
		files = append(files, generate.RedatedSitemaps(m.Files)...)
	}
	for _, f := range m.Files {
		if f.RedirectTo != nil && titled[f.RedirectTo] {
			redo[f.Name] = true
		}
	}
	m.ReplaceFiles(files, redo)
}
