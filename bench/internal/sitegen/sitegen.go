// Package sitegen writes deterministic benchmark sites: N pages of career
// content for careersite, and the same Markdown as a Hugo site.
//
// # Pages
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
// # Sites
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
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Options say what to generate.
type Options struct {
	Pages int    // regular pages, not counting the home and section pages
	Seed  uint64 // 0 means the default seed
	// Shortcodes ends every page with a section of three shortcodes (rich.go):
	// a figure, a salary table from a data file and a paired details. The
	// site then has data files, an image, and raw HTML enabled.
	Shortcodes bool
	// Inline, with Shortcodes, writes the HTML of those shortcodes in their
	// place instead: the same published pages without shortcodes.
	Inline bool
}

const defaultSeed = 20261124

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
	s := newSite(opts)
	files := map[string]string{"site.yaml": siteConfig, ".gitignore": "/public/\n/.careersite/\n"}
	if opts.Shortcodes {
		files = s.richSiteFiles(files)
	}
	return s.write(dir, files)
}

// WriteHugo generates the equivalent Hugo site into dir. There is none
// with Options.Shortcodes: Hugo has no salary-table.
func WriteHugo(dir string, opts Options) (*Stats, error) {
	if opts.Shortcodes {
		return nil, errors.New("the Hugo site has no shortcodes: Hugo has no salary-table")
	}
	s := newSite(opts)
	return s.write(dir, hugoFiles(opts.Pages))
}

// Generate returns page i's file name and contents for a site of the given
// options, for benchmarks that want pages without a folder.
func Generate(opts Options) map[string][]byte {
	s := newSite(opts)
	out := make(map[string][]byte, len(s.pages)+5)
	for name, data := range s.indexPages() {
		out[filepath.ToSlash(name)] = []byte(data)
	}
	for i := range s.pages {
		data, _ := s.page(i)
		out[filepath.ToSlash(s.pages[i].file())] = []byte(data)
	}
	return out
}

func (s *site) write(dir string, extra map[string]string) (*Stats, error) {
	st := &Stats{Pages: len(s.pages), Kinds: map[string]int{}}
	seen := map[string]bool{}
	files := s.indexPages()
	for name, data := range extra {
		files[name] = data
	}
	for name, data := range files {
		if err := writeFile(filepath.Join(dir, name), data); err != nil {
			return nil, err
		}
		st.Bytes += int64(len(data))
	}
	for i := range s.pages {
		data, blocks := s.page(i)
		if err := writeFile(filepath.Join(dir, s.pages[i].file()), data); err != nil {
			return nil, err
		}
		st.Kinds[s.pages[i].kind]++
		st.Bytes += int64(len(data))
		st.CodeBlocks += len(blocks)
		for _, b := range blocks {
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
