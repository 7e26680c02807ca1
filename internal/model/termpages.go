package model

import (
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/config"
)

// This file makes and drops the terms of a taxonomy, with their term
// pages, for Retag: a term made has the page Index would give it (one
// pager, as its one page needs), among the model's pages where Index
// would put it, after the term before it by slug.

// makeTerms puts the terms made, each of page p alone, in the taxonomy
// t, with their pages, cut into pagers as the list of sibling, the
// Paginator of a term page of t, is.
func (r *Retagged) makeTerms(t *Taxonomy, made []*Term, p *Page, links *Linker, sibling *Paginator) {
	for _, term := range made {
		term.Pages, term.Count = []*Page{p}, 1
		at, _ := slices.BinarySearchFunc(t.Terms, term.Slug, func(u *Term, slug string) int { return strings.Compare(u.Slug, slug) })
		t.Terms = slices.Insert(slices.Clone(t.Terms), at, term)
		t.bySlug[term.Slug] = term
		term.Page = termPage(t, term, links)
		setPagers([]*Page{term.Page}, term.Pages, sibling.config, sibling.paged)
		r.Made = append(r.Made, term.Page)
	}
}

// termPage is the page of term, a term of t, as index and paginate make
// it, but for its Paginator.
func termPage(t *Taxonomy, term *Term, links *Linker) *Page {
	sitePath := termSitePath(t, term)
	tp := &Page{
		Site: t.Page.Site, Kind: KindTerm, Type: config.KindArticle, Title: term.Name,
		Parent: t.Page, Pages: term.Pages, Taxonomy: t, Term: term,
		Language: t.Page.Language, Feeds: slices.Clone(t.Page.Feeds),
		URL: links.Rel(sitePath), Permalink: links.Abs(sitePath),
		out: OutputName(sitePath), sitePath: sitePath,
	}
	tp.Breadcrumbs = breadcrumbs(tp)
	return tp
}

// termSitePath is the site path of the page of term, a term of t:
// "/skills/postgresql/".
func termSitePath(t *Taxonomy, term *Term) string {
	return t.Page.sitePath + term.Slug + "/"
}

// dropTerms takes the terms dropped, which no page names any more, out
// of the taxonomy t.
func (r *Retagged) dropTerms(t *Taxonomy, dropped []*Term) {
	for _, term := range dropped {
		t.Terms = slices.DeleteFunc(slices.Clone(t.Terms), func(u *Term) bool { return u == term })
		delete(t.bySlug, term.Slug)
		term.Pages, term.Count = nil, 0
		r.Dropped = append(r.Dropped, term.Page)
	}
}

// pagesAgain is pages without the pages dropped, and with the pages
// made: a term page right after the page of the term before it in its
// taxonomy, or after the taxonomy's page for its first term; a pager
// after the first right after the pager before it (never the second:
// CanRetag).
func pagesAgain(pages, dropped, made []*Page) []*Page {
	out := slices.DeleteFunc(slices.Clone(pages), func(q *Page) bool { return slices.Contains(dropped, q) })
	for _, tp := range made {
		var after *Page
		switch pg := tp.Paginator; {
		case pg.number > 1:
			after = pg.pagers[pg.number-2]
		case slices.Index(tp.Taxonomy.Terms, tp.Term) > 0:
			after = tp.Taxonomy.Terms[slices.Index(tp.Taxonomy.Terms, tp.Term)-1].Page
		default:
			after = tp.Taxonomy.Page
		}
		out = slices.Insert(out, slices.Index(out, after)+1, tp)
	}
	return out
}

// pagerCopy is pager n, after the first, of the list page p, as
// paginate copies it, with the URLs index gives it.
func pagerCopy(p *Page, n int, links *Linker) *Page {
	cp := *p
	sitePath := PagerPath(p.sitePath, n)
	cp.URL, cp.Permalink, cp.out, cp.sitePath = links.Rel(sitePath), links.Abs(sitePath), OutputName(sitePath), sitePath
	cp.links, cp.Feeds = nil, slices.Clone(p.Feeds)
	cp.Translations, cp.AllTranslations, cp.SocialCard = nil, nil, nil // linkTranslations and the cards leave the copies out
	return &cp
}

// translateAgain gives the term pages made, and the term pages of other
// languages that a page made or dropped translates, the translations
// linkTranslations would give them among pages: a term page's
// translations are the pages of its term (by slug) in the other
// languages' taxonomy of its name.
func (r *Retagged) translateAgain(pages []*Page) {
	for _, tp := range slices.Concat(r.Made, r.Dropped) {
		if tp.Kind != KindTerm || tp.Paginator.number > 1 {
			continue // a pager after the first has no translations
		}
		others := slices.DeleteFunc(translationsOf(pages, tp), func(q *Page) bool { return slices.Contains(r.Dropped, q) })
		r.Translated = append(r.Translated, others...)
		group := others
		if slices.Contains(r.Made, tp) {
			group = append(slices.Clone(others), tp)
		}
		langs := tp.Site.Languages
		slices.SortFunc(group, func(a, b *Page) int { return slices.Index(langs, a.Language) - slices.Index(langs, b.Language) })
		for _, q := range group {
			q.AllTranslations, q.Translations = nil, nil
			if len(group) > 1 {
				q.AllTranslations = group
				q.Translations = slices.DeleteFunc(slices.Clone(group), func(o *Page) bool { return o == q })
			}
		}
	}
}

// translationsOf is the first pagers of the pages of tp's term in the
// other languages among pages.
func translationsOf(pages []*Page, tp *Page) []*Page {
	var out []*Page
	for _, q := range pages {
		if q.Kind == KindTerm && q.Site != tp.Site && q.Paginator.number == 1 && q.Taxonomy.Name == tp.Taxonomy.Name && q.Term.Slug == tp.Term.Slug {
			out = append(out, q)
		}
	}
	return out
}
