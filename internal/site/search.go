package site

import (
	"strings"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/search"
)

// searchDir is the output folder of the search index (internal/search):
// search/index.json, the manifest, at a fixed name, and the shards and
// record chunks under fingerprinted names beside it. The theme's header
// form reads the manifest's URL from its data-index attribute.
const searchDir = "search/"

// searchLayout is the layout of the search page (content/search.md in
// the example site), which is not itself indexed, with hidden_from or
// without: sites made before hidden_from have such pages without it.
const searchLayout = "search"

// kindLabels name the kinds in search results, as the theme's
// partials/type-label.html names them on pages; keep the two in step.
var kindLabels = map[string]string{
	"job":           "Job description",
	"role":          "Role guide",
	"certification": "Certification review",
	"article":       "Guide",
}

// maxSummary is the most code points of a summary in search results.
const maxSummary = 200

// searchFiles makes the search index from the model: every regular page
// (drafts too, when the build includes them) that is not hidden from
// search (inSearch), with its title, kind, skills, description, headings,
// the text of its converted Markdown, which is read from the HTML, not
// converted again, and the prose of its career data (career.Data.Text).
// The analyses of pages come from an where it has them, and go to it; a
// nil an analyses every page.
func searchFiles(pages []*model.Page, an *analyses) ([]generated, error) {
	var docs []search.Doc
	var keys []digest
	for _, p := range pages {
		if !inSearch(p) {
			continue
		}
		d := searchDoc(p)
		docs = append(docs, d)
		if an != nil {
			keys = append(keys, an.key(p, &d))
		}
	}
	opts := search.Options{KindLabels: kindLabels}
	if an != nil {
		an.fill(docs, keys)
		made := 0
		for _, d := range docs {
			if d.Analysis == nil {
				made++
			}
		}
		all, err := search.Analyze(docs, opts)
		if err != nil {
			return nil, err
		}
		for i := range docs {
			docs[i].Analysis = all[i]
		}
		an.keep(docs, keys, made)
	}
	index, err := search.Build(docs, opts)
	if err != nil {
		return nil, err
	}
	var files []generated
	for _, f := range index {
		files = append(files, generated{name: searchDir + f.Name, make: bytesOf(f.Data), digest: digestOf(f.Data), owner: "the search index"})
	}
	return files, nil
}

// inSearch reports whether the search index holds page p: a regular page
// that is not the search page and not hidden from search. Builder.withBodyFiles
// keys the index by what it reads here.
func inSearch(p *model.Page) bool {
	return p.Kind == model.KindPage && model.Layout(p) != searchLayout && !model.HiddenFrom(p, content.HiddenFromSearch)
}

// searchDoc is what the index holds of page p.
func searchDoc(p *model.Page) search.Doc {
	d := search.Doc{
		URL:         strings.TrimPrefix(model.SitePath(p), "/"),
		Title:       p.Title,
		Kind:        p.Type,
		Description: p.Description,
		Summary:     p.Description,
		BodyText:    careerData(p).Text(),
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
