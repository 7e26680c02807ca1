package generate

import (
	"cmp"
	"errors"
	"net/url"
	"strings"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/socialcard"
)

// This file says which pages get a social card, where it is published and
// what it shows; internal/socialcard draws it, and the pipeline draws each
// card when it is written and keeps its PNG in the persistent cache by
// socialcard.Card.Key.
//
// Which pages: every page the build writes but the 404 page and the pages
// with an image: of their own (.Image). The pagers after the first of a
// list show the first's card: they have its title.
//
// Where: /cards/<the page's path>.png ("/jobs/back-end-developer/" →
// "/cards/jobs/back-end-developer.png", the home page "/cards/index.png"),
// in a folder of their own rather than beside each page, so that no card
// can take the name of a file a page bundle publishes beside its page,
// and a host can give the folder its own caching rules. The name is not
// fingerprinted: a link shared before an edit keeps a picture, and the
// sites that show it fetch it again when asked to.
//
// What: the site's name, the page's kind (cardKind), its title, and for a
// job description or a role guide its salary as the lists write it (the
// theme's money.html, i18n's MoneyRange), in site.yaml's social_cards
// colours. The kind and the salary are written in the page's language,
// from the site's strings (internal/i18n): "Job description" and
// "$79,850–$211,450 a year" on an English page, "Stellenbeschreibung" and
// "4.144 €–6.150 € im Monat" on a German one.
//
// A title too long for the card at its smallest size is an error at the
// title (CardError), found while planning (socialcard.Card.Layout), so
// that a build fails before it writes anything; the fix is a shorter
// title, or an image:.

// A Card is the social card of a page, to publish.
type Card struct {
	Page *model.Page
	Name string // the output file: "cards/jobs/back-end-developer.png"
	Card socialcard.Card
}

// Cards gives every page of pages that needs a social card its
// .SocialCard, the pagers after the first of a list the first's, and
// returns the cards to publish, in the order of pages. A card's words
// are in its page's language, from strs.
func Cards(pages []*model.Page, colors socialcard.Colors, links *model.Linker, strs *i18n.Catalog) []Card {
	var (
		cards []Card
		first = map[string]*model.Image{} // by the list's URL
	)
	for _, p := range pages {
		if !NeedsCard(p) {
			continue
		}
		c := PageCard(p, colors, links, strs)
		first[p.URL] = p.SocialCard
		cards = append(cards, c)
	}
	for _, p := range pages {
		if p.Image == nil && p.Paginator != nil && p.Paginator.PageNumber() > 1 {
			p.SocialCard = first[p.Paginator.First()]
		}
	}
	return cards
}

// NeedsCard reports whether page p has a card of its own: it has no
// image:, and is neither the 404 page nor a pager after the first.
func NeedsCard(p *model.Page) bool {
	return p.Image == nil && p.Kind != model.KindNotFound && (p.Paginator == nil || p.Paginator.PageNumber() == 1)
}

// PageCard gives page p, one that NeedsCard, its .SocialCard, and returns the card to publish: what
// Cards does for each such page, and the pipeline for a page it patches.
func PageCard(p *model.Page, colors socialcard.Colors, links *model.Linker, strs *i18n.Catalog) Card {
	c := cardOf(p, colors, stringsOf(strs, p))
	name := cardPath(p)
	u := (&url.URL{Path: name}).EscapedPath() // "/cards/skills/caf%C3%A9.png", as a page's URL is
	p.SocialCard = &model.Image{URL: links.Rel(u), Permalink: links.Abs(u),
		Width: socialcard.Width, Height: socialcard.Height, Alt: c.Title}
	return Card{Page: p, Name: strings.TrimPrefix(name, "/"), Card: c}
}

// stringsOf returns the strings of p's language.
func stringsOf(c *i18n.Catalog, p *model.Page) *i18n.Strings {
	if p.Language != nil {
		return c.For(p.Language.Code)
	}
	return c.For("")
}

// CardError is err, the failure to lay out c (socialcard.Card.Layout), at
// the title in the file of c's page (src, its source; nil when it has
// none): a title too long for the card says how to fix it.
func CardError(c Card, src *content.Page, locate content.Locator, err error) error {
	at := model.Where(c.Page)
	if src != nil && src.Title != "" {
		at = locate(src, "title", src.Title)
	}
	if errors.Is(err, socialcard.ErrTitleTooLong) {
		return at.Errorf("title: too long for the page's social card (%d lines at most at %d pixels); shorten it, or give the page an image:",
			socialcard.MaxTitleLines, socialcard.MinTitleSize)
	}
	return at.Wrap("social card: ", err)
}

// cardKind is the label of p on its card: the words the page's own
// eyebrow shows (layouts/partials/type-label.html) for a regular page,
// in the page's language.
// The words are the strings type_KIND of the site's i18n files, or
// careersite's English ones for a theme without them.
func cardKind(p *model.Page, s *i18n.Strings) string {
	switch p.Kind {
	case model.KindPage:
		switch p.Type {
		case "job":
			return s.Or("type_job", "Job description")
		case "role":
			return s.Or("type_role", "Role guide")
		case "certification":
			return s.Or("type_certification", "Certification review")
		}
		return s.Or("type_article", "Guide")
	case model.KindSection:
		return s.Or("type_section", "Section")
	}
	if p.Term != nil && p.Taxonomy != nil {
		return p.Taxonomy.Title
	}
	return ""
}

// cardOf is the card of p, its words those of s.
func cardOf(p *model.Page, colors socialcard.Colors, s *i18n.Strings) socialcard.Card {
	c := socialcard.Card{Site: p.Site.Title, Kind: cardKind(p, s), Title: cmp.Or(p.Title, p.Site.Title), Colors: colors}
	switch {
	case p.Job != nil:
		c.Salary = p.Job.Salary.RangeIn(s)
	case p.Role != nil:
		c.Salary = p.Role.Salary.RangeIn(s)
	}
	return c
}

// cardPath is the site path of p's card.
func cardPath(p *model.Page) string {
	sp := strings.Trim(model.SitePath(p), "/")
	if sp == "" {
		sp = "index"
	}
	return "/cards/" + sp + ".png"
}
