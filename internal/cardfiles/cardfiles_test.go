package cardfiles

import (
	"bytes"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/socialcard"
)

type noWords struct{}

func (noWords) Or(_, fallback string) string { return fallback }

// site makes the model of pages with the titles given, at
// content/guides/N.md, and the Maker of its cards.
func site(t *testing.T, cfg *config.Config, drawn *atomic.Int64, titles ...string) ([]*model.Page, map[string]*content.Page, content.Locator, *Maker) {
	t.Helper()
	links, err := model.NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	var srcs []*content.Page
	bySource := map[string]*content.Page{}
	files := fstest.MapFS{}
	for i, title := range titles {
		path := "content/guides/" + string(rune('a'+i)) + ".md"
		text := []byte("---\ntitle: " + title + "\ndate: 2026-01-02\n---\nBody.\n")
		files[path] = &fstest.MapFile{Data: text}
		p, err := content.Parse(path, text, cfg)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, p)
		bySource[path] = p
	}
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	m, errs := model.Index(cfg, links, srcs, make([]model.Body, len(srcs)), func(*model.Page) bool { return true }, func(string) model.Words { return noWords{} }, now)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	strs, _, err := i18n.Load(careersite.Theme(), nil, []string{"en"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	return m.Pages, bySource, content.NewLocator(files), New(cfg, links, strs, socialcard.NewCache(nil), drawn)
}

// Files gives a card to every page that needs one, drawn only when the
// file is made, each draw counted, and reports a title too long for its
// card at the title.
func TestFiles(t *testing.T) {
	var drawn atomic.Int64
	pages, srcs, locate, mk := site(t, config.Default(), &drawn, "Short", strings.Repeat("A title far too long for any card ", 20))
	files, errs := mk.Files(pages, srcs, locate)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "content/guides/b.md:2:8") {
		t.Errorf("errors = %v, want one at content/guides/b.md:2:8", errs)
	}
	var short []byte
	for _, f := range files {
		if f.Name == "cards/guides/a.png" {
			if drawn.Load() != 0 {
				t.Fatal("a card was drawn before its file was made")
			}
			var err error
			if short, err = f.Make(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !bytes.HasPrefix(short, []byte("\x89PNG")) || drawn.Load() != 1 {
		t.Errorf("cards/guides/a.png: %d bytes, %d drawn; want a PNG, drawn once", len(short), drawn.Load())
	}
	home := pages[0]
	if c, ok := mk.Of(home); !ok || c.Name == "" {
		t.Errorf("the home page has no card: %+v", c)
	}
}

// A site whose site.yaml turns cards off has a nil Maker, which makes
// none.
func TestNoCards(t *testing.T) {
	cfg := config.Default()
	cfg.SocialCards.Enabled = false
	var drawn atomic.Int64
	pages, srcs, locate, mk := site(t, cfg, &drawn, "Short")
	if mk != nil {
		t.Fatal("a Maker for a site without cards")
	}
	if files, _ := mk.Files(pages, srcs, locate); len(files) != 0 {
		t.Errorf("%d card files, want none", len(files))
	}
	if _, ok := mk.Of(pages[0]); ok {
		t.Error("a page has a card")
	}
}
