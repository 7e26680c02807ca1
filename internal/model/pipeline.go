package model

import (
	"fmt"
	"slices"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/markdown"
)

// The functions of this file are what the pipeline reads of a page and
// templates cannot: functions, not methods, because a template can call
// any exported method of a Page, and what a template can read is the
// table of internal/deps's members.go.

// OutputOf is the file the page is written to:
// "jobs/back-end-developer/index.html".
func OutputOf(p *Page) string { return p.out }

// SitePath is the page's URL without the base path:
// "/jobs/back-end-developer/".
func SitePath(p *Page) string { return p.sitePath }

// Layout is the layout the page's front matter names, "" when none.
func Layout(p *Page) string { return p.layout }

// HiddenFrom reports whether the page's front matter keeps it out of l
// (hidden.go).
func HiddenFrom(p *Page, l content.Listing) bool { return slices.Contains(p.hidden, l) }

// Links are the links written in the page's Markdown; none on the pagers
// after the first of a list (paginate).
func Links(p *Page) []markdown.Link { return p.links }

// BodyOf is the converted Markdown the page was filled from, nil when it
// has none.
func BodyOf(p *Page) Body { return p.body }

// TaxonomyName is the taxonomy a taxonomy or term page belongs to, for the
// template lookup; "" on other pages.
func TaxonomyName(p *Page) string {
	if p.Taxonomy == nil {
		return ""
	}
	return p.Taxonomy.Name
}

// Refill gives p, a page of a model whose shape stays, the fields that
// come from a body edited since: Content, Summary, Table of contents,
// Headings, word count, reading time and links.
func Refill(p *Page, body Body) {
	fillBody(p, body)
	if p.Paginator != nil && p.Paginator.number > 1 {
		p.links = nil // see paginate
	}
}

// SetStructuredData makes sd the structured data that the pages of s give
// templates as .JSONLD, for the write under way.
func SetStructuredData(s *Site, sd StructuredData) { s.structured = sd }

// Describe names p in a message: its file, or, for a page the build made
// up, its kind and URL ("the section page \"/jobs/\"").
func Describe(p *Page) string {
	if p.File != "" {
		return p.File
	}
	return fmt.Sprintf("the %s page %q", p.Kind, p.URL)
}

// Where is the place a problem of the whole page is reported at: the start
// of its file, or, for a page the build made up, no file but Describe's
// words.
func Where(p *Page) diag.Place {
	if p.File == "" {
		return diag.Place{What: Describe(p)}
	}
	return diag.Place{File: p.File, Line: 1, Col: 1}
}

// PagerPages are the pages of every pager of pg's list, in order: the list
// page, then its /page/N/ copies.
func PagerPages(pg *Paginator) []*Page { return pg.pagers }
