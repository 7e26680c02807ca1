package site

import (
	"fmt"
	"html/template"
	"maps"
	"path"
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
// broken holds the URLs and kinds of pages left out for their own errors;
// they still resolve, so one mistake is reported once.
func checkReferences(sources []*content.Page, pages []*Page, broken map[string]string) []error {
	kinds := maps.Clone(broken)
	for _, p := range pages {
		kind := p.Type
		if p.Kind != KindPage {
			kind = ""
		}
		kinds[p.sitePath] = kind
	}
	resolve := func(u string) (string, bool) {
		kind, ok := kinds[refPath(u)]
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

// resolveRefs sets the pages that the references of every career page
// name, in the order written, from one map of the site's pages: templates
// range over .RelatedRoles instead of searching .Site.Pages for each URL.
// A reference that names no page, or a page of the wrong kind, is left out;
// checkReferences reports it.
func resolveRefs(pages []*Page) {
	bySitePath := make(map[string]*Page, len(pages))
	for _, p := range pages {
		if p.Kind == KindPage {
			bySitePath[p.sitePath] = p
		}
	}
	find := func(refs []career.Ref, kind string) []*Page {
		var out []*Page
		for _, r := range refs {
			if q := bySitePath[refPath(r.URL)]; q != nil && q.Type == kind {
				out = append(out, q)
			}
		}
		return out
	}
	for _, p := range pages {
		switch {
		case p.Job != nil:
			p.RelatedRoles = find(p.Job.RelatedRoles, config.KindRole)
		case p.Role != nil:
			p.RelatedRoles = find(p.Role.RelatedRoles, config.KindRole)
			p.RelatedCertifications = find(p.Role.RelatedCertifications, config.KindCertification)
		case p.Certification != nil:
			p.Alternatives = find(p.Certification.Alternatives, config.KindCertification)
		}
	}
}

// refPath is the site path a reference names: "/roles/x" is "/roles/x/",
// as a page URL always ends in "/" unless its last segment has an extension.
func refPath(u string) string {
	if !strings.HasSuffix(u, "/") && !strings.Contains(path.Base(u), ".") {
		return u + "/"
	}
	return u
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
