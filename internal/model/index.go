package model

import (
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
)

// Model is the model of one build, as Index makes it.
type Model struct {
	Site  *Site   // the default language's
	Sites []*Site // every language's, by weight then code: one on a site of one language

	// Pages is every page to render: the home page, the sections, the
	// regular pages, the taxonomy and term pages, the 404 page, then the
	// pagers after the first of every paginated list.
	Pages []*Page

	// Feeds is every feed to write: the site's, then each section's,
	// those of lists with entries (feed.go).
	Feeds []*Feed
}

// Index makes the model from the published pages of a build and their
// converted Markdown (bodies[i] belongs to sources[i]; nil when it has
// none), at now, which decides whether a job's posting is open: the steps
// of the package comment; paginates tells which lists are cut into pagers.
// The titles Index makes up (a section without an _index.md, a taxonomy,
// the 404 page) are written in each language by words (see Words).
// It returns the errors found: pages that share a URL.
func Index(cfg *config.Config, links *Linker, sources []*content.Page, bodies []Body, paginates Paginates, words func(code string) Words, now time.Time) (*Model, []error) {
	m := &Model{}
	var errs []error
	var keyed []translated
	taken := map[string]*Page{} // the URLs of the languages indexed so far
	languages := siteLanguages(cfg)
	for i, part := range byLanguage(cfg, sources, bodies) {
		s, pages, perrs := index(inLanguage(cfg, part.lang), links, part.sources, part.bodies, paginates, words(part.lang.Code), part.lang.Prefix)
		s.Languages, s.DefaultLanguage = languages, defaultOf(languages, cfg)
		errs = append(errs, perrs...)
		errs = append(errs, checkAcross(taken, pages)...)
		resolveRefs(pages)
		postings(pages, now)
		for _, p := range pages {
			p.Language = languages[i]
			keyed = append(keyed, translated{p, translationKey(p, part.lang.Prefix), i})
		}
		if m.Site == nil || part.lang.Code == cfg.Language {
			m.Site = s
		}
		m.Sites = append(m.Sites, s)
		m.Pages = append(m.Pages, pages...)
		m.Feeds = append(m.Feeds, feeds(s, pages, links, cfg.FeedLimit)...)
	}
	if cfg.Multilingual() {
		errs = append(errs, linkTranslations(keyed)...)
	}
	return m, errs
}

// siteLanguages are the site's languages as templates see them, in the
// order of cfg.LanguageList.
func siteLanguages(cfg *config.Config) []*Language {
	var list []*Language
	for _, l := range cfg.LanguageList() {
		list = append(list, &Language{Code: l.Code, Name: l.Name, Dir: l.Dir})
	}
	return list
}

// Words are the strings of a language (i18n.Strings) that the titles the
// model makes up are taken from: section_NAME for a section without an
// _index.md ("section_jobs"), taxonomy_NAME for a taxonomy
// ("taxonomy_skills"), page_not_found for the 404 page. Without the
// string, a section or a taxonomy is titled after its name ("career-paths"
// → "Career paths") and the 404 page "Page not found".
type Words interface {
	Or(key, fallback string) string // the string key, else fallback
}

// index builds the site of one language and its pages, with their final
// URLs, the pages the build makes up under the language's prefix, their
// titles in words.
func index(cfg *config.Config, links *Linker, sources []*content.Page, bodies []Body, paginates Paginates, words Words, prefix string) (*Site, []*Page, []error) {
	s := &Site{
		Title:       cfg.Title,
		BaseURL:     cfg.BaseURL,
		Language:    cfg.Language,
		Description: cfg.Description,
		Author:      cfg.Author,
		Menu:        cfg.Menu,
		Params:      cfg.Params,
	}
	s.Home = &Page{Site: s, Kind: KindHome, Type: "article", Title: cfg.Title, Description: cfg.Description, URL: "/"}
	sections := map[string]*Page{}
	section := func(name string) *Page {
		if sec, ok := sections[name]; ok {
			return sec
		}
		sec := &Page{Site: s, Kind: KindSection, Type: cfg.KindOf(name), Section: name, Title: words.Or("section_"+name, sectionTitle(name)), URL: "/" + name + "/"}
		sections[name] = sec
		return sec
	}

	var regular []*Page
	for i, src := range sources {
		var p *Page
		switch {
		case src.IsIndex && src.Section == "":
			p = s.Home
		case src.IsIndex:
			p = section(src.Section)
		default:
			p = &Page{Site: s, Kind: KindPage, Type: src.Kind, Section: src.Section}
			regular = append(regular, p)
		}
		fill(p, src, bodies[i])
	}

	for _, p := range regular {
		if p.Section == "" {
			p.Parent = s.Home
			continue
		}
		p.Parent = section(p.Section)
		if !p.hiddenFrom(content.HiddenFromLists) {
			p.Parent.Pages = append(p.Parent.Pages, p)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(sections)) {
		sec := sections[name]
		sec.Parent = s.Home
		slices.SortFunc(sec.Pages, byWeight)
		s.Sections = append(s.Sections, sec)
	}
	slices.SortStableFunc(s.Sections, func(a, b *Page) int {
		return cmp.Or(compareWeight(a.Weight, b.Weight), cmp.Compare(a.Title, b.Title))
	})
	listed := slices.DeleteFunc(slices.Clone(regular), func(p *Page) bool { return p.hiddenFrom(content.HiddenFromLists) })
	s.Pages = slices.Clone(listed)
	slices.SortFunc(s.Pages, byDate)
	s.Home.Pages = s.Pages
	s.Home.Sections = s.Sections

	notFound := &Page{Site: s, Kind: KindNotFound, Type: "article", Title: words.Or("page_not_found", "Page not found"), URL: "/404.html", Parent: s.Home}
	pages := append([]*Page{s.Home}, s.Sections...)
	pages = append(pages, regular...)
	pages = append(pages, taxonomies(cfg, s, listed, words)...)
	pages = append(pages, notFound)
	prefixMadeUp(pages, prefix, cfg.Language == cfg.DefaultLanguage) // language.go
	navigate(s, pages, regular)
	pages = append(pages, paginate(cfg.PageSize, paginates, pages)...)
	errs := checkURLs(pages)
	for _, p := range pages {
		p.out, p.sitePath = OutputName(p.URL), p.URL
		p.Permalink = links.Abs(p.URL)
		p.URL = links.Rel(p.URL)
	}
	return s, pages, errs
}

// fill copies a loaded page and its converted Markdown into p.
func fill(p *Page, src *content.Page, body Body) {
	fm := src.FrontMatter
	if fm.Title != "" {
		p.Title = fm.Title
	}
	if fm.Description != "" {
		p.Description = fm.Description
	}
	if src.URL != "" {
		p.URL = src.URL
	}
	p.Date, p.Updated, p.Lastmod = fm.Date, fm.Updated, fm.Date
	if !fm.Updated.IsZero() {
		p.Lastmod = fm.Updated
	}
	p.Draft, p.Tags, p.Skills, p.Authors, p.Weight = fm.Draft, fm.Tags, fm.Skills, fm.Authors, fm.Weight
	p.Params, p.File, p.layout, p.hidden = fm.Params, src.Path, fm.Layout, fm.HiddenFrom
	p.translationKey = fm.TranslationKey
	p.Job, p.Role, p.Certification = src.Career.Job, src.Career.Role, src.Career.Certification
	fillBody(p, body)
}

// fillBody copies converted Markdown into p: everything of a page that
// comes from its body.
func fillBody(p *Page, body Body) {
	p.body = body
	if body == nil {
		return
	}
	res := body.Result()
	p.Summary = body.Summary()
	p.Headings, p.WordCount, p.ReadingTime = res.Headings, res.WordCount, res.ReadingTime
	p.links = res.Links
}

// checkURLs reports every page whose URL an earlier page already has.
func checkURLs(pages []*Page) []error {
	owner := map[string]*Page{}
	var errs []error
	for _, p := range pages {
		first, taken := owner[p.URL]
		if !taken {
			owner[p.URL] = p
			continue
		}
		// Report at the page that has a file to fix: a content page
		// that takes the URL of a taxonomy page, say.
		at, other := p, first
		if at.File == "" && other.File != "" {
			at, other = other, at
		}
		errs = append(errs, problemAt(at, "URL %q is also the URL of %s%s", p.URL, Describe(other), sectionHint(at, other)))
	}
	return errs
}

// sectionHint says what to write instead when at is an index.md whose URL
// is its folder's section page: an author coming from Hugo, where
// content/x/index.md makes the folder a leaf bundle (and quietly drops
// the folder's other pages), wants _index.md, which gives a section its
// text here as it does there.
func sectionHint(at, other *Page) string {
	if other.Kind != KindSection || other.File != "" || path.Base(at.File) != "index.md" {
		return ""
	}
	return "; to give the section its own text, rename the file to " +
		path.Join(path.Dir(at.File), "_index.md") +
		" (Hugo would make the folder a leaf bundle and leave out its other pages)"
}

// problemAt is an error about the whole page p: at the start of its
// file, or, for a page the build made up, at no file, naming the page.
func problemAt(p *Page, format string, args ...any) *diag.Error {
	msg := fmt.Sprintf(format, args...)
	if p.File == "" {
		return diag.At("", 0, 0, Describe(p)+": "+msg)
	}
	return diag.At(p.File, 1, 1, msg)
}

// OutputName is the file a site path is served from: "/jobs/" →
// "jobs/index.html".
func OutputName(u string) string {
	name := strings.TrimPrefix(u, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		return name + "index.html"
	}
	if path.Ext(name) == "" {
		return name + "/index.html"
	}
	return name
}

// sectionTitle names a section that has no _index.md: "career-paths" → "Career paths".
func sectionTitle(name string) string {
	t := strings.ReplaceAll(name, "-", " ")
	if t == "" {
		return t
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// byWeight orders a section's pages: pages with a weight first, lightest
// first; then newest first; then by title and URL, so the order never
// depends on the file system.
func byWeight(a, b *Page) int {
	if c := compareWeight(a.Weight, b.Weight); c != 0 {
		return c
	}
	return byDate(a, b)
}

// byDate orders pages newest first, then by title and URL. The titles
// and URLs are compared only when they decide (cmp.Or would compare
// them every time: it takes its arguments made), and most pages of a
// list differ in date.
func byDate(a, b *Page) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	return cmp.Compare(a.URL, b.URL)
}

// compareWeight puts weighted items (weight != 0) before unweighted ones.
func compareWeight(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}
