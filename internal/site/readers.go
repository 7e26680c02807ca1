package site

import (
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
)

// readers are which outputs read what of which page, as the last plan of
// every output keyed them (deps.PageKey), so that an edit of pages that
// keeps the model's shape keys again only the outputs that read what
// changed (patchPlan): the body of a page, or the front matter that
// model.Patchable lets a model keep.
type readers struct {
	of     map[*model.Page][]reader  // the reads of a page through the relations of outputs' pages
	shared map[*deps.Shared][]string // the reads many outputs share, and the outputs that make them
	all    []string                  // the outputs that may read anything
}

// reader is one output's read of a page.
type reader struct {
	name string
	read deps.Read
}

// reads are what one output reads of the pages.
type reads struct {
	pages  []deps.Read
	shared []*deps.Shared
	all    bool
}

func newReaders() readers {
	return readers{of: map[*model.Page][]reader{}, shared: map[*deps.Shared][]string{}}
}

// add records what output name reads.
func (rs *readers) add(name string, r reads) {
	for _, rd := range r.pages {
		rs.of[rd.Page] = append(rs.of[rd.Page], reader{name, rd})
	}
	for _, s := range r.shared {
		rs.shared[s] = append(rs.shared[s], name)
	}
	if r.all {
		rs.all = append(rs.all, name)
	}
}

// see adds to redo the outputs that see changes c of page p.
func (rs *readers) see(p *model.Page, c deps.Changes, redo map[string]bool) {
	if c.None() {
		return
	}
	for _, name := range rs.all {
		redo[name] = true
	}
	for _, r := range rs.of[p] {
		if r.read.Sees(c) {
			redo[r.name] = true
		}
	}
	for s, names := range rs.shared {
		if s.Sees(p, c) {
			for _, name := range names {
				redo[name] = true
			}
		}
	}
}
