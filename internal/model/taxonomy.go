package model

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// Page kinds of the taxonomy pages, as templates see them in .Kind.
const (
	KindTaxonomy = "taxonomy" // the list of a taxonomy's terms: /skills/
	KindTerm     = "term"     // the pages of one term: /skills/postgresql/
)

// Taxonomy is one of the taxonomies named in site.yaml, with its terms.
// Templates reach it as .Site.Taxonomies, .Site.Taxonomy "skills" and, on
// taxonomy and term pages, .Taxonomy.
type Taxonomy struct {
	Name  string  // as in site.yaml: "skills"
	Title string  // "Skills"
	Terms []*Term // by slug
	Page  *Page   // the taxonomy page, /skills/

	bySlug    map[string]*Term
	lookups   *lookups // the slugs templates looked up (lookups.go)
	rolesOnce sync.Once
	roles     map[string][]*Page // stepRoles
}

// URL is the root-relative URL of the taxonomy page: "/skills/".
func (t *Taxonomy) URL() string { return t.Page.URL }

// Permalink is the absolute URL of the taxonomy page.
func (t *Taxonomy) Permalink() string { return t.Page.Permalink }

// ByCount returns the terms with the most pages first, then by slug.
func (t *Taxonomy) ByCount() []*Term {
	terms := slices.Clone(t.Terms)
	slices.SortStableFunc(terms, func(a, b *Term) int { return cmp.Compare(b.Count, a.Count) })
	return terms
}

// Term returns the term that name is a spelling of, or nil. It is the
// templates' lookup, and records the slug (lookups.go); the model's own
// use find.
func (t *Taxonomy) Term(name string) *Term {
	slug := TermSlug(name)
	t.lookups.add(slug)
	return t.bySlug[slug]
}

// find is Term without the record.
func (t *Taxonomy) find(name string) *Term {
	return t.bySlug[TermSlug(name)]
}

// TermSlug is the URL segment of a term, and what decides which spellings
// are one term: content.Slugify (case, spaces and punctuation do not count;
// letters of any script are kept), except that "+" and "#" after a letter,
// a digit or another "+" are read as words, so that skills such as "C++",
// "C#" and "C" stay three terms: "c-plus-plus", "c-sharp", "c".
//
// A site spells a few hundred terms on tens of thousands of pages, and
// every list, relation and term page slugs them again: slugs are kept
// once made (termSlugs).
func TermSlug(name string) string {
	if slug, ok := termSlugs.Load(name); ok {
		return slug.(string)
	}
	slug := termSlug(name)
	if termSlugCount.Load() < maxTermSlugs {
		if _, had := termSlugs.LoadOrStore(name, slug); !had {
			termSlugCount.Add(1)
		}
	}
	return slug
}

// termSlugs holds TermSlug's results by name, up to maxTermSlugs of them
// (termSlugCount): a process that meets more spellings, such as a session
// whose author renames terms for days, slugs the rest each time.
var (
	termSlugs     sync.Map
	termSlugCount atomic.Int32
)

const maxTermSlugs = 1 << 16

func termSlug(name string) string {
	if !strings.ContainsAny(name, "+#") {
		return content.Slugify(name)
	}
	var b strings.Builder
	prev := rune(0)
	for _, r := range name {
		switch {
		case r == '+' && (isWordRune(prev) || prev == '+'):
			b.WriteString(" plus ")
		case r == '#' && isWordRune(prev):
			b.WriteString(" sharp ")
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return content.Slugify(b.String())
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Term is one value of a taxonomy ("PostgreSQL" of skills) and the pages
// that list it. Spellings that make the same TermSlug ("PostgreSQL",
// "postgresql", "postgreSQL!") are one term.
type Term struct {
	Name     string  // the spelling most pages use; on a tie the first in byte order
	Slug     string  // TermSlug(Name): "postgresql"
	Count    int     // len(Pages)
	Pages    []*Page // newest first
	Taxonomy *Taxonomy
	Page     *Page // the term page, /skills/postgresql/

	spellings map[string]int // spelling → how many pages use it
}

// URL is the root-relative URL of the term page: "/skills/postgresql/".
func (t *Term) URL() string { return t.Page.URL }

// Permalink is the absolute URL of the term page.
func (t *Term) Permalink() string { return t.Page.Permalink }

// Taxonomy returns the taxonomy called name, or nil when site.yaml names no
// such taxonomy or no page uses it.
func (s *Site) Taxonomy(name string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Terms returns the terms of taxonomy that the page lists, in the order its
// front matter lists them, each once: {{ range .Terms "skills" }}.
func (p *Page) Terms(taxonomy string) []*Term {
	t := p.Site.Taxonomy(taxonomy)
	if t == nil {
		return nil
	}
	var terms []*Term
	for _, v := range TermValues(p, taxonomy) {
		if term := t.find(v); term != nil && !slices.Contains(terms, term) {
			terms = append(terms, term)
		}
	}
	return terms
}

// TermValues returns what page p lists for taxonomy name, as written: the
// tags, skills and authors fields, or for any other taxonomy the front-matter
// key of its name (a list or a single value).
func TermValues(p *Page, name string) []string {
	switch name {
	case "tags":
		return p.Tags
	case "skills":
		return p.Skills
	case "authors":
		return p.Authors
	}
	return paramValues(p.Params[name])
}

// paramValues reads a taxonomy from a front-matter value that decoded into
// Params: a list of scalars, or one scalar.
func paramValues(v any) []string {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if e != nil {
				out = append(out, fmt.Sprint(e))
			}
		}
		return out
	case map[string]any:
		return nil
	}
	return []string{fmt.Sprint(v)}
}

// taxonomies builds the taxonomies of site.yaml from the regular pages and
// returns their pages: for each taxonomy that some page uses, its taxonomy
// page and then its term pages by slug. URLs are site paths here; index
// adds the base path to them with every other page's. A taxonomy's title
// is the string taxonomy_NAME of words.
func taxonomies(cfg *config.Config, s *Site, regular []*Page, words Words) []*Page {
	var pages []*Page
	for _, name := range cfg.Taxonomies {
		t := collectTerms(name, regular)
		if len(t.Terms) == 0 {
			continue
		}
		t.Title = words.Or("taxonomy_"+name, t.Title)
		t.Page = &Page{Site: s, Kind: KindTaxonomy, Type: config.KindArticle, Title: t.Title, URL: "/" + name + "/", Parent: s.Home, Taxonomy: t}
		pages = append(pages, t.Page)
		for _, term := range t.Terms {
			term.Page = &Page{
				Site: s, Kind: KindTerm, Type: config.KindArticle, Title: term.Name,
				URL: t.Page.URL + term.Slug + "/", Parent: t.Page, Pages: term.Pages,
				Taxonomy: t, Term: term,
			}
			pages = append(pages, term.Page)
		}
		s.Taxonomies = append(s.Taxonomies, t)
	}
	return pages
}

// collectTerms groups the values of taxonomy name by slug. A value whose
// slug is empty is skipped here; checkTerms reports it.
func collectTerms(name string, regular []*Page) *Taxonomy {
	t := &Taxonomy{Name: name, Title: sectionTitle(name), bySlug: map[string]*Term{}, lookups: newLookups()}
	for _, p := range regular {
		for _, v := range TermValues(p, name) {
			slug := TermSlug(v)
			if slug == "" {
				continue
			}
			term := t.bySlug[slug]
			if term == nil {
				term = &Term{Slug: slug, Taxonomy: t, spellings: map[string]int{}}
				t.bySlug[slug] = term
			}
			term.spellings[v]++
			// A page's values are read together, so a page that names a
			// term twice ("Go", "go") is the last one added.
			if n := len(term.Pages); n == 0 || term.Pages[n-1] != p {
				term.Pages = append(term.Pages, p)
			}
		}
	}
	for _, slug := range slices.Sorted(maps.Keys(t.bySlug)) {
		term := t.bySlug[slug]
		term.Name = mostCommon(term.spellings)
		term.Count = len(term.Pages)
		slices.SortFunc(term.Pages, byDate)
		t.Terms = append(t.Terms, term)
	}
	return t
}

// mostCommon returns the spelling with the highest count, the first in byte
// order among equals, so the name never depends on the order pages load in.
func mostCommon(counts map[string]int) string {
	best := ""
	for _, s := range slices.Sorted(maps.Keys(counts)) {
		if best == "" || counts[s] > counts[best] {
			best = s
		}
	}
	return best
}

// CheckTerms reports the taxonomy values of src that make no URL segment
// ("!!!", ""), at the value in its file: every term needs a page of its
// own. The pipeline calls it before Index, for every published source.
func CheckTerms(cfg *config.Config, src *content.Page, locate content.Locator) []error {
	p := &Page{Tags: src.Tags, Skills: src.Skills, Authors: src.Authors, Params: src.Params}
	var errs []error
	for _, name := range cfg.Taxonomies {
		for _, v := range TermValues(p, name) {
			if TermSlug(v) != "" {
				continue
			}
			errs = append(errs, locate(src, name, v).Errorf("%s: %q has no letter or digit to make the URL of its term page from", name, v))
		}
	}
	return errs
}
