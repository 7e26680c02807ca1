package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/socialcard"
	"github.com/careersite/careersite/internal/testsite"
)

// TestSocialCardBytes checks that a published card is socialcard.Render
// of the page's site name, kind, title and salary, in site.yaml's colours.
func TestSocialCardBytes(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	writeFile(t, filepath.Join(src, "site.yaml"), []byte("title: Career Atlas\nbase_url: https://example.org/\nsocial_cards:\n  accent: \"#8a2be2\"\n"))
	writeFile(t, filepath.Join(src, "content/jobs/dev.md"), []byte(`---
title: Back-end developer
date: 2026-01-02
salary: {min: 79850, max: 211450, currency: USD, period: year, as_of: 2026-01-01}
---
Writes servers.
`))
	opts := Options{Source: src, Dest: filepath.Join(dir, "public"), Now: testNow, Theme: careersite.Theme()}
	buildOnce(t, opts)
	got, err := os.ReadFile(filepath.Join(opts.Dest, "cards", "jobs", "dev.png"))
	if err != nil {
		t.Fatal(err)
	}
	colors := socialcard.DefaultColors()
	colors.Accent, _ = socialcard.ParseHex("#8a2be2")
	want, err := socialcard.Card{Site: "Career Atlas", Kind: "Job description", Title: "Back-end developer",
		Salary: "$79,850–$211,450 a year", Colors: colors}.Render()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("cards/jobs/dev.png is not socialcard.Render of the page's card")
	}
	page, err := os.ReadFile(filepath.Join(opts.Dest, "jobs", "dev", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<meta property="og:image" content="https://example.org/cards/jobs/dev.png">`,
		`<meta property="og:image:width" content="1200">`,
		`<meta property="og:image:alt" content="Back-end developer">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`"image":"https://example.org/cards/jobs/dev.png"`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("jobs/dev/index.html has no %s", want)
		}
	}
}

// cardFiles counts the social cards of an output folder.
func cardFiles(t *testing.T, dest string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(filepath.Join(dest, "cards"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".png") {
			n++
		}
		return err
	})
	return n
}

// TestSocialCardCache builds a site with a persistent cache, which keeps
// the cards in a store, then again into an empty destination, as another
// process would: the second build writes every card and draws none.
func TestSocialCardCache(t *testing.T) {
	opts := cachedSite(t, 24)
	cold := buildOnceWith(t, opts)
	n := cardFiles(t, opts.Dest)
	if n == 0 {
		t.Fatal("the build wrote no social cards")
	}
	if got := cold.stats.cardsDrawn.Load(); got != int64(n) {
		t.Errorf("a cold build drew %d cards, want %d", got, n)
	}
	// The PNGs are records of a cache.Store, not a file each.
	var files []string
	filepath.WalkDir(filepath.Join(opts.CacheDir, socialcard.CacheKind), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, filepath.Base(p))
		}
		return err
	})
	for _, f := range files {
		if !strings.HasSuffix(f, ".shelf") {
			t.Errorf("the cache holds %s among its %d files of cards, want only the shards of a store", f, len(files))
			break
		}
	}
	opts.Dest = filepath.Join(t.TempDir(), "public")
	warm := buildOnceWith(t, opts)
	if got := warm.stats.cardsDrawn.Load(); got != 0 {
		t.Errorf("a build with the cards in the cache drew %d, want 0", got)
	}
	if got := cardFiles(t, opts.Dest); got != n {
		t.Errorf("the warm build wrote %d cards, want %d", got, n)
	}
}

// countingCards returns a site of 12 pages and a Builder of it without a
// persistent cache, so that every card it needs is drawn and counted.
func countingCards(t *testing.T) (Options, *Builder) {
	t.Helper()
	opts := cachedSite(t, 12)
	opts.CacheDir = ""
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return opts, b
}

// TestSocialCardIncremental checks that a Builder draws a page's card
// again only when what the card shows changed: not after an edit of the
// body, once after an edit of the title.
func TestSocialCardIncremental(t *testing.T) {
	opts, b := countingCards(t)
	ctx := context.Background()
	if _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	drawn := b.stats.cardsDrawn.Load()
	rel := testsite.Path(3)
	file := filepath.Join(opts.Source, filepath.FromSlash(rel))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, append(data, "\nOne more sentence.\n"...), 0o644)
	if _, err := b.Build(ctx, []string{rel}); err != nil {
		t.Fatal(err)
	}
	if got := b.stats.cardsDrawn.Load() - drawn; got != 0 {
		t.Errorf("after an edit of a body the Builder drew %d cards, want 0", got)
	}
	drawn = b.stats.cardsDrawn.Load()
	data, _ = os.ReadFile(file)
	retitled := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(data, []byte("title: A new title"))
	if bytes.Equal(retitled, data) {
		t.Fatalf("%s has no title line", rel)
	}
	os.WriteFile(file, retitled, 0o644)
	if _, err := b.Build(ctx, []string{rel}); err != nil {
		t.Fatal(err)
	}
	if got := b.stats.cardsDrawn.Load() - drawn; got != 1 {
		t.Errorf("after an edit of a title the Builder drew %d cards, want 1", got)
	}
}

// TestCheckDrawsNoCards checks that a check, which keeps no output, lays
// the cards out (a title too long is its error) but draws no PNG, and
// that a build by the same Builder afterwards draws and writes them all.
func TestCheckDrawsNoCards(t *testing.T) {
	opts, b := countingCards(t)
	ctx := context.Background()
	if _, err := b.Check(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := b.stats.cardsDrawn.Load(); got != 0 {
		t.Errorf("a check drew %d social cards, want 0", got)
	}
	if _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	n := cardFiles(t, opts.Dest)
	if n == 0 {
		t.Fatal("the build after the check wrote no social cards")
	}
	if got := b.stats.cardsDrawn.Load(); got != int64(n) {
		t.Errorf("the build after a check drew %d cards, want %d", got, n)
	}
}
