// Package cardfiles makes the social cards of a site's pages output
// files (generate.File): which pages get one, where and what it shows
// (generate.Cards, generate.PageCard), every title checked to fit before
// the build commits, and the PNG drawn (internal/socialcard) only when the
// file is written, on every core with the other outputs, and only when
// its key changed. The PNGs are kept in the persistent cache by their
// keys (socialcard.Cache), so that a warm build draws none, and a card
// whose PNG is there, or that was checked already, is not laid out again
// to find a title too long for it.
package cardfiles

import (
	"sync/atomic"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
	"github.com/careersite/careersite/internal/socialcard"
)

// Maker makes the cards of one site. A nil Maker makes none.
type Maker struct {
	colors  socialcard.Colors
	links   *model.Linker
	strings *i18n.Catalog
	cache   *socialcard.Cache
	drawn   *atomic.Int64
}

// New returns the Maker of the cards of a site made with cfg, links and
// strings (the cards' words), which draws into cache and counts in drawn
// the cards it draws rather than takes from the persistent cache; nil
// when the site has no cards (social_cards: {enabled: false}) or no
// strings, which fails the build already.
func New(cfg *config.Config, links *model.Linker, strings *i18n.Catalog, cache *socialcard.Cache, drawn *atomic.Int64) *Maker {
	if !cfg.SocialCards.Enabled || strings == nil {
		return nil
	}
	return &Maker{colors: cfg.SocialCards.Colors(), links: links, strings: strings, cache: cache, drawn: drawn}
}

// Files gives every page of pages that needs a card its SocialCard, and
// returns the cards' files, and the titles too long for a card, at the
// title in the page's file (sources by path).
func (m *Maker) Files(pages []*model.Page, sources map[string]*content.Page, locate content.Locator) ([]generate.File, []error) {
	if m == nil {
		return nil, nil
	}
	cards := generate.Cards(pages, m.colors, m.links, m.strings)
	files := make([]generate.File, len(cards))
	errs := make([]error, len(cards))
	parallel.For(len(cards), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			files[i] = m.File(cards[i])
			errs[i] = m.cache.Check(cards[i].Card)
		}
	})
	var out []error
	for i, err := range errs {
		if err != nil {
			out = append(out, generate.CardError(cards[i], sources[cards[i].Page.File], locate, err))
		}
	}
	return files, out
}

// Of returns the card of page p, a page patched or to be patched, and
// whether it has one (Files): it sets the page's SocialCard.
func (m *Maker) Of(p *model.Page) (generate.Card, bool) {
	if m == nil || !generate.NeedsCard(p) {
		return generate.Card{}, false
	}
	return generate.PageCard(p, m.colors, m.links, m.strings), true
}

// Check returns an error when the title of c does not fit on it.
func (m *Maker) Check(c generate.Card) error {
	return m.cache.Check(c.Card)
}

// File is the file of card c.
func (m *Maker) File(c generate.Card) generate.File {
	key := c.Card.Key()
	return generate.File{Name: c.Name, Owner: "the social card of " + model.Describe(c.Page),
		At:     func() diag.Place { return model.Where(c.Page) },
		Make:   func() ([]byte, error) { return m.draw(c.Card, key) },
		Opaque: true, // Files finds the titles that do not fit; check draws no PNG
		Digest: func(h *deps.Hasher, _ *deps.Keyer) { h.Str("social card").Str(key) }}
}

// draw returns the PNG of c, whose Key is key (socialcard.Cache),
// counting the cards drawn rather than taken from the persistent cache.
func (m *Maker) draw(c socialcard.Card, key string) ([]byte, error) {
	data, drawn, err := m.cache.PNG(c, key)
	if drawn {
		m.drawn.Add(1)
	}
	return data, err
}
