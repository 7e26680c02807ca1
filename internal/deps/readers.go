package deps

import (
	"slices"

	"github.com/careersite/careersite/internal/model"
)

// Readers are which outputs read what of which page, as the keys of every
// output recorded it (PageKey with its reads), so that an edit of pages
// that keeps the model's shape keys again only the outputs that read what
// changed: the body of a page, or the front matter that model.Patchable
// lets a model keep.
type Readers struct {
	of     map[*model.Page][]reader // the reads of a page through the relations of outputs' pages
	shared map[*Shared][]string     // the reads many outputs share, and the outputs that make them
	all    []string                 // the outputs that may read anything
	pages  map[string][]*model.Page // the pages each output reads, by output
}

// reader is one output's read of a page.
type reader struct {
	name string
	read Read
}

// Reads are what one output reads of the pages: a PageKey's Reads,
// Shared and All, and whatever else its maker knows it reads.
type Reads struct {
	Pages  []Read
	Shared []*Shared
	All    bool
}

// NewReaders records what each output of names reads, read[i] being the
// reads of names[i], by page and by output. The reads of each page are
// counted first, and every page's list cut from one array, as every
// output's list of pages is from another: a session's whole plan records
// a few reads an output, and appending them page by page was most of its
// allocations. (The index by output was made by the first Replace, and
// the keystroke that moved a page first paid 0.4 s for it at 10,000
// pages: made here from the reads in hand, it costs a little more memory
// and time of a whole plan.)
func NewReaders(names []string, read []Reads) Readers {
	count, total := map[*model.Page]int{}, 0
	for _, r := range read {
		for _, rd := range r.Pages {
			count[rd.Page]++
		}
		total += len(r.Pages)
	}
	rs := Readers{of: make(map[*model.Page][]reader, len(count)), shared: map[*Shared][]string{}, pages: make(map[string][]*model.Page, len(names))}
	all := make([]reader, total)
	byOutput := make([]*model.Page, total)
	for i, r := range read {
		own := byOutput[:0:len(r.Pages)]
		byOutput = byOutput[len(r.Pages):]
		for _, rd := range r.Pages {
			list, ok := rs.of[rd.Page]
			if !ok {
				n := count[rd.Page]
				list, all = all[:0:n], all[n:]
			}
			rs.of[rd.Page] = append(list, reader{names[i], rd})
			if n := len(own); n == 0 || own[n-1] != rd.Page {
				own = append(own, rd.Page)
			}
		}
		if len(own) > 0 {
			rs.pages[names[i]] = own
		}
		for _, s := range r.Shared {
			rs.shared[s] = append(rs.shared[s], names[i])
		}
		if r.All {
			rs.all = append(rs.all, names[i])
		}
	}
	return rs
}

// Replace records what the outputs of names read, reads[i] being the
// reads of names[i], in place of what they read before: after pages were
// sorted again (model.Reorder), the outputs keyed again may reach other
// pages.
func (rs *Readers) Replace(names []string, reads []Reads) {
	if len(names) == 0 {
		return
	}
	if rs.pages == nil {
		rs.pages = map[string][]*model.Page{} // the zero Readers
	}
	gone := make(map[string]bool, len(names))
	read := map[*model.Page]bool{}
	for _, name := range names {
		gone[name] = true
		for _, p := range rs.pages[name] {
			read[p] = true
		}
		delete(rs.pages, name)
	}
	for p := range read {
		rs.of[p] = slices.DeleteFunc(rs.of[p], func(r reader) bool { return gone[r.name] })
	}
	for s, list := range rs.shared {
		if list = slices.DeleteFunc(list, func(name string) bool { return gone[name] }); len(list) == 0 {
			delete(rs.shared, s)
		} else {
			rs.shared[s] = list
		}
	}
	rs.all = slices.DeleteFunc(rs.all, func(name string) bool { return gone[name] })
	for i, r := range reads {
		for _, rd := range r.Pages {
			rs.of[rd.Page] = append(rs.of[rd.Page], reader{names[i], rd})
			rs.readBy(names[i], rd.Page)
		}
		for _, s := range r.Shared {
			rs.shared[s] = append(rs.shared[s], names[i])
		}
		if r.All {
			rs.all = append(rs.all, names[i])
		}
	}
}

// Drop forgets the outputs of names, which are no more, and the reads of
// pages, pages of a model no more (model.Retag's dropped term pages):
// call SeeAll of them first.
func (rs *Readers) Drop(names []string, pages []*model.Page) {
	rs.Replace(names, make([]Reads, len(names)))
	for _, p := range pages {
		delete(rs.of, p)
	}
}

// readBy records in rs.pages that the output name reads page p.
func (rs *Readers) readBy(name string, p *model.Page) {
	if list := rs.pages[name]; len(list) == 0 || list[len(list)-1] != p {
		rs.pages[name] = append(list, p)
	}
}

// See adds to redo the outputs that see changes c of page p.
func (rs *Readers) See(p *model.Page, c Changes, redo map[string]bool) {
	rs.SeeAll([]*model.Page{p}, c, redo)
}

// SeeAll adds to redo the outputs that see changes c of one of pages:
// See of each, with the reads many outputs share looked into once.
func (rs *Readers) SeeAll(pages []*model.Page, c Changes, redo map[string]bool) {
	if c.None() || len(pages) == 0 {
		return
	}
	for _, name := range rs.all {
		redo[name] = true
	}
	changed := make(map[*model.Page]bool, len(pages))
	for _, p := range pages {
		changed[p] = true
		for _, r := range rs.of[p] {
			if r.read.Sees(c) {
				redo[r.name] = true
			}
		}
	}
	is := func(p *model.Page) bool { return changed[p] }
	for s, names := range rs.shared {
		if s.seesAny(is, c) {
			for _, name := range names {
				redo[name] = true
			}
		}
	}
}
