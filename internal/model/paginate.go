package model

import (
	"strconv"
	"strings"
)

// Paginator splits the list of a section or term page into pagers of
// page_size pages: /jobs/, /jobs/page/2/, /jobs/page/3/ … Every pager is a
// page of its own, rendered with the list page's template; on each, .Pages
// is the whole list and .Paginator.Pages the part that pager shows. A list
// that fits on one pager still has a Paginator, with one pager.
//
// Only a list whose template reads .Paginator is split (Hugo's rule; Index
// is told which by its Paginates func): a template that ranges over
// .Pages alone would make every pager a copy of the whole list. Any other
// list has a Paginator of one pager that holds the whole list, for a
// template that reads it from another page (.Parent.Paginator).
type Paginator struct {
	Pages []*Page // the pages on this pager

	number int     // 1-based
	pagers []*Page // the list page, then its /page/N/ copies
	items  int     // pages in the whole list
	size   int     // page_size
	config int     // page_size as site.yaml sets it
	paged  bool    // whether the list is cut into pagers of config pages
}

// PageNumber is the number of this pager, from 1.
func (pg *Paginator) PageNumber() int { return pg.number }

// TotalPages is the number of pagers.
func (pg *Paginator) TotalPages() int { return len(pg.pagers) }

// TotalItems is the number of pages in the whole list.
func (pg *Paginator) TotalItems() int { return pg.items }

// PageSize is the most pages a pager shows (page_size).
func (pg *Paginator) PageSize() int { return pg.size }

// URL is the root-relative URL of this pager.
func (pg *Paginator) URL() string { return pg.pagers[pg.number-1].URL }

// First is the URL of the first pager: the list page itself.
func (pg *Paginator) First() string { return pg.pagers[0].URL }

// Last is the URL of the last pager.
func (pg *Paginator) Last() string { return pg.pagers[len(pg.pagers)-1].URL }

// HasPrev reports whether there is a pager before this one.
func (pg *Paginator) HasPrev() bool { return pg.number > 1 }

// HasNext reports whether there is a pager after this one.
func (pg *Paginator) HasNext() bool { return pg.number < len(pg.pagers) }

// Prev is the URL of the pager before this one, "" on the first.
func (pg *Paginator) Prev() string {
	if !pg.HasPrev() {
		return ""
	}
	return pg.pagers[pg.number-2].URL
}

// Next is the URL of the pager after this one, "" on the last.
func (pg *Paginator) Next() string {
	if !pg.HasNext() {
		return ""
	}
	return pg.pagers[pg.number].URL
}

// Pager is one entry of a numbered pager navigation: a pager, or a gap
// (Gap true, no Number or URL) where pagers were left out.
type Pager struct {
	Number  int
	URL     string
	Current bool // the pager being rendered
	Gap     bool // pagers left out between the entries either side
}

// pagerReach is how many pagers on either side of the current one Pagers
// lists.
const pagerReach = 2

// Pagers lists the pagers to link for numbered navigation: the first, the
// last, and the pagerReach pagers on either side of this one, with a Gap
// entry where two or more were left out (1 … 4 5 [6] 7 8 … 50). Listing every
// pager would make the navigation of a list of n pagers n links long on
// each of its n pagers, which on a large site is most of its HTML.
func (pg *Paginator) Pagers() []Pager {
	var out []Pager
	last, total := 0, len(pg.pagers)
	lo, hi := pg.number-pagerReach, pg.number+pagerReach
	// A gap would stand for one pager only: list that pager instead.
	if lo == 3 {
		lo = 2
	}
	if hi == total-2 {
		hi = total - 1
	}
	for n := 1; n <= total; n++ {
		if n != 1 && n != total && (n < lo || n > hi) {
			continue
		}
		if n > last+1 {
			out = append(out, Pager{Gap: true})
		}
		out = append(out, Pager{Number: n, URL: pg.pagers[n-1].URL, Current: n == pg.number})
		last = n
	}
	return out
}

// paginate gives every section and term page among pages its Paginator and
// returns the pages of their pagers after the first, as shallow copies of
// the list page with URLs "<list>/page/N/" (site paths, like every URL
// before index adds the base path). A list that paginates (see Paginator)
// is cut into pagers of size pages, any other is one pager.
//
// A copy does not check the Markdown links of its list page again: its
// content is the same, and relative links would be read against another
// URL.
func paginate(size int, paginates Paginates, pages []*Page) []*Page {
	var copies []*Page
	for _, p := range pages {
		if p.Kind != KindSection && p.Kind != KindTerm {
			continue
		}
		paged := paginates(p)
		pagers := []*Page{p}
		for n := 2; n <= len(cut(p.Pages, size, paged)); n++ {
			cp := *p
			cp.URL = PagerPath(p.URL, n)
			cp.links = nil
			pagers = append(pagers, &cp)
			copies = append(copies, &cp)
		}
		setPagers(pagers, p.Pages, size, paged)
	}
	return copies
}

// cut is the parts of list its pagers show: one part when the list is
// not paged.
func cut(list []*Page, size int, paged bool) [][]*Page {
	if paged {
		return split(list, size)
	}
	return [][]*Page{list}
}

// setPagers gives the pagers of a list page (the page, then its copies)
// the list and their Paginators, the parts of list cut as paged and size
// say; there are as many pagers as parts.
func setPagers(pagers []*Page, list []*Page, size int, paged bool) {
	chunks, shown := cut(list, size, paged), max(size, len(list))
	if paged {
		shown = size
	}
	for i, pager := range pagers {
		pager.Pages = list
		pager.Paginator = &Paginator{Pages: chunks[i], number: i + 1, pagers: pagers, items: len(list), size: shown, config: size, paged: paged}
	}
}

// Paginates reports whether the template of the list page p reads
// .Paginator, so that its list is cut into pagers. It is asked before p
// has its URL; the page's kind, section, type, layout and taxonomy, which
// choose its template, are set.
type Paginates func(p *Page) bool

// split cuts list into chunks of size; an empty list is one empty chunk.
func split(list []*Page, size int) [][]*Page {
	if len(list) == 0 || size < 1 {
		return [][]*Page{list}
	}
	var chunks [][]*Page
	for len(list) > 0 {
		n := min(size, len(list))
		chunks = append(chunks, list[:n:n])
		list = list[n:]
	}
	return chunks
}

// PagerPath is the site path of pager n of the list at listURL:
// "/jobs/", 2 → "/jobs/page/2/".
func PagerPath(listURL string, n int) string {
	return strings.TrimSuffix(listURL, "/") + "/page/" + strconv.Itoa(n) + "/"
}
