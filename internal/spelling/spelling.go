// Package spelling finds the skills and tags a site writes in more than
// one way: "Postgres" on one page where others write "PostgreSQL",
// "postgresql" against "PostgreSQL", "NodeJS" against "Node.js". A skill
// page and a tag page gather the pages that name one spelling, so a
// second spelling splits them, and readers see two names for one thing.
//
// Two spellings are one word when they are equal once lower-cased with
// spaces, ".", "-" and "_" left out, or when one is a known other name of
// the other (aliases: "Postgres" and "PostgreSQL", "Golang" and "Go",
// "k8s" and "Kubernetes" …). Of the spellings of a word, the one the most
// pages use wins; on a tie, the one that is not an alias, then the first
// in byte order. Skills are compared with skills and tags with tags.
//
// Warnings returns a warning at every other spelling, in each page that
// writes it, at the value in its front matter (content.Locator), naming
// the winning spelling and how many pages use it, with a diag.Fix to it:
//
//	content/jobs/x.md:4:10: skills: "Postgres" is written "PostgreSQL" on 3 pages; did you mean "PostgreSQL"?
package spelling

import (
	"fmt"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
)

// Kind is the kind of the warnings, for the summary of `check`.
const Kind = "skills and tags spelled unlike the rest of the site"

// aliases are other names of a word, as word writes both: the alias and
// the name most sites use.
var aliases = map[string]string{
	"postgres":   "postgresql",
	"golang":     "go",
	"k8s":        "kubernetes",
	"js":         "javascript",
	"ts":         "typescript",
	"reactjs":    "react",
	"vuejs":      "vue",
	"node":       "nodejs",
	"mssql":      "sqlserver",
	"gcp":        "googlecloud",
	"amazonaws":  "aws",
	"ecmascript": "javascript",
}

// Warnings returns the warnings of pages' skills and tags spelled unlike
// the rest of pages, placed by locate.
func Warnings(pages []*content.Page, locate content.Locator) []error {
	var c Checker
	return c.Warnings(pages, locate)
}

// A Checker returns what Warnings does, for pages that change a few at a
// time (the checks of a language server's session): it keeps how many
// pages write each spelling, and counts again only the pages that are not
// those it was last given at the same place in the list, so that a check
// after one page changed does not read the skills and tags of every
// other. A page it was given must not change after: a page edited is
// another *content.Page. The zero Checker is ready; it is not safe for
// concurrent use.
type Checker struct {
	pages        []*content.Page // those of the last call
	skills, tags map[string]int  // spelling → pages of pages that write it
}

// Warnings returns the warnings of pages' skills and tags spelled unlike
// the rest of pages, placed by locate, and keeps their counts for the
// next call.
func (c *Checker) Warnings(pages []*content.Page, locate content.Locator) []error {
	if c.skills == nil {
		c.skills, c.tags = map[string]int{}, map[string]int{}
	}
	// The counts are of a multiset of pages: the pages at the places
	// where the two lists differ are taken out and put in, whatever the
	// order of either.
	n := min(len(c.pages), len(pages))
	for i, p := range c.pages {
		if i >= n || p != pages[i] {
			c.count(p, -1)
		}
	}
	for i, p := range pages {
		if i >= n || p != c.pages[i] {
			c.count(p, 1)
		}
	}
	c.pages = slices.Clone(pages)
	skills := check(pages, "skills", func(p *content.Page) []string { return p.Skills }, c.skills, locate)
	return append(skills, check(pages, "tags", func(p *content.Page) []string { return p.Tags }, c.tags, locate)...)
}

// count adds d to the uses of the spellings page p writes, and forgets a
// spelling no page writes.
func (c *Checker) count(p *content.Page, d int) {
	add := func(uses map[string]int, vs []string) {
		for i, v := range vs {
			if !first(vs, i) {
				continue
			}
			if uses[v] += d; uses[v] == 0 {
				delete(uses, v)
			}
		}
	}
	add(c.skills, p.Skills)
	add(c.tags, p.Tags)
}

// check returns the warnings of the values of key in pages, of which uses
// (spelling → pages that write it) are counted.
func check(pages []*content.Page, key string, values func(*content.Page) []string, uses map[string]int, locate content.Locator) []error {
	better := preferred(uses)
	if len(better) == 0 {
		return nil
	}
	var ws []error
	for _, p := range pages {
		vs := values(p)
		for i, v := range vs {
			best, ok := better[v]
			if !ok || !first(vs, i) {
				continue
			}
			at := locate(p, key, v)
			msg, fix := diag.DidYouMean(fmt.Sprintf("%q is written %q on %s", v, best, count(uses[best])), v, best)
			ws = append(ws, &diag.Error{File: at.File, Line: at.Line, Col: at.Col, Path: key, Msg: msg, Kind: Kind, Fix: fix})
		}
	}
	return ws
}

// preferred returns, for every spelling in uses that is not its word's
// winning one, the winning one.
func preferred(uses map[string]int) map[string]string {
	byWord := map[string][]string{}
	for v := range uses {
		w := word(v)
		byWord[w] = append(byWord[w], v)
	}
	better := map[string]string{}
	for _, spellings := range byWord {
		if len(spellings) < 2 {
			continue
		}
		best := slices.MinFunc(spellings, func(a, b string) int { return rank(a, b, uses) })
		for _, s := range spellings {
			if s != best {
				better[s] = best
			}
		}
	}
	return better
}

// rank orders two spellings of a word, the winner first: more pages, not
// an alias, then byte order.
func rank(a, b string, uses map[string]int) int {
	if uses[a] != uses[b] {
		return uses[b] - uses[a]
	}
	_, aliasA := aliases[fold(a)]
	_, aliasB := aliases[fold(b)]
	if aliasA != aliasB {
		if aliasA {
			return 1
		}
		return -1
	}
	return strings.Compare(a, b)
}

// word is what every spelling of v's word has in common: v folded, its
// alias resolved.
func word(v string) string {
	w := fold(v)
	if name, ok := aliases[w]; ok {
		return name
	}
	return w
}

// fold returns v lower-cased without spaces, ".", "-" and "_".
func fold(v string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '_':
			return -1
		}
		return r
	}, strings.ToLower(v))
}

// first reports whether list[i] is not empty and not written before i: a
// page counts once for a spelling it repeats. A page lists a few values,
// so looking back costs less than a set would.
func first(list []string, i int) bool {
	return list[i] != "" && !slices.Contains(list[:i], list[i])
}

// count is n pages in words.
func count(n int) string {
	if n == 1 {
		return "1 page"
	}
	return fmt.Sprintf("%d pages", n)
}
