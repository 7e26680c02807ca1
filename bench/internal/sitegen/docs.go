package sitegen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// docsSite is the plan of a site of the documentation profile: its
// sections and every page's place, title and subject, made before any page
// is written so that pages can link to each other.
type docsSite struct {
	opts     Options
	sections []docsSection
	pages    []docsPage
}

type docsSection struct {
	slug, title string
	first, n    int // its pages are pages[first : first+n]
}

type docsPage struct {
	section     int
	slug, title string
	thing       int // index into docThings: what the page is about
}

func (p *docsPage) url(s *docsSite) string {
	return "/" + s.sections[p.section].slug + "/" + p.slug + "/"
}

func (p *docsPage) file(s *docsSite) string {
	return filepath.Join("content", s.sections[p.section].slug, p.slug+".md")
}

// sectionSizes splits pages into about one section per hundred pages,
// sized along a long tail: section k of count, at quantile q, gets a share
// of 20·35^((1−q)^2.75), which over a hundred sections runs from 20 pages
// to about 680 with a mean of about 98 and a median of about 35, as the
// sections of a real documentation site do. The shares are scaled to add
// up to pages exactly.
func sectionSizes(pages int) []int {
	count := max(1, (pages+50)/100)
	shares := make([]float64, count)
	sum := 0.0
	for k := range shares {
		q := (float64(k) + 0.5) / float64(count)
		shares[k] = 20 * math.Pow(35, math.Pow(1-q, 2.75))
		sum += shares[k]
	}
	sizes := make([]int, count)
	total := 0
	for k, w := range shares {
		sizes[k] = max(1, int(math.Round(w*float64(pages)/sum)))
		total += sizes[k]
	}
	sizes[0] += pages - total // the rounding, given to the largest
	return sizes
}

// newDocsSite plans the sections, each named after an area drawn in a
// seeded order, and every page's title and subject.
func newDocsSite(opts Options) *docsSite {
	if opts.Seed == 0 {
		opts.Seed = defaultSeed
	}
	s := &docsSite{opts: opts, pages: make([]docsPage, 0, opts.Pages)}
	r := s.rng(0, 3)
	areas := r.Perm(len(docAreas))
	for k, n := range sectionSizes(opts.Pages) {
		slug := docAreas[areas[k%len(areas)]]
		if k >= len(areas) {
			slug += "-" + strconv.Itoa(k/len(areas)+1)
		}
		s.sections = append(s.sections, docsSection{slug: slug, title: sectionTitle(slug), first: len(s.pages), n: n})
		for range n {
			i := len(s.pages)
			pr := s.rng(i, 1)
			thing := pr.IntN(len(docThings))
			title := fmt.Sprintf(docTitles[pr.IntN(len(docTitles))], docThings[thing])
			title = strings.ToUpper(title[:1]) + title[1:]
			s.pages = append(s.pages, docsPage{section: k, thing: thing, title: title,
				slug: fmt.Sprintf("%s-%05d", slugify(title, 48), i)})
		}
	}
	return s
}

// sectionTitle turns a section's slug into its title: "getting-started-2"
// is "Getting started 2".
func sectionTitle(slug string) string {
	return title(strings.ReplaceAll(slug, "-", " "))
}

// rng is page i's random source, as site.rng's but with streams of its
// own (the constant), so that the two profiles never share draws.
func (s *docsSite) rng(i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(s.opts.Seed^stream<<56^0x5d0c5, uint64(i)))
}

// files are every content file of the site: the home page, an _index.md
// per section and the pages.
func (s *docsSite) files(yield func(file) bool) {
	home := "---\ntitle: Bench Docs\ndescription: \"Generated documentation for benchmarks.\"\n---\n\n" +
		"Guides, how-tos and reference for the Acme platform, generated for benchmarks.\n"
	if !yield(file{name: "content/_index.md", data: home}) {
		return
	}
	for _, sec := range s.sections {
		data := fmt.Sprintf("---\ntitle: %q\ndescription: %q\n---\n\nEverything about %s: %d pages. Start with [%s](%s).\n",
			sec.title, "How-tos and reference for "+strings.ToLower(sec.title)+".", strings.ToLower(sec.title), sec.n,
			s.pages[sec.first].title, s.pages[sec.first].url(s))
		if !yield(file{name: filepath.Join("content", sec.slug, "_index.md"), data: data}) {
			return
		}
	}
	for i := range s.pages {
		data, blocks := s.page(i)
		if !yield(file{s.pages[i].file(s), data, "article", blocks}) {
			return
		}
	}
}

// docsWriter writes one page of the documentation profile.
type docsWriter struct {
	site *docsSite
	self int
	r    *rand.Rand
	fill *strings.Replacer
	b    strings.Builder
	code []string
}

func (w *docsWriter) line(s string) { w.b.WriteString(s); w.b.WriteByte('\n') }

var docsFirstDay = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// page returns page i's file and the (language, code) keys of its blocks:
// short front matter, an introduction, two to eight sections of prose with
// lists, steps, option tables, links and inline code, a fenced block in
// about one page in three, and links to pages to read next.
func (s *docsSite) page(i int) (string, []string) {
	p := &s.pages[i]
	r := s.rng(i, 2)
	thing := docThings[p.thing]
	w := &docsWriter{site: s, self: i, r: r, fill: strings.NewReplacer(
		"{thing}", thing, "{Thing}", title(thing),
		"{thing2}", docThings[r.IntN(len(docThings))],
		"{cmd}", docCommands[r.IntN(len(docCommands))],
		"{opt}", docOptions[r.IntN(len(docOptions))],
		"{file}", docFiles[r.IntN(len(docFiles))],
		"{n}", strconv.Itoa(2+r.IntN(8)),
	)}
	w.line("---")
	w.line("title: " + strconv.Quote(p.title))
	w.line("description: " + strconv.Quote(w.fill.Replace(docSentences[r.IntN(len(docSentences))])))
	w.line("date: " + day(docsFirstDay.AddDate(0, 0, r.IntN(2500))))
	w.line("tags: [" + strings.Join(w.tags(), ", ") + "]")
	w.line("---")
	w.line("")
	w.paragraph(2, 4)
	if r.IntN(4) == 0 {
		w.line("> **Note:** " + w.sentence())
		w.line("")
	}
	for _, k := range r.Perm(len(docHeadings))[:2+r.IntN(7)] {
		w.section(docHeadings[k])
	}
	w.next()
	return w.b.String(), w.code
}

// tags draws one to four tags, the common ones most often.
func (w *docsWriter) tags() []string {
	var out []string
	for range 1 + w.r.IntN(4) {
		t := strconv.Quote(docTags[pick(w.r, docTagCDF)])
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

var docTagCDF = zipf(len(docTags), 1.0)

func (w *docsWriter) sentence() string {
	return w.fill.Replace(docSentences[w.r.IntN(len(docSentences))])
}

func (w *docsWriter) section(heading string) {
	r := w.r
	w.line("## " + w.fill.Replace(heading))
	w.line("")
	for range 1 + r.IntN(3) {
		w.paragraph(2, 6)
	}
	switch x := r.IntN(100); {
	case x < 30:
		w.list(false)
	case x < 55:
		w.list(true)
	case x < 65:
		w.options()
	}
	if r.IntN(100) < 7 {
		w.block()
	}
	if r.IntN(100) < 25 {
		w.line("### " + docSubHeadings[r.IntN(len(docSubHeadings))])
		w.line("")
		w.paragraph(1, 4)
	}
}

// paragraph writes lo to hi sentences; about half the paragraphs link to
// another page, mostly of the same section.
func (w *docsWriter) paragraph(lo, hi int) {
	n := lo + w.r.IntN(hi-lo+1)
	link := -1
	if w.r.IntN(2) == 0 {
		link = w.r.IntN(n)
	}
	for i := range n {
		if i > 0 {
			w.b.WriteByte(' ')
		}
		if i == link {
			w.b.WriteString(w.link())
			continue
		}
		w.b.WriteString(w.sentence())
	}
	w.b.WriteString("\n\n")
}

// other returns another page: of the same section three times in four.
func (w *docsWriter) other() *docsPage {
	s, r := w.site, w.r
	sec := s.sections[s.pages[w.self].section]
	j := r.IntN(len(s.pages))
	if r.IntN(4) > 0 {
		j = sec.first + r.IntN(sec.n)
	}
	if j == w.self {
		j = (j + 1) % len(s.pages)
	}
	return &s.pages[j]
}

func (w *docsWriter) link() string {
	if len(w.site.pages) == 1 {
		return "There is more to say about this."
	}
	p := w.other()
	return fmt.Sprintf([]string{"See [%s](%s) for the details.", "This is described in [%s](%s).",
		"Read [%s](%s) first if you are new to this."}[w.r.IntN(3)], p.title, p.url(w.site))
}

func (w *docsWriter) list(numbered bool) {
	for k, item := range w.r.Perm(len(docSteps))[:2+w.r.IntN(5)] {
		text := w.fill.Replace(docSteps[item]) + "."
		if numbered {
			w.line(strconv.Itoa(k+1) + ". " + text)
		} else {
			w.line("- " + text)
		}
	}
	w.line("")
}

// options writes a table of command-line options.
func (w *docsWriter) options() {
	w.line("| Option | Default | Description |")
	w.line("| --- | --- | --- |")
	for _, k := range w.r.Perm(len(docOptions))[:2+w.r.IntN(4)] {
		w.line(fmt.Sprintf("| `%s` | `%d` | %s |", docOptions[k], w.r.IntN(100), w.sentence()))
	}
	w.line("")
}

func (w *docsWriter) block() {
	b := docBlocks[w.r.IntN(len(docBlocks))]
	code := w.fill.Replace(b.code)
	w.code = append(w.code, b.lang+"\x00"+code)
	w.line("```" + b.lang)
	w.b.WriteString(code)
	w.line("```")
	w.line("")
}

// next ends the page with two to four pages to read next.
func (w *docsWriter) next() {
	if len(w.site.pages) == 1 {
		return
	}
	w.line("## What's next")
	w.line("")
	for range 2 + w.r.IntN(3) {
		p := w.other()
		w.line(fmt.Sprintf("- [%s](%s)", p.title, p.url(w.site)))
	}
	w.line("")
}
