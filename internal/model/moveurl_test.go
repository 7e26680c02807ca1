package model

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
)

// TestMoveURL: a page patched to another URL by MoveURL, its lists
// sorted again by Reorder when MoveURL says its order changed, has the
// URL, permalink, site path and output file that Index gives the patched
// file, and every list, pager, neighbour, related page and feed is what
// Index gives.
func TestMoveURL(t *testing.T) {
	cfg := config.Default()
	cfg.Taxonomies = []string{"tags", "skills"}
	cfg.PageSize, cfg.FeedLimit = 3, 4
	links, err := NewLinker("https://example.org/careers/")
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	var paths []string
	for i := range 10 {
		section := []string{"jobs", "guides"}[i%2]
		path := fmt.Sprintf("content/%s/p%02d.md", section, i)
		paths = append(paths, path)
		text[path] = fmt.Sprintf("---\ntitle: Page %02d\ndate: 2026-01-%02d\ntags: [t%d]\nskills: [s%d, s%d]\n---\nBody.\n", i, 1+i%4, i%3, i%4, i%5)
	}
	// Two pages of one section, date and title: their URLs order them.
	tieA, tieB := "content/jobs/tie-a.md", "content/jobs/tie-b.md"
	paths = append(paths, tieA, tieB)
	text[tieA] = "---\ntitle: Tie\ndate: 2026-01-02\ntags: [t1]\nskills: [s1]\n---\nBody.\n"
	text[tieB] = "---\ntitle: Tie\ndate: 2026-01-02\ntags: [t1]\nskills: [s1]\n---\nBody.\n"
	site := &patchSite{t: t, cfg: cfg, links: links, paths: paths, text: text}
	m := site.index()
	for _, edit := range []struct {
		what, path, key, value string
		keeps                  bool
	}{
		{"a slug", paths[2], "slug", "moved", true},
		{"a letter typed into it", paths[2], "slug", "moved-a", true},
		{"a url", paths[3], "url", "/elsewhere/page/", true},
		{"a url that sorts it past its tie", tieA, "url", "/zzz/", false},
		{"a url back before its tie", tieA, "url", "/jobs/a/", false},
		{"a url still before its tie", tieA, "url", "/jobs/b/", true},
	} {
		text[edit.path] = setLine(text[edit.path], edit.key, edit.value)
		src := site.parse(edit.path)
		var p *Page
		for _, q := range m.Pages {
			if q.File == edit.path {
				p = q
			}
		}
		if !Moves(p, src) || !CanMove(m.Pages, p, src, func(string) bool { return false }) {
			t.Fatalf("%s: Moves %v, CanMove %v", edit.what, Moves(p, src), CanMove(m.Pages, p, src, func(string) bool { return false }))
		}
		PatchFrontMatter(p, src, time.Now())
		if keeps := MoveURL(links, m.Pages, p, src); keeps != edit.keeps {
			t.Errorf("%s: MoveURL = %v, want %v", edit.what, keeps, edit.keeps)
		} else if !keeps {
			Reorder(m.Pages, []*Page{p})
		}
		fresh := site.index()
		after, want := shapes(m), shapes(fresh)
		for _, url := range slices.Sorted(maps.Keys(want)) {
			if after[url] != want[url] {
				t.Errorf("%s: %s is\n%s\nwant\n%s", edit.what, url, after[url], want[url])
			}
		}
		if len(after) != len(want) {
			t.Errorf("%s: %d pages and feeds, want %d", edit.what, len(after), len(want))
		}
		for _, q := range fresh.Pages {
			if q.File == edit.path && (q.URL != p.URL || q.Permalink != p.Permalink || q.sitePath != p.sitePath || q.out != p.out) {
				t.Errorf("%s: moved to %s %s %s %s, want %s %s %s %s", edit.what, p.URL, p.Permalink, p.sitePath, p.out, q.URL, q.Permalink, q.sitePath, q.out)
			}
		}
	}
}

// TestCanMove: a page moves to a URL no other page has, whose file no
// output has, when no reference names it before or after; an _index.md
// never moves.
func TestCanMove(t *testing.T) {
	cfg := config.Default()
	links, err := NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	job, role, other := "content/jobs/j.md", "content/roles/r.md", "content/roles/o.md"
	text := map[string]string{
		job:                        "---\ntitle: J\ndate: 2026-01-01\nrelated_roles: [/roles/r/]\n---\nBody.\n",
		role:                       "---\ntitle: R\ndate: 2026-01-02\n---\nBody.\n",
		other:                      "---\ntitle: O\ndate: 2026-01-03\n---\nBody.\n",
		"content/guides/g.md":      "---\ntitle: G\ndate: 2026-01-04\n---\nBody.\n",
		"content/guides/_index.md": "---\ntitle: Guides\n---\nBody.\n",
	}
	site := &patchSite{t: t, cfg: cfg, links: links, paths: slices.Sorted(maps.Keys(text)), text: text}
	m := site.index()
	page := func(path string) *Page {
		for _, p := range m.Pages {
			if p.File == path {
				return p
			}
		}
		t.Fatalf("no page of %s", path)
		return nil
	}
	free := func(string) bool { return false }
	for _, c := range []struct {
		what, path, key, value string
		taken                  func(string) bool
		want                   bool
	}{
		{"a free URL", other, "slug", "free", free, true},
		{"another page's URL", other, "url", "/guides/g/", free, false},
		{"a section's URL", other, "url", "/guides/", free, false},
		{"a file another output has", other, "url", "/feed/", func(out string) bool { return out == "feed/index.html" }, false},
		{"away from a reference", role, "slug", "renamed", free, false},
		{"onto a reference", other, "url", "/roles/r/", free, false},
	} {
		was := text[c.path]
		text[c.path] = setLine(was, c.key, c.value)
		if got := CanMove(m.Pages, page(c.path), site.parse(c.path), c.taken); got != c.want {
			t.Errorf("%s: CanMove = %v, want %v", c.what, got, c.want)
		}
		text[c.path] = was
	}
	idx := "content/guides/_index.md"
	text[idx] = setLine(text[idx], "url", "/all-guides/")
	for _, p := range m.Pages {
		if p.Kind == KindSection && p.Section == "guides" && Moves(p, site.parse(idx)) {
			t.Error("an _index.md moves")
		}
	}
}
