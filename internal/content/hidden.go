package content

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/diag"
)

// Listing is a place that lists pages, which hidden_from keeps a page out
// of: lists (section and term lists, .Pages, .Site.Pages, related pages),
// feeds, sitemap or search (the search index).
type Listing string

// The listings.
const (
	HiddenFromLists   Listing = "lists"
	HiddenFromFeeds   Listing = "feeds"
	HiddenFromSitemap Listing = "sitemap"
	HiddenFromSearch  Listing = "search"
)

var listings = []string{string(HiddenFromLists), string(HiddenFromFeeds), string(HiddenFromSitemap), string(HiddenFromSearch)}

// Values are the values a Listing may have, for docs/content-model.md.
func (Listing) Values() []string { return slices.Clone(listings) }

// DecodeYAML accepts one of the listings, with a did-you-mean for another
// word.
func (l *Listing) DecodeYAML(n *yaml.Node) error {
	return career.DecodeEnum(n, (*string)(l), listings)
}

// hugoBuildKeys are Hugo's front-matter keys for what careersite says
// with hidden_from: a migrant's `build: {list: never}` would otherwise be
// kept in Params, and the page listed everywhere without a word.
var hugoBuildKeys = []string{"build", "_build"}

// checkHidden reports hidden_from in an _index.md, which is no page's to
// hide (a section and the home page are not in lists, feeds or the search
// index), and Hugo's build options where hidden_from was meant.
func (p *Page) checkHidden(top *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	if n := valueNode(top, "hidden_from"); n != nil && p.IsIndex {
		errs = append(errs, at(n, "hidden_from", "only a page can be hidden, not a section or the home page (an _index.md)"))
	}
	for i := 0; top != nil && i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		// A scalar build is a param of the site's own ("build: 2024.1").
		if slices.Contains(hugoBuildKeys, k.Value) && v.Kind == yaml.MappingNode {
			errs = append(errs, &diag.Error{Line: k.Line, Col: k.Column, Path: k.Value,
				Msg: "careersite does not read Hugo's build options; to keep a page out of lists, feeds, the sitemap or the search index, write hidden_from: [lists, feeds, sitemap, search] (any of them)"})
		}
	}
	return errs
}
