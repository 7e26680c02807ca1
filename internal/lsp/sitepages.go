package lsp

import (
	"cmp"
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/content"
)

// sitePages are the site's pages as the last check read them: by URL, and
// the skills and tags they use, most used first.
type sitePages struct {
	list   []*content.Page // sorted by URL
	byURL  map[string]*content.Page
	skills []string
	tags   []string
}

func newSitePages(pages []*content.Page) *sitePages {
	sp := &sitePages{byURL: map[string]*content.Page{}}
	skills, tags := map[string]int{}, map[string]int{}
	for _, p := range pages {
		if p.URL != "" {
			sp.byURL[p.URL] = p
		}
		for _, s := range p.Skills {
			skills[s]++
		}
		for _, t := range p.Tags {
			tags[t]++
		}
	}
	sp.list = slices.SortedFunc(maps.Values(sp.byURL), func(a, b *content.Page) int { return cmp.Compare(a.URL, b.URL) })
	sp.skills, sp.tags = byUse(skills), byUse(tags)
	return sp
}

// byUse returns the words of counts, the most used first, then by name.
func byUse(counts map[string]int) []string {
	return slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
}

// byPath returns the page read from the content file name.
func (sp *sitePages) byPath(name string) *content.Page {
	for _, p := range sp.list {
		if p.Path == name {
			return p
		}
	}
	return nil
}

// ofKind returns the pages of kind, by URL.
func (sp *sitePages) ofKind(kind string) []*content.Page {
	var out []*content.Page
	for _, p := range sp.list {
		if p.Kind == kind && !p.IsIndex {
			out = append(out, p)
		}
	}
	return out
}
