// Package jsonld is the structured data (JSON-LD) of the model's pages:
// the documents a page's <script type="application/ld+json"> holds, which
// templates read as .JSONLD.
//
// [Data] makes the documents of one page at a time now: the career data of
// a job, role or certification page, with its og:image (front matter
// image:, else its social card) as "image" (internal/career builds the JSON: a
// JobPosting only while the posting is open at now, an Occupation, a
// Review), then a BreadcrumbList on every page below the home page except
// the 404 page. Each document is the bytes of encoding/json, safe verbatim
// inside a script element. A document that cannot be made is an error of
// the page (model.Where), "structured data: …", and the other documents
// are still returned.
//
// [Digest] writes everything Data reads of a page into a deps.Hasher, so
// that a caller may keep a page's documents for as long as the digest is
// the same: the two are written side by side, and a change to one is a
// change to the other. A [Cache] keeps them so, from build to build.
//
// [Pages] holds the documents of the pages of one write (one build's
// rendering of every page): each page's are made once, when first asked
// for, from any goroutine, by the function [NewPages] is given. It is the
// model.StructuredData of that write (model.SetStructuredData), so nothing
// of it is stored on a Page, which every render shares.
package jsonld

import (
	"html/template"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
)

// Data returns the JSON-LD documents of page p of site s: the career data
// of a job, role or certification page (a JobPosting only while the
// posting is open at now), then a BreadcrumbList on every page below the
// home page. The build makes them only for the pages it renders.
//
// Digest must write everything this reads: a page whose digest has not
// changed keeps the documents it had.
func Data(s *model.Site, p *model.Page, now time.Time) ([]template.JS, []error) {
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

// Digest writes what Data reads of p into h; career is the digest of its
// career data. career.Data.JSONLD reads now only to know whether a job's
// posting is open (PostingOpen).
func Digest(h *deps.Hasher, s *model.Site, p *model.Page, career deps.Digest) {
	f := pageFacts(s, p)
	h.Digest(career).Bool(p.Job != nil && p.PostingOpen)
	h.Str(f.Title).Str(f.Description).Str(f.URL).Time(f.Date).Time(f.Updated).Strs(f.Authors).Strs(f.Skills)
	h.Str(f.Language).Str(f.SiteName).Str(f.SiteURL).Str(f.Image)
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
		Image:       imageOf(p),
	}
}

// imageOf is the absolute URL of p's og:image: its own picture, else its
// social card; "" when it has neither.
func imageOf(p *model.Page) string {
	if p.Image != nil {
		return p.Image.Permalink
	}
	if p.SocialCard != nil {
		return p.SocialCard.Permalink
	}
	return ""
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
