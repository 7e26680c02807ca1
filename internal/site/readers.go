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

// newReaders records what each output of names reads, read[i] being the
// reads of names[i]. The reads of each page are counted first, and every
// page's list cut from one array: a session's whole plan records a few
// reads an output, and appending them page by page was most of its
// allocations.
func newReaders(names []string, read []reads) readers {
	count, total := map[*model.Page]int{}, 0
	for _, r := range read {
		for _, rd := range r.pages {
			count[rd.Page]++
		}
		total += len(r.pages)
	}
	rs := readers{of: make(map[*model.Page][]reader, len(count)), shared: map[*deps.Shared][]string{}}
	all := make([]reader, total)
	for i, r := range read {
		for _, rd := range r.pages {
			list, ok := rs.of[rd.Page]
			if !ok {
				n := count[rd.Page]
				list, all = all[:0:n], all[n:]
			}
			rs.of[rd.Page] = append(list, reader{names[i], rd})
		}
		for _, s := range r.shared {
			rs.shared[s] = append(rs.shared[s], names[i])
		}
		if r.all {
			rs.all = append(rs.all, names[i])
		}
	}
	return rs
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
