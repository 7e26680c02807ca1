package site

import (
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
	"github.com/careersite/careersite/internal/socialcard"
)

// This file publishes the social cards of pages (generate.Cards: which
// pages, where, what), unless site.yaml says social_cards: {enabled:
// false}. A card is a generated file whose digest is its Key, so it is
// drawn only when it is written, on every core with the other outputs,
// and only when its key changed; its PNG is kept in the persistent cache
// by that key (socialcard.Cache), so that a warm build draws none. A card
// whose PNG is in the persistent cache, or was checked by this Builder,
// is not laid out again to find a title too long for it.

// socialCards gives every page of pages that needs a card its
// SocialCard, and returns the cards' files, and the titles too long for a
// card, at the title in the page's file (sources by path).
func (b *Builder) socialCards(pages []*model.Page, sources map[string]*content.Page, locate content.Locator) ([]generate.File, []error) {
	if !b.cfg.SocialCards.Enabled || b.strings == nil {
		return nil, nil // without strings the build has failed already (readStrings)
	}
	cards := generate.Cards(pages, b.cfg.SocialCards.Colors(), b.links, b.strings)
	files := make([]generate.File, len(cards))
	for i, c := range cards {
		files[i] = b.cardFile(c)
	}
	return files, b.checkCards(cards, sources, locate)
}

// cardFile is the file of card c.
func (b *Builder) cardFile(c generate.Card) generate.File {
	key := c.Card.Key()
	return generate.File{Name: c.Name, Owner: "the social card of " + model.Describe(c.Page),
		At:     func() diag.Place { return model.Where(c.Page) },
		Make:   func() ([]byte, error) { return b.drawCard(c.Card, key) },
		Opaque: true, // checkCards finds the titles that do not fit; check draws no PNG
		Digest: func(h *deps.Hasher, _ *deps.Keyer) { h.Str("social card").Str(key) }}
}

// cardOf returns the card of page p, a page patched or to be patched,
// and whether it has one (socialCards): it sets the page's SocialCard.
func (b *Builder) cardOf(p *model.Page) (generate.Card, bool) {
	if !b.cfg.SocialCards.Enabled || b.strings == nil || !generate.NeedsCard(p) {
		return generate.Card{}, false
	}
	return generate.PageCard(p, b.cfg.SocialCards.Colors(), b.links, b.strings), true
}

// checkCards lays out the cards not known to fit, in parallel, and
// returns an error at the title of each that does not fit.
func (b *Builder) checkCards(cards []generate.Card, sources map[string]*content.Page, locate content.Locator) []error {
	errs := make([]error, len(cards))
	parallel.For(len(cards), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			errs[i] = b.cards.Check(cards[i].Card)
		}
	})
	var out []error
	for i, err := range errs {
		if err != nil {
			out = append(out, generate.CardError(cards[i], sources[cards[i].Page.File], locate, err))
		}
	}
	return out
}

// drawCard returns the PNG of c, whose Key is key (socialcard.Cache),
// counting the cards drawn rather than taken from the persistent cache.
func (b *Builder) drawCard(c socialcard.Card, key string) ([]byte, error) {
	data, drawn, err := b.cards.PNG(c, key)
	if drawn {
		b.stats.cardsDrawn.Add(1)
	}
	return data, err
}
