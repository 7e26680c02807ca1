package model

import (
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// This file changes in place the terms of a regular page whose tags or
// skills changed: the page leaves and joins terms, a term it alone names
// is made (its term page with it) and a term it alone named is dropped
// (its term page too), so long as no term is named anew, no term's list
// needs another number of pagers and the site keeps each of its
// taxonomies. The terms' lists, counts and pagers, the taxonomies' terms,
// the model's pages and the related pages of the pages that share a
// changed term are then those Index would make; Retagged says which of
// them changed. Any other change of a page's terms makes the model anew.

// Retagged is what Retag changed.
type Retagged struct {
	// Terms are the pages of the terms the page left or joined: their
	// .Pages, count and .Roles changed; with their pagers' copies.
	Terms []*Page
	// Pagers are the pagers of those terms (the term's page first).
	Pagers []*Page
	// Taxonomies are the pages of the taxonomies whose terms' counts
	// changed (.ByCount); Termed those of the taxonomies that made or
	// dropped a term, which their .Term finds or no longer finds by name;
	// LookedUp those of Termed whose template lookups by name
	// (model.LookedUp) looked up the slug of a term made or dropped.
	Taxonomies, Termed, LookedUp []*Page
	// Related are the pages whose .Related changed.
	Related []*Page
	// Made are the pages of the terms made and the pagers made, Dropped
	// those of the terms and the pagers dropped; Pages is then the
	// model's pages with them, in Index's order (nil when no page was
	// made or dropped).
	Made, Dropped []*Page
	Pages         []*Page
	// Translated are the pages whose .Translations and .AllTranslations
	// changed: the term pages of other languages that a page made or
	// dropped translates.
	Translated []*Page
}

// termsChange is how a page's terms of one taxonomy change: the terms
// it leaves and joins, and each touched term's spellings after.
type termsChange struct {
	tax           *Taxonomy
	left, joined  []*Term // of the terms that stay
	made, dropped []*Term // made: not yet in tax, by slug
	spellings     map[*Term]map[string]int
}

// Retags reports whether src, a parse of the file of regular page p such
// that Patchable, lists other tags or skills than p.
func Retags(p *Page, src *content.Page) bool {
	return !src.IsIndex && (!slices.Equal(p.Tags, src.Tags) || !slices.Equal(p.Skills, src.Skills))
}

// CanRetag reports whether Retag can give p, a page of the model of pages
// made with cfg, the tags and skills of src (Retags): p is listed and
// stays where it is among the other pages (KeepsOrder); every value of
// src makes a term's URL; every term p leaves or joins keeps its name and
// the number of its pagers; every taxonomy keeps a term; and the page of
// a term made is written to a file that no page has and that taken, the
// other outputs' files, does not hold.
func CanRetag(cfg *config.Config, pages []*Page, p *Page, src *content.Page, taken func(output string) bool) bool {
	if p.hiddenFrom(content.HiddenFromLists) || !KeepsOrder(pages, p, src) {
		return false
	}
	changes, ok := termsChanges(cfg, p, src.Tags, src.Skills)
	if !ok {
		return false
	}
	for _, c := range changes {
		for _, term := range c.made {
			if out := OutputName(termSitePath(c.tax, term)); taken(out) || slices.ContainsFunc(pages, func(q *Page) bool { return q.out == out }) {
				return false
			}
		}
	}
	return true
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
		made := map[string]*Term{}
		termOf := func(v string) *Term {
			if term := t.find(v); term != nil {
				return term
			}
			slug := TermSlug(v)
			if made[slug] == nil {
				made[slug] = &Term{Slug: slug, Taxonomy: t}
			}
			return made[slug]
		}
		for _, v := range cur {
			if TermSlug(v) == "" {
				return nil, false // the value makes no URL: the build reports it
			}
		}
		spell := func(term *Term) map[string]int {
			if c.spellings[term] == nil {
				c.spellings[term] = maps.Clone(term.spellings)
				if c.spellings[term] == nil {
					c.spellings[term] = map[string]int{}
				}
			}
			return c.spellings[term]
		}
		for _, v := range old {
			if term := t.find(v); term != nil {
				if s := spell(term); s[v] > 1 {
					s[v]--
				} else {
					delete(s, v)
				}
			}
		}
		for _, v := range cur {
			spell(termOf(v))[v]++
		}
		for term, s := range c.spellings {
			switch {
			case made[term.Slug] == term:
				term.Name = mostCommon(s)
			case len(s) == 0:
				c.dropped = append(c.dropped, term)
			case mostCommon(s) != term.Name:
				return nil, false // a term is named anew
			}
		}
		for _, slug := range slices.Sorted(maps.Keys(made)) {
			c.made = append(c.made, made[slug])
		}
		if len(t.Terms)+len(c.made) == len(c.dropped) {
			return nil, false // the taxonomy loses its last term, and its page
		}
		before, after := termSet(t, old), termSet(t, cur)
		for _, term := range t.Terms {
			switch {
			case slices.Contains(c.dropped, term):
				if len(term.Page.Paginator.pagers) != 1 {
					return nil, false // its pagers after the first would go too
				}
				continue
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
			if pagers := len(cut(make([]*Page, n), pg.config, pg.paged)); pagers != len(pg.pagers) && min(pagers, len(pg.pagers)) == 1 {
				return nil, false // the redirect from its /page/1/ is made or dropped
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
		if term := t.find(v); term != nil {
			set[term] = true
		}
	}
	return set
}

// Retag gives p, a regular page of the model of pages made with cfg and
// links, the tags and skills src lists, such that CanRetag(cfg, pages, …):
// p leaves and joins terms, terms are made and dropped with their pages,
// and the pages that share a changed term with it are related again.
func Retag(cfg *config.Config, links *Linker, pages []*Page, p *Page, src *content.Page) Retagged {
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
			r.setPages(term, slices.DeleteFunc(slices.Clone(term.Pages), func(q *Page) bool { return q == p }), links)
		}
		for _, term := range c.joined {
			list := slices.Clone(term.Pages)
			at, _ := slices.BinarySearchFunc(list, p, byDate)
			r.setPages(term, slices.Insert(list, at, p), links)
		}
		// The term pages of a taxonomy share their template, and with it
		// whether their lists are cut into pagers.
		sibling := c.tax.Terms[0].Page.Paginator
		r.dropTerms(c.tax, c.dropped)
		r.makeTerms(c.tax, c.made, p, links, sibling)
		if len(c.left)+len(c.joined)+len(c.made)+len(c.dropped) > 0 {
			r.Taxonomies = append(r.Taxonomies, c.tax.Page)
		}
		if len(c.made)+len(c.dropped) > 0 {
			r.Termed = append(r.Termed, c.tax.Page)
		}
		if slices.ContainsFunc(slices.Concat(c.made, c.dropped), func(term *Term) bool { return c.tax.lookups.has(term.Slug) }) {
			r.LookedUp = append(r.LookedUp, c.tax.Page)
		}
	}
	if len(r.Made)+len(r.Dropped) > 0 {
		r.Pages = pagesAgain(pages, r.Dropped, r.Made)
		r.translateAgain(r.Pages)
	}
	r.relateAgain(p, oldKeys)
	return r
}

// setPages gives term the pages list, to its page and pagers too: a
// pager more is made after the last (with links), or the last dropped,
// when list needs it.
func (r *Retagged) setPages(term *Term, list []*Page, links *Linker) {
	term.Pages, term.Count = list, len(list)
	pg := term.Page.Paginator
	pagers := pg.pagers
	switch n := len(cut(list, pg.config, pg.paged)); {
	case n > len(pagers):
		pagers = append(slices.Clone(pagers), pagerCopy(term.Page, n, links))
		r.Made = append(r.Made, pagers[n-1])
	case n < len(pagers):
		r.Dropped = append(r.Dropped, pagers[n])
		pagers = slices.Clone(pagers[:n])
	}
	setPagers(pagers, list, pg.config, pg.paged)
	r.Terms = append(r.Terms, term.Page)
	r.Pagers = append(r.Pagers, pagers...)
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
