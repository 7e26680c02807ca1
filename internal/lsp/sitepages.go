package lsp

import (
	"cmp"
	"maps"
	"slices"
	"sync"

	"github.com/careersite/careersite/internal/content"
)

// sitePages are the site's pages as the last check read them, and what
// completion, hover and definitions look up in them: the pages by URL, and
// the skills and tags they use, most used first. Those are made the first
// time they are asked for, not after every check: a check after a
// keystroke publishes its diagnostics without waiting for them.
type sitePages struct {
	pages []*content.Page // as the check read them

	once sync.Once
	idx  pageIndex
}

// pageIndex is what sitePages looks up.
type pageIndex struct {
	list   []*content.Page // sorted by URL
	byURL  map[string]*content.Page
	skills []string
	tags   []string
}

func newSitePages(pages []*content.Page) *sitePages { return &sitePages{pages: pages} }

// index returns the index of the pages, made on the first call.
func (sp *sitePages) index() *pageIndex {
	sp.once.Do(func() {
		idx := &sp.idx
		idx.byURL = map[string]*content.Page{}
		skills, tags := map[string]int{}, map[string]int{}
		for _, p := range sp.pages {
			if p.URL != "" {
				idx.byURL[p.URL] = p
			}
			for _, s := range p.Skills {
				skills[s]++
			}
			for _, t := range p.Tags {
				tags[t]++
			}
		}
		idx.list = slices.SortedFunc(maps.Values(idx.byURL), func(a, b *content.Page) int { return cmp.Compare(a.URL, b.URL) })
		idx.skills, idx.tags = byUse(skills), byUse(tags)
	})
	return &sp.idx
}

// byUse returns the words of counts, the most used first, then by name.
func byUse(counts map[string]int) []string {
	return slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
}

// byPath returns the page read from the content file name.
func (sp *sitePages) byPath(name string) *content.Page {
	for _, p := range sp.index().list {
		if p.Path == name {
			return p
		}
	}
	return nil
}

// ofKind returns the pages of kind, by URL.
func (sp *sitePages) ofKind(kind string) []*content.Page {
	var out []*content.Page
	for _, p := range sp.index().list {
		if p.Kind == kind && !p.IsIndex {
			out = append(out, p)
		}
	}
	return out
}
