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
//
// The reads of an output replaced (Replace) are not looked for in the
// lists of the pages it read, which for a section's page or a term's are
// thousands long: each output has a generation, every read it records
// carries it, and a read of a generation before its output's is no more.
// Such reads are swept out of every list at once when they outnumber the
// others.
type Readers struct {
	ids    map[string]int32         // the outputs by name: their index in outs
	outs   []output                 // by id
	of     map[*model.Page][]reader // the reads of a page through the relations of outputs' pages
	shared map[*Shared][]stamp      // the reads many outputs share, and the outputs that make them
	all    []stamp                  // the outputs that may read anything

	live, stale int // the reads in of, shared and all that are current, and that are no more
}

// output is one output's name, the generation of its reads, and how many
// of them are current.
type output struct {
	name string
	gen  uint32
	n    int
}

// stamp names an output and the generation of its reads a read is of.
type stamp struct {
	id  int32
	gen uint32
}

// reader is one output's read of a page.
type reader struct {
	stamp
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
// counted first, and every page's list cut from one array: a session's
// whole plan records a few reads an output, and appending them page by
// page was most of its allocations.
func NewReaders(names []string, read []Reads) Readers {
	count, total := map[*model.Page]int{}, 0
	for _, r := range read {
		for _, rd := range r.Pages {
			count[rd.Page]++
		}
		total += len(r.Pages)
	}
	rs := Readers{ids: make(map[string]int32, len(names)), outs: make([]output, len(names)),
		of: make(map[*model.Page][]reader, len(count)), shared: map[*Shared][]stamp{}}
	all := make([]reader, total)
	for i, r := range read {
		rs.ids[names[i]] = int32(i)
		rs.outs[i] = output{name: names[i], n: len(r.Pages) + len(r.Shared)}
		st := stamp{id: int32(i)}
		for _, rd := range r.Pages {
			list, ok := rs.of[rd.Page]
			if !ok {
				n := count[rd.Page]
				list, all = all[:0:n], all[n:]
			}
			rs.of[rd.Page] = append(list, reader{st, rd})
		}
		for _, s := range r.Shared {
			rs.shared[s] = append(rs.shared[s], st)
		}
		if r.All {
			rs.all = append(rs.all, st)
			rs.outs[i].n++
		}
		rs.live += rs.outs[i].n
	}
	return rs
}

// Replace records what the outputs of names read, reads[i] being the
// reads of names[i], in place of what they read before: after pages were
// sorted again (model.Reorder), the outputs keyed again may reach other
// pages.
func (rs *Readers) Replace(names []string, reads []Reads) {
	if rs.ids == nil { // the zero Readers
		rs.ids, rs.of, rs.shared = map[string]int32{}, map[*model.Page][]reader{}, map[*Shared][]stamp{}
	}
	for i, name := range names {
		id, ok := rs.ids[name]
		if !ok {
			id = int32(len(rs.outs))
			rs.ids[name] = id
			rs.outs = append(rs.outs, output{name: name})
		}
		o := &rs.outs[id]
		o.gen++
		rs.live -= o.n
		rs.stale += o.n
		r := reads[i]
		st := stamp{id, o.gen}
		for _, rd := range r.Pages {
			rs.of[rd.Page] = append(rs.of[rd.Page], reader{st, rd})
		}
		for _, s := range r.Shared {
			rs.shared[s] = append(rs.shared[s], st)
		}
		o.n = len(r.Pages) + len(r.Shared)
		if r.All {
			rs.all = append(rs.all, st)
			o.n++
		}
		rs.live += o.n
	}
	if rs.stale > rs.live {
		rs.sweep()
	}
}

// current reports whether st is of its output's reads as they are.
func (rs *Readers) current(st stamp) bool { return rs.outs[st.id].gen == st.gen }

// sweep takes the reads that are no more out of every list.
func (rs *Readers) sweep() {
	for p, list := range rs.of {
		if list = slices.DeleteFunc(list, func(r reader) bool { return !rs.current(r.stamp) }); len(list) == 0 {
			delete(rs.of, p)
		} else {
			rs.of[p] = list
		}
	}
	for s, list := range rs.shared {
		if list = slices.DeleteFunc(list, func(st stamp) bool { return !rs.current(st) }); len(list) == 0 {
			delete(rs.shared, s)
		} else {
			rs.shared[s] = list
		}
	}
	rs.all = slices.DeleteFunc(rs.all, func(st stamp) bool { return !rs.current(st) })
	rs.stale = 0
}

// Drop forgets the outputs of names, which are no more, and the reads of
// pages, pages of a model no more (model.Retag's dropped term pages):
// call SeeAll of them first.
func (rs *Readers) Drop(names []string, pages []*model.Page) {
	rs.Replace(names, make([]Reads, len(names)))
	for _, p := range pages {
		for _, r := range rs.of[p] {
			if rs.current(r.stamp) {
				rs.outs[r.id].n--
				rs.live--
			} else {
				rs.stale--
			}
		}
		delete(rs.of, p)
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
	for _, st := range rs.all {
		if rs.current(st) {
			redo[rs.outs[st.id].name] = true
		}
	}
	changed := make(map[*model.Page]bool, len(pages))
	for _, p := range pages {
		changed[p] = true
		for _, r := range rs.of[p] {
			if r.read.Sees(c) && rs.current(r.stamp) {
				redo[rs.outs[r.id].name] = true
			}
		}
	}
	is := func(p *model.Page) bool { return changed[p] }
	for s, list := range rs.shared {
		if s.seesAny(is, c) {
			for _, st := range list {
				if rs.current(st) {
					redo[rs.outs[st.id].name] = true
				}
			}
		}
	}
}
