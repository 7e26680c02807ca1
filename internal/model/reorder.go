package model

import (
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/content"
)

// This file sorts the lists of a model again in place, after
// PatchFrontMatter gave pages a title, date or weight that moves them
// among the others (KeepsOrder false): the lists, pagers, neighbours,
// related pages and feeds are then those Index would make of the patched
// pages, and Reordered says which of them changed, for the pipeline to
// key again only the outputs that follow them.

// Reordered is what Reorder changed.
type Reordered struct {
	// Lists are the pages whose .Pages, .Prev, .Next or .Related hold
	// other pages, or the same in another order: a section and its
	// pagers, a term's page and its pagers (its term's .Pages), the home
	// page (.Site.Pages), a page's neighbours and the pages it is related
	// to.
	Lists []*Page
	// Pagers are the pagers whose .Paginator.Pages show other pages.
	Pagers []*Page
	// Roles are the pages of the terms whose .Roles (role guides by
	// date) list a moved role guide.
	Roles []*Page
	// Feeds are the feeds whose entries changed.
	Feeds []*Feed
}

// Reorder sorts again every list of the model of pages (every page of
// Model.Pages) that holds one of moved, pages whose title, date or weight
// PatchFrontMatter changed, and reports what changed. Every other list is
// in the order Index gives it already.
func Reorder(pages []*Page, moved []*Page) Reordered {
	var r Reordered
	sites := map[*Site]bool{}
	for _, p := range moved {
		sites[p.Site] = true
	}
	for _, s := range siteOrder(pages, sites) {
		in := slices.DeleteFunc(slices.Clone(moved), func(p *Page) bool { return p.Site != s })
		r.sortSections(in)
		if sortList(s.Pages, byDate) {
			r.Lists = append(r.Lists, s.Home)
		}
		r.sortTerms(s, in)
		r.relateAgain(s, in)
		r.cutFeeds(pages, in)
	}
	return r
}

// siteOrder is the sites of set in the order pages lead to them.
func siteOrder(pages []*Page, set map[*Site]bool) []*Site {
	var out []*Site
	for _, p := range pages {
		if set[p.Site] {
			out = append(out, p.Site)
			delete(set, p.Site)
		}
	}
	return out
}

// sortList sorts list in place by cmp and reports whether its order
// changed.
func sortList(list []*Page, cmp func(a, b *Page) int) bool {
	if slices.IsSortedFunc(list, cmp) {
		return false
	}
	slices.SortFunc(list, cmp)
	return true
}

// sortPaged sorts the list of the list page p (a section or a term's
// page) by cmp, its pagers' parts with it, which are cut from the same
// array: p and its pagers are in Lists when the order changed, and the
// pagers whose part holds other pages in Pagers.
func (r *Reordered) sortPaged(p *Page, cmp func(a, b *Page) int) bool {
	old := slices.Clone(p.Pages)
	if !sortList(p.Pages, cmp) {
		return false
	}
	at := 0
	for _, pager := range p.Paginator.pagers { // p first: every list page has a Paginator
		r.Lists = append(r.Lists, pager)
		part := pager.Paginator.Pages
		if !slices.Equal(part, old[at:at+len(part)]) {
			r.Pagers = append(r.Pagers, pager)
		}
		at += len(part)
	}
	return true
}

// sortSections sorts the sections of moved pages, and sets again the
// neighbours of their pages.
func (r *Reordered) sortSections(moved []*Page) {
	done := map[*Page]bool{}
	for _, p := range moved {
		sec := p.Parent
		if sec == nil || sec.Kind != KindSection || done[sec] || p.hiddenFrom(content.HiddenFromLists) {
			continue
		}
		done[sec] = true
		if !r.sortPaged(sec, byWeight) {
			continue
		}
		for i, q := range sec.Pages {
			var prev, next *Page
			if i > 0 {
				prev = sec.Pages[i-1]
			}
			if i+1 < len(sec.Pages) {
				next = sec.Pages[i+1]
			}
			if q.Prev != prev || q.Next != next {
				q.Prev, q.Next = prev, next
				r.Lists = append(r.Lists, q)
			}
		}
	}
}

// sortTerms sorts the pages of the terms that list a moved page; and
// puts in Roles the pages of the skills whose .Roles list a moved role
// guide (Term.Roles sorts them by date).
func (r *Reordered) sortTerms(s *Site, moved []*Page) {
	for _, t := range s.Taxonomies {
		for _, term := range t.Terms {
			if slices.ContainsFunc(moved, func(p *Page) bool { return slices.Contains(term.Pages, p) }) {
				r.sortPaged(term.Page, byDate)
			}
			if t.Name == "skills" && slices.ContainsFunc(moved, func(p *Page) bool { return p.Role != nil && slices.Contains(term.Roles(), p) }) {
				r.Roles = append(r.Roles, term.Page)
			}
		}
	}
}

// relateAgain sets again the related pages of the regular pages of s
// among pages that share a term with a moved page: related pages are
// ranked by date after what they share. It uses the index Index related
// them by, which the patches Reorder follows keep.
func (r *Reordered) relateAgain(s *Site, moved []*Page) {
	x := s.related
	regular, at := x.pages, x.at
	again := map[int]bool{}
	for _, p := range moved {
		if p.hiddenFrom(content.HiddenFromLists) {
			continue // it is no page's related page
		}
		for key := range x.terms[at[p]] {
			if !x.counts(key) {
				continue
			}
			for _, post := range x.postings[key] {
				again[post.page] = true
			}
			for _, i := range x.hidden {
				if _, ok := x.terms[i][key]; ok {
					again[i] = true
				}
			}
		}
	}
	scores := make([]int, len(regular))
	for _, i := range slices.Sorted(maps.Keys(again)) {
		q := regular[i]
		if related := x.relatedAgain(i, scores); !slices.Equal(related, q.Related) {
			q.Related = related
			r.Lists = append(r.Lists, q)
		}
	}
}

// cutFeeds makes again the entries of the feeds of moved pages: the
// newest of the pages each follows, as many as it had. A feed that leaves
// a moved page out, which is no newer than its last entry, keeps them.
func (r *Reordered) cutFeeds(pages []*Page, moved []*Page) {
	done := map[*Feed]bool{}
	for _, p := range moved {
		if p.hiddenFrom(content.HiddenFromFeeds) {
			continue
		}
		for _, f := range p.Feeds {
			last := f.entries[len(f.entries)-1]
			if done[f] || (!slices.Contains(f.entries, p) && byDate(p, last) > 0) {
				continue
			}
			done[f] = true
			if entries := feedEntries(f, pages); !slices.Equal(entries, f.entries) {
				f.entries = entries
				r.Feeds = append(r.Feeds, f)
			}
		}
	}
}

// feedEntries are the entries of feed f, made again from pages as feeds
// made them: the newest pages of its list, as many as it has, kept in
// order as they come (a feed has a few of thousands of pages).
func feedEntries(f *Feed, pages []*Page) []*Page {
	n := len(f.entries)
	newest := make([]*Page, 0, n+1)
	for _, p := range pages {
		if p.Kind != KindPage || p.Site != f.list.Site || p.hiddenFrom(content.HiddenFromFeeds) || (f.list.Kind != KindHome && p.Section != f.list.Section) {
			continue
		}
		if len(newest) == n && byDate(p, newest[n-1]) > 0 {
			continue
		}
		at, _ := slices.BinarySearchFunc(newest, p, byDate)
		newest = slices.Insert(newest, at, p)
		if len(newest) > n {
			newest = newest[:n]
		}
	}
	return newest[:n:n]
}
