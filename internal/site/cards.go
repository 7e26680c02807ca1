package site

import (
	"cmp"
	"encoding/hex"
	"errors"
	"net/url"
	"strings"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
	"github.com/careersite/careersite/internal/socialcard"
)

// This file gives every page without image: a social card: a 1200×630 PNG
// drawn by internal/socialcard, published as a generated file and given to
// templates as .SocialCard, its og:image.
//
// Which pages: every page the build writes but the 404 page, unless
// site.yaml says social_cards: {enabled: false}. The pagers after the
// first of a list show the first's card: they have its title.
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
// job description or a role guide its salary as the salary card writes it
// (career.Salary.Range), in site.yaml's social_cards colours.
//
// A title too long for the card at its smallest size is an error at the
// title, found while planning (Card.Layout), so that a build fails before
// it writes anything; the fix is a shorter title, or an image:. A card
// whose PNG is in the persistent cache, or was checked by this Builder,
// is not laid out again.
//
// When: a card is a generated file whose digest is Card.Key, so it is
// drawn only when it is written, on every core with the other outputs,
// and only when its key changed; its PNG is kept in the persistent cache
// by that key, so that a warm build draws none.

// cardsKind is the persistent cache's kind of card PNGs.
const cardsKind = "socialcard"

// cardKind is the label of p on its card: the words the page's own
// eyebrow shows (layouts/partials/type-label.html) for a regular page.
func cardKind(p *model.Page) string {
	switch p.Kind {
	case model.KindPage:
		switch p.Type {
		case "job":
			return "Job description"
		case "role":
			return "Role guide"
		case "certification":
			return "Certification review"
		}
		return "Guide"
	case model.KindSection:
		return "Section"
	}
	if p.Term != nil && p.Taxonomy != nil {
		return p.Taxonomy.Title
	}
	return ""
}

// cardOf is the card of p.
func cardOf(p *model.Page, colors socialcard.Colors) socialcard.Card {
	c := socialcard.Card{Site: p.Site.Title, Kind: cardKind(p), Title: cmp.Or(p.Title, p.Site.Title), Colors: colors}
	switch {
	case p.Job != nil:
		c.Salary = p.Job.Salary.Range()
	case p.Role != nil:
		c.Salary = p.Role.Salary.Range()
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

// cardCacheKey turns Card.Key's hex into a cache key.
func cardCacheKey(key string) cache.Key {
	var k cache.Key
	hex.Decode(k[:], []byte(key))
	return k
}

// socialCards gives every page of pages that needs a card its
// SocialCard, and returns the cards' files, and the titles too long for a
// card, at the title in the page's file (sources by path).
func (b *Builder) socialCards(pages []*model.Page, sources map[string]*content.Page, locate content.Locator) ([]generated, []error) {
	if !b.cfg.SocialCards.Enabled {
		return nil, nil
	}
	colors := b.cfg.SocialCards.Colors()
	var (
		files []generated
		cards []socialcard.Card
		owned []*model.Page
		first = map[string]*model.Image{} // by the list's URL
	)
	for _, p := range pages {
		if p.Image != nil || p.Kind == model.KindNotFound || (p.Paginator != nil && p.Paginator.PageNumber() > 1) {
			continue
		}
		c := cardOf(p, colors)
		name := cardPath(p)
		u := (&url.URL{Path: name}).EscapedPath() // "/cards/skills/caf%C3%A9.png", as a page's URL is
		p.SocialCard = &model.Image{URL: b.links.Rel(u), Permalink: b.links.Abs(u),
			Width: socialcard.Width, Height: socialcard.Height, Alt: c.Title}
		first[p.URL] = p.SocialCard
		key := c.Key()
		files = append(files, generated{name: strings.TrimPrefix(name, "/"), owner: "the social card of " + model.Describe(p),
			at:     func() diag.Place { return model.Where(p) },
			make:   func() ([]byte, error) { return b.drawCard(c, key) },
			digest: func(h *deps.Hasher, _ *deps.Keyer) { h.Str("social card").Str(key) }})
		cards, owned = append(cards, c), append(owned, p)
	}
	for _, p := range pages {
		if p.Image == nil && p.Paginator != nil && p.Paginator.PageNumber() > 1 {
			p.SocialCard = first[p.Paginator.First()]
		}
	}
	return files, b.checkCards(cards, owned, sources, locate)
}

// checkCards lays out the cards not known to fit, in parallel, and
// returns an error at the title of each that does not fit.
func (b *Builder) checkCards(cards []socialcard.Card, pages []*model.Page, sources map[string]*content.Page, locate content.Locator) []error {
	errs := make([]error, len(cards))
	parallel.For(len(cards), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			errs[i] = b.checkCard(cards[i])
		}
	})
	var out []error
	for i, err := range errs {
		if err == nil {
			continue
		}
		p := pages[i]
		at := model.Where(p)
		if src := sources[p.File]; src != nil && src.Title != "" {
			at = locate(src, "title", src.Title)
		}
		if errors.Is(err, socialcard.ErrTitleTooLong) {
			out = append(out, at.Errorf("title: too long for the page's social card (%d lines at most at %d pixels); shorten it, or give the page an image:",
				socialcard.MaxTitleLines, socialcard.MinTitleSize))
		} else {
			out = append(out, at.Wrap("social card: ", err))
		}
	}
	return out
}

// checkCard returns Card.Layout's error for c, unless c is known to fit:
// checked before by this Builder, or its PNG in the persistent cache.
func (b *Builder) checkCard(c socialcard.Card) error {
	key := c.Key()
	if _, ok := b.cardsFit.Load(key); ok {
		return nil
	}
	if b.cache != nil && b.cache.Has(cardsKind, cardCacheKey(key)) {
		b.cardsFit.Store(key, true)
		return nil
	}
	if _, err := c.Layout(); err != nil {
		return err
	}
	b.cardsFit.Store(key, true)
	return nil
}

// drawCard returns the PNG of c, whose Key is key: from the persistent
// cache, else drawn and put there.
func (b *Builder) drawCard(c socialcard.Card, key string) ([]byte, error) {
	ck := cardCacheKey(key)
	if b.cache != nil {
		if data, ok := b.cache.Get(cardsKind, ck); ok {
			return data, nil
		}
	}
	b.stats.cardsDrawn.Add(1)
	data, err := c.Render()
	if err != nil {
		return nil, err
	}
	if b.cache != nil {
		b.cache.Put(cardsKind, ck, data)
	}
	return data, nil
}
