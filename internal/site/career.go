package site

import (
	"html/template"
	"slices"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
)

// structuredData returns the JSON-LD documents of page p: the career data
// of a job, role or certification page (a JobPosting only while the
// posting is open at now), then a BreadcrumbList on every page below the
// home page. The build makes them only for the pages it renders.
//
// jsonldDigest must write everything this reads: a page whose digest has
// not changed keeps the documents it had.
func structuredData(s *model.Site, p *model.Page, now time.Time) ([]template.JS, []error) {
	var (
		docs []template.JS
		errs []error
	)
	data := model.CareerData(p)
	if !data.IsZero() {
		doc, err := data.JSONLD(pageFacts(s, p), now)
		docs, errs = appendDoc(p, doc, err, docs, errs)
	}
	if len(p.Breadcrumbs) > 1 && p.Kind != model.KindNotFound {
		doc, err := career.BreadcrumbList(crumbs(p))
		docs, errs = appendDoc(p, doc, err, docs, errs)
	}
	return docs, errs
}

// jsonldDigest writes what structuredData reads of p into h; career is the
// digest of its career data. career.Data.JSONLD reads now only to know
// whether a job's posting is open (PostingOpen).
func jsonldDigest(h *deps.Hasher, s *model.Site, p *model.Page, career deps.Digest) {
	f := pageFacts(s, p)
	h.Digest(career).Bool(p.Job != nil && p.PostingOpen)
	h.Str(f.Title).Str(f.Description).Str(f.URL).Time(f.Date).Time(f.Updated).Strs(f.Authors).Strs(f.Skills)
	h.Str(f.Language).Str(f.SiteName).Str(f.SiteURL)
	h.Bool(len(p.Breadcrumbs) > 1 && p.Kind != model.KindNotFound)
	for _, c := range crumbs(p) {
		h.Str(c.Name).Str(c.URL)
	}
}

// appendDoc adds a JSON-LD document of p to docs. The bytes come from
// encoding/json, which escapes <, > and & inside strings, so they are safe
// verbatim inside <script type="application/ld+json">.
func appendDoc(p *model.Page, doc []byte, err error, docs []template.JS, errs []error) ([]template.JS, []error) {
	if err != nil {
		return docs, append(errs, model.Where(p).Wrap("structured data: ", err))
	}
	if doc != nil {
		docs = append(docs, template.JS(doc))
	}
	return docs, errs
}

func pageFacts(s *model.Site, p *model.Page) career.PageFacts {
	return career.PageFacts{
		Title:       p.Title,
		Description: p.Description,
		URL:         p.Permalink,
		Date:        p.Date,
		Updated:     p.Updated,
		Authors:     p.Authors,
		Skills:      p.Skills,
		Language:    s.Language,
		SiteName:    s.Title,
		SiteURL:     s.Home.Permalink,
	}
}

func crumbs(p *model.Page) []career.Crumb {
	cs := make([]career.Crumb, len(p.Breadcrumbs))
	for i, b := range p.Breadcrumbs {
		name := b.Title
		if b.Kind == model.KindHome {
			name = "Home"
		}
		cs[i] = career.Crumb{Name: name, URL: b.Permalink}
	}
	return cs
}

// careerWarnings are the warnings of the loaded pages at now: stale as_of
// dates, closed postings, long descriptions.
func careerWarnings(sources []*content.Page, now time.Time, cfg *config.Config) []error {
	parts := make([][]error, len(sources))
	parallel.For(len(sources), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			for _, w := range sources[i].Warnings(now, cfg) {
				parts[i] = append(parts[i], w)
			}
		}
	})
	return slices.Concat(parts...)
}
