package model

import (
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// This file changes in place the terms of a regular page whose tags or
// skills changed, when the terms stay the site's: the page leaves and
// joins terms that other pages keep and name as before, so that no term
// page is made or dropped, no term is named anew and no term's list
// needs another number of pagers. The terms' lists, counts and pagers,
// and the related pages of the pages that share a changed term, are then
// those Index would make; Retagged says which of them changed. Any other
// change of a page's terms makes the model anew.

// Retagged is what Retag changed.
type Retagged struct {
	// Terms are the pages of the terms the page left or joined: their
	// .Pages, count and .Roles changed; with their pagers' copies.
	Terms []*Page
	// Pagers are the pagers of those terms (the term's page first).
	Pagers []*Page
	// Taxonomies are the pages of the taxonomies whose terms' counts
	// changed (.ByCount).
	Taxonomies []*Page
	// Related are the pages whose .Related changed.
	Related []*Page
}

// termsChange is how a page's terms of one taxonomy change: the terms
// it leaves and joins, and each touched term's spellings after.
type termsChange struct {
	tax          *Taxonomy
	left, joined []*Term
	spellings    map[*Term]map[string]int
}

// Retags reports whether src, a parse of the file of regular page p such
// that Patchable, lists other tags or skills than p.
func Retags(p *Page, src *content.Page) bool {
	return !src.IsIndex && (!slices.Equal(p.Tags, src.Tags) || !slices.Equal(p.Skills, src.Skills))
}

// CanRetag reports whether Retag can give p, a page of the model of pages
// made with cfg, the tags and skills of src (Retags): p is listed and
// stays where it is among the other pages (KeepsOrder), every value of
// src names a term of its taxonomy that exists, and every term p leaves
// or joins keeps a page, its name and the number of its pagers.
func CanRetag(cfg *config.Config, pages []*Page, p *Page, src *content.Page) bool {
	if p.hiddenFrom(content.HiddenFromLists) || !KeepsOrder(pages, p, src) {
		return false
	}
	_, ok := termsChanges(cfg, p, src.Tags, src.Skills)
	return ok
}

// termsChanges is how the terms of p change when it lists tags and
// skills; false when that needs a term made, dropped or named anew, or
// another number of pagers.
func termsChanges(cfg *config.Config, p *Page, tags, skills []string) ([]termsChange, bool) {
	var out []termsChange
	for _, name := range []string{"tags", "skills"} {
		old, cur := TermValues(p, name), tags
		if name == "skills" {
			cur = skills
		}
		if slices.Equal(old, cur) {
			continue
		}
		t := p.Site.Taxonomy(name)
		if t == nil {
			if len(cur) > 0 && slices.Contains(cfg.Taxonomies, name) {
				return nil, false // the taxonomy gains its first page
			}
			continue
		}
		c := termsChange{tax: t, spellings: map[*Term]map[string]int{}}
		before, after := termSet(t, old), termSet(t, cur)
		for _, v := range cur {
			if t.Term(v) == nil {
				return nil, false // a term is made (or the value makes no slug)
			}
		}
		spell := func(term *Term) map[string]int {
			if c.spellings[term] == nil {
				c.spellings[term] = maps.Clone(term.spellings)
			}
			return c.spellings[term]
		}
		for _, v := range old {
			if term := t.Term(v); term != nil {
				if s := spell(term); s[v] > 1 {
					s[v]--
				} else {
					delete(s, v)
				}
			}
		}
		for _, v := range cur {
			spell(t.Term(v))[v]++
		}
		for term, s := range c.spellings {
			if len(s) == 0 || mostCommon(s) != term.Name {
				return nil, false // a term is dropped or named anew
			}
		}
		for _, term := range t.Terms {
			switch {
			case before[term] && !after[term]:
				c.left = append(c.left, term)
			case after[term] && !before[term]:
				c.joined = append(c.joined, term)
			default:
				continue
			}
			n := len(term.Pages) + 1
			if before[term] {
				n -= 2
			}
			pg := term.Page.Paginator
			if len(cut(make([]*Page, n), pg.config, pg.paged)) != len(pg.pagers) {
				return nil, false // a pager is made or dropped
			}
		}
		out = append(out, c)
	}
	return out, true
}

// termSet is the terms of t that values name.
func termSet(t *Taxonomy, values []string) map[*Term]bool {
	set := map[*Term]bool{}
	for _, v := range values {
		if term := t.Term(v); term != nil {
			set[term] = true
		}
	}
	return set
}

// Retag gives p, a regular page of the model of pages, the tags and skills
// src lists, such that CanRetag(cfg, …): p leaves and joins terms, and the pages
// that share a changed term with it are related again.
func Retag(cfg *config.Config, p *Page, src *content.Page) Retagged {
	changes, ok := termsChanges(cfg, p, src.Tags, src.Skills)
	if !ok {
		panic("model: Retag of a page CanRetag refuses") // the pipeline asks first
	}
	oldKeys := pageTerms(p)
	p.Tags, p.Skills = src.Tags, src.Skills
	var r Retagged
	for _, c := range changes {
		for term, s := range c.spellings {
			term.spellings = s
		}
		for _, term := range c.left {
			r.setPages(term, slices.DeleteFunc(slices.Clone(term.Pages), func(q *Page) bool { return q == p }))
		}
		for _, term := range c.joined {
			list := slices.Clone(term.Pages)
			at, _ := slices.BinarySearchFunc(list, p, byDate)
			r.setPages(term, slices.Insert(list, at, p))
		}
		if len(c.left)+len(c.joined) > 0 {
			r.Taxonomies = append(r.Taxonomies, c.tax.Page)
		}
	}
	r.relateAgain(p, oldKeys)
	return r
}

// setPages gives term the pages list, to its page and pagers too.
func (r *Retagged) setPages(term *Term, list []*Page) {
	term.Pages, term.Count = list, len(list)
	pg := term.Page.Paginator
	setPagers(pg.pagers, list, pg.config, pg.paged)
	r.Terms = append(r.Terms, term.Page)
	r.Pagers = append(r.Pagers, pg.pagers...)
}

// relateAgain updates the related index of p's site for p, a listed page
// whose term keys were old, and sets again the related pages of the pages whose
// scores it changes: p, and the pages that have a changed key that
// relates pages before or after.
func (r *Retagged) relateAgain(p *Page, old map[string]int) {
	x := p.Site.related
	i := x.at[p]
	cur := pageTerms(p)
	x.terms[i] = cur
	again := map[int]bool{i: true}
	for _, key := range slices.Sorted(maps.Keys(keyUnion(old, cur))) {
		if old[key] == cur[key] {
			continue
		}
		counted := x.counts(key)
		list := slices.DeleteFunc(x.postings[key], func(post posting) bool { return post.page == i })
		if w, ok := cur[key]; ok {
			at, _ := slices.BinarySearchFunc(list, i, func(post posting, i int) int { return post.page - i })
			list = slices.Insert(list, at, posting{i, w})
		}
		if len(list) == 0 {
			delete(x.postings, key)
		} else {
			x.postings[key] = list
		}
		if !counted && !x.counts(key) {
			continue // it relates no pages, before or after
		}
		for _, post := range x.postings[key] {
			again[post.page] = true
		}
		for _, j := range x.hidden {
			if _, ok := x.terms[j][key]; ok {
				again[j] = true
			}
		}
	}
	scores := make([]int, len(x.pages))
	for _, j := range slices.Sorted(maps.Keys(again)) {
		q := x.pages[j]
		if related := x.relatedAgain(j, scores); !slices.Equal(related, q.Related) {
			q.Related = related
			r.Related = append(r.Related, q)
		}
	}
}

// keyUnion is the keys of a and b.
func keyUnion(a, b map[string]int) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}
