package site

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

	Home     *Page
	Sections []*Page // section pages, by weight then title
	Pages    []*Page // every regular page but those hidden from lists (hidden.go), newest first

	Taxonomies []*Taxonomy // in site.yaml order; only those some page uses (taxonomy.go)

	structured *structured // the structured data of the pages of the write under way (Page.JSONLD)
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

	layout   string            // front matter "layout"
	hidden   []content.Listing // front matter "hidden_from": the places that do not list the page (hidden.go)
	out      string            // output file name: "jobs/back-end-developer/index.html"
	sitePath string            // URL without the base path: "/jobs/back-end-developer/"
	links    []markdown.Link   // the links written in the page's Markdown
	conv     *conversion       // the conversion Content, Summary … were filled from; nil when none
}

// Content is the page's body converted to HTML; "" for pages without one.
// It is a method, not a field, because a large build keeps the HTML of
// most pages out of memory until they are rendered (spill.go).
func (p *Page) Content() (template.HTML, error) {
	if p.conv == nil || p.conv.res == nil {
		return "", nil
	}
	return p.conv.html()
}

// TableOfContents is the table of contents of the page's body, as HTML;
// "" for pages without one. A method for the same reason as Content: only
// the page's own templates read it, most likely, and a large build keeps
// it out of memory until then.
func (p *Page) TableOfContents() (template.HTML, error) {
	if p.conv == nil || p.conv.res == nil {
		return "", nil
	}
	return p.conv.tableOfContents()
}
