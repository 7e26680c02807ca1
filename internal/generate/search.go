package generate

import (
	"strings"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/search"
)

// SearchDir is the output folder of the search index (internal/search):
// search/index.json, the manifest, at a fixed name, and the shards and
// record chunks under fingerprinted names beside it. The theme's header
// form reads the manifest's URL from its data-index attribute.
const SearchDir = "search/"

// searchLayout is the layout of the search page (content/search.md in
// the example site), which is not itself indexed, with hidden_from or
// without: sites made before hidden_from have such pages without it.
const searchLayout = "search"

// SearchOptions are the options of the search index: the kinds' labels in
// search results, as the theme's partials/type-label.html names them on
// pages; keep the two in step.
func SearchOptions() search.Options { return search.Options{KindLabels: kindLabels} }

// KindLabel is the label of kind in search results: "Role guide".
func KindLabel(kind string) string { return kindLabels[kind] }

var kindLabels = map[string]string{
	"job":           "Job description",
	"role":          "Role guide",
	"certification": "Certification review",
	"article":       "Guide",
}

// maxSummary is the most code points of a summary in search results.
const maxSummary = 200

// InSearch reports whether the search index holds page p: a regular page
// of the default language (drafts too, when the build includes them) that
// is not the search page and not hidden from search. The index is one,
// searched with English rules; the pages of other languages are left out
// of it rather than matched by rules that are not theirs.
func InSearch(p *model.Page) bool {
	return p.Kind == model.KindPage && model.Layout(p) != searchLayout && !model.HiddenFrom(p, content.HiddenFromSearch) &&
		inDefaultLanguage(p)
}

// inDefaultLanguage reports whether p is in its site's default language,
// which every page of a site of one language is.
func inDefaultLanguage(p *model.Page) bool {
	return p.Language == nil || p.Site == nil || p.Site.DefaultLanguage == nil || p.Language == p.Site.DefaultLanguage
}

// SearchDoc is what the index holds of page p: its title, kind, skills,
// description, headings, the text of its converted Markdown, which is read
// from the HTML, not converted again, and the prose of its career data
// (career.Data.Text).
func SearchDoc(p *model.Page) search.Doc {
	d := search.Doc{
		URL:         strings.TrimPrefix(model.SitePath(p), "/"),
		Title:       p.Title,
		Kind:        p.Type,
		Description: p.Description,
		Summary:     p.Description,
		BodyText:    model.CareerData(p).Text(),
		ReadBody: func() (string, error) {
			content, err := p.Content()
			return string(content), err
		},
	}
	if d.Summary == "" {
		d.Summary = strings.Join(strings.Fields(search.Text(string(p.Summary))), " ")
	}
	d.Summary = truncate(d.Summary, maxSummary)
	for _, s := range p.Skills {
		d.Skills = append(d.Skills, search.Skill{Name: s, Key: model.TermSlug(s)})
	}
	for _, h := range p.Headings {
		d.Headings = append(d.Headings, h.Text)
	}
	return d
}

// truncate shortens s to at most n code points, at a space when there is
// one, and marks the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, runes := 0, 0
	for i, r := range s {
		if runes == n-1 {
			if cut == 0 {
				cut = i
			}
			break
		}
		if r == ' ' {
			cut = i
		}
		runes++
	}
	return strings.TrimRight(s[:cut], " ,;:.") + "…"
}
