// Package sitegen writes deterministic benchmark sites: N pages of career
// content (the career profile, the default) or of documentation (the docs
// profile) for careersite, and the same Markdown as a Hugo site, with
// each side's own theme or the same minimal theme on both.
//
// # Pages of the career profile
//
// Page i (0 ≤ i < N) has a kind fixed by i mod 10: 0–1 a job description
// (content/jobs/), 2–3 a role guide (content/roles/: an overview, a career
// path or a comparison), 4 a certification review (content/certifications/),
// 5–9 a plain article (content/guides/). Every page is made from its own
// random source, seeded by Options.Seed and i, so page i is the same for
// every N and the same on every run and machine.
//
// Front matter is YAML with the typed fields of the page's kind, valid
// against internal/career: salaries with percentiles in order, career paths
// whose years never decrease, certification cost, duration and review.
// Skills come from a vocabulary of 150 and tags from one of 60, drawn with
// a Zipf-like weight (a few terms on thousands of pages, most on a handful),
// together with the skills of the page's occupation. Page references
// (related_roles, related_certifications, alternatives) point to generated
// pages of the right kind.
//
// Bodies are prose paragraphs (about 600–1,200 words a page), bullet and
// numbered lists, GFM tables, links to other generated pages and to their
// sections, an occasional footnote, and fenced code in go, python, sql, yaml
// and js: articles carry two or three blocks, the other kinds fewer. Half
// of the blocks are shared snippets (the same language and code on many
// pages), half are variants with the page's own names, so most blocks are
// distinct; Stats counts both.
//
// With Options.Shortcodes every page ends with an "At a glance" section of
// three shortcodes, a figure, a salary table from one of four data files
// and a paired details, or with Options.Inline the HTML they give written
// in their place (rich.go).
//
// # Pages of the documentation profile
//
// With Options.Profile Docs (docs.go) the pages are split into about one
// section per hundred pages, sized along a long tail (20 to about 680
// pages at 10,000; sectionSizes), each section a folder named after an
// area of a product (configuration, networking…) with its _index.md. A
// page has short front matter (title, description, date, one to four of
// 50 tags drawn with a Zipf-like weight) and a body of two to eight
// sections of prose with inline code, bullet and numbered lists, option
// tables, links to other pages (three in four to its own section) and a
// fenced block (yaml, bash or json) in about one page in three, ending
// with pages to read next. Every draw comes from the page's own random
// source, so the same -n and seed give the same bytes; unlike the career
// profile, a page's section and links depend on N.
//
// # Sites
//
// With Options.Theme MinimalTheme both sites get the templates of
// minimal.go, the same markup written in each generator's template
// language, in place of what is described below.
//
// Write makes the careersite site (site.yaml and content/, no layouts/: it
// uses the embedded theme). WriteHugo makes the Hugo site with the same
// content/ files byte for byte, a config with the same taxonomies (tags and
// skills), page size, RSS for home and sections, sitemap, robots.txt, a
// table of contents from h2 to h4 and chroma highlighting with CSS classes,
// related pages limited like careersite's (hugo.go), and minimal layouts
// (single, list, taxonomy, term) that print the title, the table of
// contents, the content, the page's terms and five related pages, so that
// both generators do comparable work. careersite's theme does more on
// every page (career cards, JSON-LD, breadcrumbs, the career-path SVG) and
// its feeds carry whole pages, so the comparison does not favour it.
package sitegen

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Options say what to generate.
type Options struct {
	Pages int    // regular pages, not counting the home and section pages
	Seed  uint64 // 0 means the default seed
	// Profile is the kind of site: Career (the default, "" too) or Docs.
	Profile string
	// Theme is the templates of both sites: DefaultTheme ("" too: the
	// embedded theme for careersite, the Hugo layouts of hugo.go for the
	// twin) or MinimalTheme, the same small templates on both (minimal.go).
	Theme string
	// Shortcodes ends every page with a section of three shortcodes (rich.go):
	// a figure, a salary table from a data file and a paired details. The
	// site then has data files, an image, and raw HTML enabled.
	Shortcodes bool
	// Inline, with Shortcodes, writes the HTML of those shortcodes in their
	// place instead: the same published pages without shortcodes.
	Inline bool
}

const defaultSeed = 20261124

// The profiles and themes Options name.
const (
	Career       = "career"
	Docs         = "docs"
	DefaultTheme = "default"
	MinimalTheme = "minimal"
)

// check refuses options that name no profile or theme, or that combine
// what cannot be combined.
func (o Options) check() error {
	switch {
	case o.Profile != "" && o.Profile != Career && o.Profile != Docs:
		return fmt.Errorf("unknown profile %q: want %s or %s", o.Profile, Career, Docs)
	case o.Theme != "" && o.Theme != DefaultTheme && o.Theme != MinimalTheme:
		return fmt.Errorf("unknown theme %q: want %s or %s", o.Theme, DefaultTheme, MinimalTheme)
	case o.Shortcodes && o.Profile == Docs:
		return errors.New("shortcodes are a feature of the career profile")
	case o.Shortcodes && o.Theme == MinimalTheme:
		return errors.New("shortcodes are made for the default theme")
	}
	return nil
}

func (o Options) minimal() bool { return o.Theme == MinimalTheme }

// Stats describe a generated site.
type Stats struct {
	Pages      int            // regular pages
	Kinds      map[string]int // pages by kind
	Bytes      int64          // bytes of Markdown written under content/
	CodeBlocks int            // fenced code blocks
	Distinct   int            // distinct (language, code) pairs among them
}

// site is the plan of every page, made before any page is written so that
// links and references can name other pages.
type site struct {
	opts  Options
	pages []plan
	kinds map[string][]int // page indexes by kind
}

// plan is what other pages need to know about a page.
type plan struct {
	kind, section, slug, title string
	family, level              int
	guide, other               int // role guides: index into guides; the compared family
	provider                   int // certifications
}

func (p *plan) url() string  { return "/" + p.section + "/" + p.slug + "/" }
func (p *plan) file() string { return filepath.Join("content", p.section, p.slug+".md") }

// kindOf gives page i its kind; see the package comment.
func kindOf(i int) string {
	switch i % 10 {
	case 0, 1:
		return "job"
	case 2, 3:
		return "role"
	case 4:
		return "certification"
	}
	return "article"
}

var sectionOf = map[string]string{"job": "jobs", "role": "roles", "certification": "certifications", "article": "guides"}

func newSite(opts Options) *site {
	if opts.Seed == 0 {
		opts.Seed = defaultSeed
	}
	s := &site{opts: opts, pages: make([]plan, opts.Pages), kinds: map[string][]int{}}
	for i := range s.pages {
		s.pages[i] = s.planPage(i)
		s.kinds[s.pages[i].kind] = append(s.kinds[s.pages[i].kind], i)
	}
	return s
}

// rng is page i's random source; stream tells apart the draws made for the
// plan and for the file, so that adding a draw to one never changes the
// other.
func (s *site) rng(i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(s.opts.Seed^stream<<56, uint64(i)))
}

// Write generates the careersite site into dir, which must not exist or be
// empty.
func Write(dir string, opts Options) (*Stats, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if opts.Profile == Docs {
		return writeSite(dir, opts, withMinimal(opts, map[string]string{"site.yaml": docsSiteConfig}, minimalLayouts(nil)), newDocsSite(opts).files)
	}
	s := newSite(opts)
	files := map[string]string{"site.yaml": siteConfig}
	if opts.Shortcodes {
		files = s.richSiteFiles(files)
	}
	return writeSite(dir, opts, withMinimal(opts, files, minimalLayouts(careerKinds)), s.files)
}

// WriteHugo generates the equivalent Hugo site into dir. There is none
// with Options.Shortcodes: Hugo has no salary-table.
func WriteHugo(dir string, opts Options) (*Stats, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if opts.Shortcodes {
		return nil, errors.New("the Hugo site has no shortcodes: Hugo has no salary-table")
	}
	if opts.Profile == Docs {
		return writeSite(dir, opts, hugoDocsFiles(opts), newDocsSite(opts).files)
	}
	return writeSite(dir, opts, hugoFiles(opts), newSite(opts).files)
}

// withMinimal adds the minimal theme's layouts to files when opts ask for it.
func withMinimal(opts Options, files, layouts map[string]string) map[string]string {
	files[".gitignore"] = "/public/\n/.careersite/\n"
	if opts.minimal() {
		maps.Copy(files, layouts)
	}
	return files
}

// Generate returns the content files, by name, of a site of the given
// options, for benchmarks that want pages without a folder.
func Generate(opts Options) map[string][]byte {
	files := newSite(opts).files
	if opts.Profile == Docs {
		files = newDocsSite(opts).files
	}
	out := map[string][]byte{}
	for f := range files {
		out[filepath.ToSlash(f.name)] = []byte(f.data)
	}
	return out
}

// file is one content file of a generated site.
type file struct {
	name, data string
	kind       string   // the page's kind; "" for the home and section pages
	blocks     []string // the (language, code) keys of its fenced blocks
}

// files are every content file of the site: the home and section pages,
// then the pages with the (language, code) keys of their blocks.
func (s *site) files(yield func(file) bool) {
	for name, data := range s.indexPages() {
		if !yield(file{name: name, data: data}) {
			return
		}
	}
	for i := range s.pages {
		data, blocks := s.page(i)
		if !yield(file{s.pages[i].file(), data, s.pages[i].kind, blocks}) {
			return
		}
	}
}

// writeSite writes the files of extra and of content into dir, counting
// pages and code blocks.
func writeSite(dir string, opts Options, extra map[string]string, content iter.Seq[file]) (*Stats, error) {
	st := &Stats{Pages: opts.Pages, Kinds: map[string]int{}}
	for name, data := range extra {
		if err := writeFile(filepath.Join(dir, name), data); err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for f := range content {
		if err := writeFile(filepath.Join(dir, f.name), f.data); err != nil {
			return nil, err
		}
		if f.kind != "" {
			st.Kinds[f.kind]++
		}
		st.Bytes += int64(len(f.data))
		st.CodeBlocks += len(f.blocks)
		for _, b := range f.blocks {
			seen[b] = true
		}
	}
	st.Distinct = len(seen)
	return st, nil
}

func writeFile(name, data string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(data), 0o644)
}

// indexPages are the home page and the section pages.
func (s *site) indexPages() map[string]string {
	return map[string]string{
		"content/_index.md": "---\ntitle: Bench Atlas\ndescription: \"Generated career guides for benchmarks.\"\n---\n\n" +
			"Job descriptions, role guides, certification reviews and practical guides, generated for benchmarks.\n",
		"content/jobs/_index.md": "---\ntitle: Job descriptions\ndescription: \"Responsibilities, requirements and sourced pay ranges.\"\n---\n\n" +
			"Each job description lists what the work involves and what it pays. See also the [role guides](/roles/).\n",
		"content/roles/_index.md": "---\ntitle: Role guides\ndescription: \"What each occupation does, pays and leads to.\"\n---\n\n" +
			"Overviews, career paths and comparisons of occupations.\n",
		"content/certifications/_index.md": "---\ntitle: Certifications\ndescription: \"Reviews of professional certificates.\"\n---\n\n" +
			"What each program teaches, costs and takes, and our verdict.\n",
		"content/guides/_index.md": "---\ntitle: Guides\ndescription: \"Practical guides, one skill at a time.\"\n---\n\n" +
			"Guides with working examples. Start with the [job descriptions](/jobs/).\n",
	}
}

// siteConfig is the careersite site.yaml. stale_after is long so that a
// build prints no warning per page about old figures: the dates are fixed
// and the clock is not.
const siteConfig = `title: Bench Atlas
base_url: https://bench.example/
language: en
description: Generated career guides for benchmarks.
author:
  name: Bench editors
sections:
  jobs: job
  roles: role
  certifications: certification
  guides: article
taxonomies: [tags, skills]
page_size: 10
stale_after: 1200 months
menu:
  - {name: Jobs, url: /jobs/, weight: 1}
  - {name: Role guides, url: /roles/, weight: 2}
  - {name: Certifications, url: /certifications/, weight: 3}
  - {name: Guides, url: /guides/, weight: 4}
`

// docsSiteConfig is the careersite site.yaml of the documentation
// profile: every section holds articles, and the one taxonomy is tags.
const docsSiteConfig = `title: Bench Docs
base_url: https://docs.bench.example/
language: en
description: Generated documentation for benchmarks.
author:
  name: Bench editors
taxonomies: [tags]
page_size: 10
stale_after: 1200 months
`

// pick returns a random index into the list cdf was made for, favouring the
// first ones, by inverse transform on the cumulative weights.
func pick(r *rand.Rand, cdf []float64) int {
	x := r.Float64() * cdf[len(cdf)-1]
	lo, hi := 0, len(cdf)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cdf[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// zipf returns the cumulative weights 1/(k+1)^s of a list of n.
func zipf(n int, s float64) []float64 {
	cdf := make([]float64, n)
	sum := 0.0
	for k := range n {
		sum += 1 / math.Pow(float64(k+1), s)
		cdf[k] = sum
	}
	return cdf
}

var (
	skillCDF = zipf(len(skills), 1.1)
	tagCDF   = zipf(len(tags), 1.0)
)

func (p plan) String() string { return fmt.Sprintf("%s %s", p.kind, p.url()) }
