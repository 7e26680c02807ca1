package model

import (
	"slices"

	"github.com/careersite/careersite/internal/content"
)

// A page's hidden_from front matter keeps it out of some of the places
// that list pages, each on its own, while the page is still rendered at
// its URL:
//
//   - lists: the section's .Pages, the home page's .Pages and .Site.Pages,
//     the term pages (a term only hidden pages name has no page), Prev and
//     Next, and other pages' .Related (index.go, navigation.go);
//   - feeds: the site's feed and its section's (feed.go, which makes
//     the model's feeds; internal/generate writes them);
//   - sitemap: the sitemap (internal/generate);
//   - search: the search index (internal/generate).
//
// The pipeline reads it with HiddenFrom. Lists, feeds and the sitemap
// are made from the model, which internal/site makes anew when a page's
// front matter changes; the search index is made from every page.

// hiddenFrom reports whether the page's front matter keeps it out of l.
func (p *Page) hiddenFrom(l content.Listing) bool { return slices.Contains(p.hidden, l) }
