package generate

import (
	"strings"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/search"
)

// SearchDir is the output folder of a language's search index
// (internal/search), below the language's prefix (SearchDirOf):
// search/index.json, the manifest, at a fixed name, and the shards and
// record chunks under fingerprinted names beside it. The theme's header
// form reads the manifest's URL of its page's language from its
// data-search-index attribute.
const SearchDir = "search/"

// searchLayout is the layout of the search page (content/search.md in
// the example site), which is not itself indexed, with hidden_from or
// without: sites made before hidden_from have such pages without it.
const searchLayout = "search"

// SearchDirOf is the output folder of the search index of the language
// of site s, one of a model's sites: SearchDir below the folder of its
// home page ("de/search/"). A nil s has the site's root.
func SearchDirOf(s *model.Site) string {
	return strings.TrimPrefix(searchRoot(s), "/") + SearchDir
}

// searchRoot is the site path of the home page of the language of site s,
// which the URLs of its search index are relative to: "/", "/de/".
func searchRoot(s *model.Site) string {
	if s == nil || s.Home == nil {
		return "/"
	}
	return model.SitePath(s.Home)
}

// SearchOptions are the options of the search index of the language of
// site s: the kinds' labels in search results, as the theme's
// partials/type-label.html names them on pages, the strings type_KIND of
// words, the language's (English ones for a theme without them); and its
// rules (SearchPlain).
func SearchOptions(s *model.Site, words model.Words) search.Options {
	labels := make(map[string]string, len(kindLabels))
	for kind, english := range kindLabels {
		labels[kind] = words.Or("type_"+kind, english)
	}
	return search.Options{KindLabels: labels, Plain: SearchPlain(s)}
}

// SearchPlain reports whether the search index of the language of site s
// has plain rules, for a language without a stemmer, which is every one
// but English; English has English ones (stemmed, without stop words).
// A nil s, or a site without languages, is English.
func SearchPlain(s *model.Site) bool { return !english(s) }

// english reports whether the language of site s is English ("en",
// "en-GB"), the one language internal/search has a stemmer for.
func english(s *model.Site) bool {
	if s == nil {
		return true
	}
	code := strings.ToLower(s.Language)
	return code == "" || code == "en" || strings.HasPrefix(code, "en-")
}

// kindLabels are the English labels of the kinds in search results.
var kindLabels = map[string]string{
	"job":           "Job description",
	"role":          "Role guide",
	"certification": "Certification review",
	"article":       "Guide",
}

// maxSummary is the most code points of a summary in search results.
const maxSummary = 200

// InSearch reports whether the search index of its language holds page
// p: a regular page (drafts too, when the build includes them) that is
// not the search page and not hidden from search.
func InSearch(p *model.Page) bool {
	return p.Kind == model.KindPage && model.Layout(p) != searchLayout && !model.HiddenFrom(p, content.HiddenFromSearch)
}

// SearchDoc is what the index holds of page p: its URL relative to its
// language's home page (the index's URLs are), its title, kind, skills,
// description, headings, the text of its converted Markdown, which is read
// from the HTML, not converted again, and the prose of its career data
// (career.Data.Text).
func SearchDoc(p *model.Page) search.Doc {
	d := search.Doc{
		URL:         strings.TrimPrefix(model.SitePath(p), searchRoot(p.Site)),
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
