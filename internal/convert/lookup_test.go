package convert

import (
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/model"
)

// The lookup's pages are made when a shortcode first asks for one, not
// with the lookup: a site whose shortcodes never call GetPage holds none.
// Its digest does not wait for them.
func TestPageLookupIndexesOnFirstGet(t *testing.T) {
	links, err := model.NewLinker("https://example.org/docs/")
	if err != nil {
		t.Fatal(err)
	}
	srcs := []Source{
		{Path: "content/guides/b.md", Page: &content.Page{Path: "content/guides/b.md", URL: "/guides/b/", FrontMatter: content.FrontMatter{Title: "B"}}},
		{Path: "content/guides/a.md", Page: &content.Page{Path: "content/guides/a.md", URL: "/guides/a/", FrontMatter: content.FrontMatter{Title: "A"}}},
	}
	pl := newPageLookup(srcs, links, time.Time{})
	if pl.byKey != nil {
		t.Fatal("newPageLookup made the pages; want them made on the first get")
	}
	if pl.digest() != newPageLookup(srcs, links, time.Time{}).digest() {
		t.Error("two lookups of the same pages have different digests")
	}
	p, err := pl.get("/guides/a/")
	if err != nil || p.Title != "A" || p.URL != "/docs/guides/a/" || p.Permalink != "https://example.org/docs/guides/a/" {
		t.Fatalf(`get("/guides/a/") = %+v, %v; want page A at /docs/guides/a/`, p, err)
	}
	if p, err := pl.get("guides/b.md"); err != nil || p.Title != "B" {
		t.Errorf(`get("guides/b.md") = %+v, %v; want page B`, p, err)
	}
	if _, err := pl.get("guides/c.md"); err == nil || !strings.Contains(err.Error(), `no page "guides/c.md"`) {
		t.Errorf(`get("guides/c.md") = %v; want "no page" with a did-you-mean`, err)
	}
}

// A page replaced at another URL is found at its new URL, not at its old
// one, which a did-you-mean no longer offers, and by its file; the
// lookup's digest changes. A URL another page has is refused.
func TestPageLookupReplaceMoves(t *testing.T) {
	links, err := model.NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	page := func(path, url, title string) Source {
		return Source{Path: path, Page: &content.Page{Path: path, URL: url, FrontMatter: content.FrontMatter{Title: title}}}
	}
	srcs := []Source{page("content/guides/a.md", "/guides/a/", "A"), page("content/guides/b.md", "/guides/b/", "B")}
	pl := newPageLookup(srcs, links, time.Time{})
	if _, err := pl.get("/guides/a/"); err != nil { // the pages are made
		t.Fatal(err)
	}
	before := pl.digest()
	if pl.replace(page("content/guides/a.md", "/guides/b/", "A")) {
		t.Error("a page replaced at the URL of another")
	}
	if !pl.replace(page("content/guides/a.md", "/guides/moved/", "A")) {
		t.Fatal("a page replaced at a free URL is refused")
	}
	if pl.digest() == before {
		t.Error("the digest did not change")
	}
	if p, err := pl.get("/guides/moved/"); err != nil || p.URL != "/guides/moved/" {
		t.Errorf(`get("/guides/moved/") = %+v, %v`, p, err)
	}
	if p, err := pl.get("guides/a.md"); err != nil || p.URL != "/guides/moved/" {
		t.Errorf(`get("guides/a.md") = %+v, %v`, p, err)
	}
	if _, err := pl.get("/guides/a/"); err == nil || strings.Contains(err.Error(), `"/guides/a/"?`) {
		t.Errorf(`get("/guides/a/") = %v; want no page, not offered`, err)
	}
	if _, err := pl.get("/guides/mov/"); err == nil || !strings.Contains(err.Error(), "/guides/moved/") {
		t.Errorf(`get("/guides/mov/") = %v; want a did-you-mean of /guides/moved/`, err)
	}
}
