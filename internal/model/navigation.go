package model

import (
	"cmp"
	"slices"
	"sync"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/parallel"
)

// relatedCount is how many related pages a page lists at most.
const relatedCount = 5

// relatedTermLimit is how many pages a skill or tag may be on and still
// relate pages. A term on more pages says little about which of them belong
// together, and comparing every pair of its pages costs the square of their
// number: a tag on all of 10,000 pages would mean 10^8 comparisons.
const relatedTermLimit = 200

// Weights of what two pages share when related pages are ranked: a shared
// skill says more about a career page than a shared tag.
const (
	skillWeight = 2
	tagWeight   = 1
)

// navigate fills the navigation aids of every page: Breadcrumbs, Prev and
// Next within the section, and Related of the regular pages. It runs after
// the sections are sorted, so Prev and Next follow the order the section
// lists its pages in (a page hidden from lists has neither).
func navigate(s *Site, pages, regular []*Page) {
	for _, p := range pages {
		p.Breadcrumbs = breadcrumbs(p)
	}
	for _, sec := range s.Sections {
		for i, p := range sec.Pages {
			if i > 0 {
				p.Prev = sec.Pages[i-1]
			}
			if i+1 < len(sec.Pages) {
				p.Next = sec.Pages[i+1]
			}
		}
	}
	s.related = relate(regular)
}

// breadcrumbs is the trail from the home page down to p, p included.
func breadcrumbs(p *Page) []*Page {
	var trail []*Page
	for q := p; q != nil; q = q.Parent {
		trail = append(trail, q)
	}
	slices.Reverse(trail)
	return trail
}

// relate sets Related on every page: the pages that share the most skills
// and tags with it (skills count double), then the newest, then by title and
// URL, so the order never depends on map iteration or build order. Terms are
// compared by their slug, so "PostgreSQL" and "postgresql" are one term; a
// term on more than relatedTermLimit pages is not counted. A page hidden
// from lists has related pages but is none. It returns the index it
// relates them by, which Reorder uses again.
func relate(pages []*Page) *relatedIndex {
	x := newRelatedIndex(pages)
	// Every page is scored on its own, on all cores. parallel calls its
	// func once per small range, so the score table (one score per page,
	// cleared where it was touched) is borrowed from a pool: one per
	// worker rather than one per range, which at 100,000 pages would be
	// gigabytes of tables. The pool holds pointers: a slice put into an
	// interface would be copied to the heap at every Put.
	tables := sync.Pool{New: func() any { t := make([]int, len(pages)); return &t }}
	parallel.For(len(pages), func(lo, hi int) {
		table := tables.Get().(*[]int)
		defer tables.Put(table)
		for i := lo; i < hi; i++ {
			pages[i].Related = x.related(i, *table)
		}
	})
	return x
}

// relatedIndex is what relates pages: the term keys of each page
// (pageTerms), and for each key the listed pages that have it. It holds
// as long as the pages keep their skills, tags and hidden_from.
type relatedIndex struct {
	pages    []*Page
	at       map[*Page]int    // the place of each page in pages
	terms    []map[string]int // per page: term key → weight
	postings map[string][]posting
	hidden   []int // the pages hidden from lists, which have related pages but are none
}

// A posting is a page of relatedIndex.pages that has a term, and the
// weight of a match on it.
type posting struct {
	page   int
	weight int
}

func newRelatedIndex(pages []*Page) *relatedIndex {
	x := &relatedIndex{pages: pages, at: make(map[*Page]int, len(pages)), terms: make([]map[string]int, len(pages)), postings: map[string][]posting{}}
	for i, p := range pages {
		x.at[p] = i
		x.terms[i] = pageTerms(p)
		if p.hiddenFrom(content.HiddenFromLists) {
			x.hidden = append(x.hidden, i)
			continue
		}
		for key, w := range x.terms[i] {
			x.postings[key] = append(x.postings[key], posting{i, w})
		}
	}
	return x
}

// counts reports whether the term key relates pages: it is on no more
// than relatedTermLimit listed pages.
func (x *relatedIndex) counts(key string) bool {
	return len(x.postings[key]) <= relatedTermLimit
}

// related returns the related pages of pages[i]; scores is a table of
// zeros, one per page, which it leaves zeros.
func (x *relatedIndex) related(i int, scores []int) []*Page {
	var touched []int
	for key, w := range x.terms[i] {
		if !x.counts(key) {
			continue
		}
		for _, post := range x.postings[key] {
			if post.page == i {
				continue
			}
			if scores[post.page] == 0 {
				touched = append(touched, post.page)
			}
			scores[post.page] += min(w, post.weight)
		}
	}
	related := topRelated(x.pages, scores, touched)
	for _, j := range touched {
		scores[j] = 0
	}
	return related
}

// relatedAgain is related for pages[i] of a model whose named pages are
// found already (career.go): less the pages its author names as related.
// Reorder and Retag relate pages again by it.
func (x *relatedIndex) relatedAgain(i int, scores []int) []*Page {
	q := x.pages[i]
	return without(x.related(i, scores), q.RelatedRoles, q.RelatedCertifications, q.Alternatives)
}

// pageTerms keys a page's skills and tags by kind and slug, with the weight
// of a match on each.
func pageTerms(p *Page) map[string]int {
	terms := map[string]int{}
	for _, s := range p.Skills {
		terms["skill:"+TermSlug(s)] = skillWeight
	}
	for _, t := range p.Tags {
		terms["tag:"+TermSlug(t)] = tagWeight
	}
	return terms
}

// topRelated returns the relatedCount candidates with the highest scores,
// then the newest, then by title and URL: a total order, so keeping the
// best few as they come gives what sorting them all would.
func topRelated(pages []*Page, scores []int, candidates []int) []*Page {
	if len(candidates) == 0 {
		return nil
	}
	before := func(a, b int) bool {
		return cmp.Or(cmp.Compare(scores[b], scores[a]), byDate(pages[a], pages[b])) < 0
	}
	best := make([]int, 0, relatedCount+1)
	for _, c := range candidates {
		if len(best) == relatedCount && !before(c, best[len(best)-1]) {
			continue
		}
		at := len(best)
		for at > 0 && before(c, best[at-1]) {
			at--
		}
		best = slices.Insert(best, at, c)
		if len(best) > relatedCount {
			best = best[:relatedCount]
		}
	}
	related := make([]*Page, len(best))
	for i, c := range best {
		related[i] = pages[c]
	}
	return related
}
