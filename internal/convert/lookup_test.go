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
