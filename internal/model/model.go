// Package model is what templates see: the Site, its Pages, their
// Paginators, Taxonomies, Terms and Feeds, and the code that makes them
// from the parsed content of one build and relates them. It does no I/O:
// every input is given to Index, and the model's only way back to the
// pipeline is the Body of a page (its converted Markdown, which the
// pipeline may keep on disk) and the StructuredData of the write under
// way.
//
// # What Index makes
//
// From the published pages of a build (content.Page) and their converted
// Markdown (Body), Index makes, in this order:
//
//  1. the home page, one section per first-level folder of content/ (from
//     its _index.md, or made up when it has none, titled from the folder's
//     name), and the regular pages; each regular page's Parent is its
//     section, or the home page for a page at the root;
//  2. the lists: a section's .Pages by weight then newest first,
//     .Site.Pages newest first, .Site.Sections by weight then title, never
//     a page hidden from lists (hidden.go);
//  3. a taxonomy page and term pages for each taxonomy of site.yaml that
//     some listed page uses (taxonomy.go), and the 404 page;
//  4. Breadcrumbs, Prev and Next in the section's order, and Related by
//     shared skills and tags (navigation.go);
//  5. the pagers of every section and term list whose template reads
//     .Paginator: pager 1 is the list page, pagers 2… are copies of it at
//     "<list>/page/N/" (paginate.go);
//  6. every URL: root-relative under the base path (URL), absolute
//     (Permalink), by a Linker; two pages with one URL are an error;
//  7. the pages a career page's references name (.RelatedRoles …,
//     career.go) and whether a job's posting is open at the build's time;
//  8. the Atom feeds (.Feeds): the site's and each section's (feed.go).
//
// Every list is sorted, every map ranged in order: the same content gives
// the same model.
//
// # What templates can read, and what only the pipeline can
//
// html/template can call every exported method and read every exported
// field of a model type, so those are exactly what templates may read; the
// table of them is internal/deps's members.go, and its tests fail the day
// an exported member of Page, Site, Taxonomy, Term or Paginator is not in
// it. What the pipeline alone needs of a page — its output file, its path
// under the site, its layout, hidden_from, the links written in its
// Markdown, its Body — is unexported here and read through package
// functions (OutputOf, SitePath, Layout, HiddenFrom, Links, BodyOf;
// pipeline.go), which templates cannot call.
package model

import (
	"html/template"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/markdown"
)

// Page kinds, as templates see them in .Kind.
const (
	KindHome     = "home"
	KindSection  = "section"
	KindPage     = "page"
	KindNotFound = "404"
)

// Site is .Site in every template.
type Site struct {
	Title       string
	BaseURL     string
	Language    string
	Description string
	Author      config.Author
	Menu        []config.MenuItem
	Params      map[string]any

	// Data is the tree of the site's data files (internal/data): maps,
	// lists and plain values, data/salaries/oews-2024.csv at
	// .Site.Data.salaries.oews_2024. The pipeline sets it after Index.
	Data map[string]any

	Home     *Page
	Sections []*Page // section pages, by weight then title
	Pages    []*Page // every regular page but those hidden from lists (hidden.go), newest first

	Taxonomies []*Taxonomy // in site.yaml order; only those some page uses (taxonomy.go)

	// Languages are the site's languages, by weight then code; one on a
	// site without languages: in site.yaml (language.go).
	Languages       []*Language
	DefaultLanguage *Language // the one of Languages whose pages are x-default

	structured StructuredData // the structured data of the pages of the write under way (Page.JSONLD)
	related    *relatedIndex  // what relates the regular pages (navigation.go), for Reorder
}

// Page is what `.` is in a page template. Its fields are documented in the
// template reference, docs/templates.md; keep the two in step.
type Page struct {
	Site *Site

	Kind    string // home, section, page, taxonomy, term or 404
	Type    string // job, role, certification or article
	Section string // "jobs"; "" on the home page, the 404 page and root pages

	Title       string
	Description string
	Date        time.Time
	Updated     time.Time // zero when the page was never updated
	Lastmod     time.Time // Updated, else Date
	Draft       bool
	Tags        []string
	Skills      []string
	Authors     []string
	Weight      int

	URL       string // root-relative, with the base path: "/jobs/back-end-developer/"
	Permalink string // absolute

	// Summary (and Content and TableOfContents) are HTML produced by our
	// Markdown renderer, which omits raw HTML unless site.yaml enables it.
	Summary     template.HTML
	Headings    []markdown.Heading
	WordCount   int
	ReadingTime int

	Params map[string]any

	// The files of the page's bundle that are not Markdown, published
	// beside the page (resource.go); none on pages made from no file.
	Resources Resources
	// The page's picture (front matter image:), nil when it has none; and
	// the social card drawn for a page without one, nil when it has one,
	// when site.yaml turns cards off, and on the 404 page. Either is its
	// og:image (image.go).
	Image      *Image
	SocialCard *Image

	// The typed career data of job, role and certification pages, nil on
	// other pages; docs/content-model.md lists their fields.
	Job           *career.Job
	Role          *career.Role
	Certification *career.Certification
	PostingOpen   bool // a job's posting takes applications at build time
	PostingClosed bool // a job's posting is past its valid_through at build time

	Pages    []*Page // a section's pages; on the home page .Site.Pages; never a page hidden from lists
	Sections []*Page // on the home page: the sections
	Parent   *Page   // the section of a regular page; the home page for a section

	Paginator *Paginator // on section and term pages: the part of .Pages this pager shows (paginate.go)
	Taxonomy  *Taxonomy  // on taxonomy and term pages
	Term      *Term      // on term pages
	Feeds     []*Feed    // the Atom feeds to link from <head>: the section's, then the site's (feed.go)

	Breadcrumbs []*Page // from the home page down to this page, this page included
	Prev, Next  *Page   // the neighbours in the section's list; nil at either end
	Related     []*Page // up to five pages sharing the most skills and tags

	// The pages a career page's references name, resolved in the order
	// written (career.go): a job's or role guide's related_roles, a role
	// guide's related_certifications, a certification's alternatives.
	RelatedRoles          []*Page
	RelatedCertifications []*Page
	Alternatives          []*Page

	File string // "content/jobs/back-end-developer.md"; "" for generated pages

	// The page's language; and on a multilingual site the same page in
	// the other languages that have it, and in all of them, this page
	// included, by the languages' weight (language.go). Both are empty
	// when no other language has the page.
	Language        *Language
	Translations    []*Page
	AllTranslations []*Page

	// What the pipeline alone reads (pipeline.go).
	layout   string            // front matter "layout"
	hidden   []content.Listing // front matter "hidden_from": the places that do not list the page (hidden.go)
	out      string            // output file name: "jobs/back-end-developer/index.html"
	sitePath string            // URL without the base path: "/jobs/back-end-developer/"
	links    []markdown.Link   // the links written in the page's Markdown
	body     Body              // the converted Markdown Content, Summary … were filled from; nil when none

	translationKey string // front matter "translation_key", by default the file's path without its language
}

// Body is a page's Markdown as the pipeline converted it. The pipeline
// may keep the HTML out of memory until it is read (internal/site's
// spill.go), so reading it can fail.
type Body interface {
	// Result is the conversion: its headings, word count, reading time
	// and the links written in the Markdown.
	Result() *markdown.Result
	// Summary is the HTML of the body's summary.
	Summary() template.HTML
	// HTML is the whole body as HTML.
	HTML() (template.HTML, error)
	// TableOfContents is the table of contents of the body, as HTML.
	TableOfContents() (template.HTML, error)
}

// Content is the page's body converted to HTML; "" for pages without one.
// It is a method, not a field, because a large build keeps the HTML of
// most pages out of memory until they are rendered.
func (p *Page) Content() (template.HTML, error) {
	if p.body == nil {
		return "", nil
	}
	return p.body.HTML()
}

// TableOfContents is the table of contents of the page's body, as HTML;
// "" for pages without one. A method for the same reason as Content: only
// the page's own templates read it, most likely, and a large build keeps
// it out of memory until then.
func (p *Page) TableOfContents() (template.HTML, error) {
	if p.body == nil {
		return "", nil
	}
	return p.body.TableOfContents()
}

// StructuredData is the structured data (JSON-LD) of the pages of the
// write under way, which the pipeline makes when a render first asks for
// it (internal/jsonld's Pages) and gives the Site with
// SetStructuredData.
type StructuredData interface {
	JSONLD(p *Page) []template.JS
}

// JSONLD is the page's structured data documents, for
// <script type="application/ld+json">: its career data, then its
// BreadcrumbList. They are JSON from encoding/json, safe verbatim there.
// A method, not a field, because they belong to the build being written
// (whether a job's posting is open depends on the time of the build), and
// are made when first read (StructuredData).
func (p *Page) JSONLD() []template.JS {
	if p.Site == nil || p.Site.structured == nil {
		return nil
	}
	return p.Site.structured.JSONLD(p)
}
