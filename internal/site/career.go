package site

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// checkReferences reports every page reference of a career page
// (related_roles, related_certifications, alternatives) that names no page
// of the site, or a page of the wrong kind, at the reference's position. It
// runs once the pages are indexed; references are site paths ("/roles/x/").
func checkReferences(sources []*content.Page, pages []*Page) []error {
	kinds := map[string]string{}
	for _, p := range pages {
		kind := p.Type
		if p.Kind != KindPage {
			kind = ""
		}
		kinds[p.sitePath] = kind
	}
	resolve := func(u string) (string, bool) {
		if !strings.HasSuffix(u, "/") && !strings.Contains(u, ".") {
			u += "/"
		}
		kind, ok := kinds[u]
		return kind, ok
	}
	var errs []error
	for _, src := range sources {
		if src.Career.IsZero() {
			continue
		}
		for _, e := range career.CheckRefs(src.Path, src.Career, resolve) {
			errs = append(errs, e)
		}
	}
	return errs
}

// structuredData sets the JSON-LD of every page: the career data of job,
// role and certification pages (a JobPosting only while the posting is open
// at now), then a BreadcrumbList on every page below the home page.
func structuredData(s *Site, pages []*Page, now time.Time) []error {
	var errs []error
	for _, p := range pages {
		data := careerData(p)
		if !data.IsZero() {
			doc, err := data.JSONLD(pageFacts(s, p), now)
			errs = appendDoc(p, doc, err, errs)
		}
		if len(p.Breadcrumbs) > 1 && p.Kind != KindNotFound {
			doc, err := career.BreadcrumbList(crumbs(p))
			errs = appendDoc(p, doc, err, errs)
		}
		if p.Job != nil {
			p.PostingOpen = p.Job.PostingOpen(now)
		}
	}
	return errs
}

// appendDoc adds a JSON-LD document to p. The bytes come from
// encoding/json, which escapes <, > and & inside strings, so they are safe
// verbatim inside <script type="application/ld+json">.
func appendDoc(p *Page, doc []byte, err error, errs []error) []error {
	if err != nil {
		return append(errs, fmt.Errorf("%s: structured data: %w", where(p), err))
	}
	if doc != nil {
		p.JSONLD = append(p.JSONLD, template.JS(doc))
	}
	return errs
}

func careerData(p *Page) career.Data {
	return career.Data{Job: p.Job, Role: p.Role, Certification: p.Certification}
}

func pageFacts(s *Site, p *Page) career.PageFacts {
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

func crumbs(p *Page) []career.Crumb {
	cs := make([]career.Crumb, len(p.Breadcrumbs))
	for i, b := range p.Breadcrumbs {
		name := b.Title
		if b.Kind == KindHome {
			name = "Home"
		}
		cs[i] = career.Crumb{Name: name, URL: b.Permalink}
	}
	return cs
}

// careerWarnings are the warnings of the loaded pages at now: stale as_of
// dates, closed postings, long descriptions.
func careerWarnings(sources []*content.Page, now time.Time, cfg *config.Config) []error {
	var ws []error
	for _, src := range sources {
		for _, w := range src.Warnings(now, cfg) {
			ws = append(ws, w)
		}
	}
	return ws
}
