package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// noWords titles what the model makes up by the fallbacks.
type noWords struct{}

func (noWords) Or(_, fallback string) string { return fallback }

// patchSite is the content files of a site that a patch test edits in
// place (text, by path) and indexes again, in the order of paths, to
// compare the patched model with.
type patchSite struct {
	t     *testing.T
	cfg   *config.Config
	links *Linker
	paths []string
	text  map[string]string
}

// parse parses the file path as it is now.
func (s *patchSite) parse(path string) *content.Page {
	s.t.Helper()
	p, err := content.Parse(path, []byte(s.text[path]), s.cfg)
	if err != nil {
		s.t.Fatal(err)
	}
	return p
}

// index makes the model of the files as they are now.
func (s *patchSite) index() *Model {
	s.t.Helper()
	var srcs []*content.Page
	for _, path := range s.paths {
		srcs = append(srcs, s.parse(path))
	}
	m, errs := Index(s.cfg, s.links, srcs, make([]Body, len(srcs)), func(*Page) bool { return true }, func(string) Words { return noWords{} }, time.Now())
	if len(errs) > 0 {
		s.t.Fatal(errs)
	}
	return m
}

// TestReorder: pages patched to another place among the others, then
// sorted again by Reorder, give every list, pager, neighbour, related
// page and feed that Index gives the patched files; and Reorder names
// every list, pager and feed that changed.
func TestReorder(t *testing.T) {
	cfg := config.Default()
	cfg.Taxonomies = []string{"tags", "skills"}
	cfg.PageSize, cfg.FeedLimit = 3, 4
	links, err := NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	var paths []string
	for i := range 16 {
		section := []string{"jobs", "guides"}[i%2]
		path := fmt.Sprintf("content/%s/p%02d.md", section, i)
		paths = append(paths, path)
		text[path] = fmt.Sprintf("---\ntitle: Page %02d\ndate: 2026-01-%02d\ntags: [t%d]\nskills: [s%d, s%d]\n---\nBody.\n", i, 1+i%9, i%3, i%4, i%5)
	}
	hidden, role := "content/guides/hidden.md", "content/roles/r.md"
	paths = append(paths, hidden, role, "content/roles/s.md")
	text[hidden] = "---\ntitle: Hidden\ndate: 2026-01-05\nskills: [s1, s2]\nhidden_from: [lists]\n---\nBody.\n"
	// The skill s9 is on the path of role r and in the skills of role s.
	text[role] = "---\ntitle: R\ndate: 2026-01-03\nguide: career-path\ncareer_path:\n  - {title: One, level: junior, track: ic, skills: [s9]}\n---\nBody.\n"
	text["content/roles/s.md"] = "---\ntitle: S\ndate: 2026-01-04\nskills: [s9]\nguide: career-path\ncareer_path:\n  - {title: One, level: junior, track: ic, skills: [s8]}\n---\nBody.\n"
	site := &patchSite{t: t, cfg: cfg, links: links, paths: paths, text: text}
	parse, index := site.parse, site.index
	m := index()
	for _, edit := range []struct {
		what, path, key, value string
	}{
		{"a date, to the top", paths[4], "date", "2026-02-01"},
		{"a date, to the end", paths[7], "date", "2025-12-01"},
		{"a date, one place down", paths[2], "date", "2026-01-02"},
		{"a title on its date's tie", paths[10], "title", "Page 00"},
		{"a weight", paths[9], "weight", "1"},
		{"the date of a page hidden from lists", hidden, "date", "2026-03-01"},
		{"the date of a role guide whose path has a skill", role, "date", "2026-01-05"},
	} {
		text[edit.path] = setLine(text[edit.path], edit.key, edit.value)
		src := parse(edit.path)
		before := shapes(m)
		var moved []*Page
		for _, p := range m.Pages {
			if p.File == edit.path {
				if KeepsOrder(m.Pages, p, src) {
					t.Fatalf("%s: KeepsOrder is true", edit.what)
				}
				PatchFrontMatter(p, src, time.Now())
				moved = append(moved, p)
			}
		}
		r := Reorder(m.Pages, moved)
		after, want := shapes(m), shapes(index())
		for _, url := range slices.Sorted(maps.Keys(want)) {
			if after[url] != want[url] {
				t.Errorf("%s: %s is\n%s\nwant\n%s", edit.what, url, after[url], want[url])
			}
		}
		named := map[string]bool{}
		for _, p := range r.Lists {
			named[p.URL] = true
		}
		for _, p := range r.Pagers {
			named[p.URL+" pager"] = true
		}
		for _, p := range r.Roles {
			named[p.URL+" roles"] = true
		}
		for _, f := range r.Feeds {
			named[f.URL] = true
		}
		for url, shape := range after {
			if shape != before[url] && !named[url] {
				t.Errorf("%s: %s changed, and Reorder does not say so", edit.what, url)
			}
		}
	}
}

// shapes writes, by URL, the lists of every page and the entries of every
// feed of m, as URLs; by URL and " pager" the pages of every pager, and
// by URL and " roles" the role guides of every term.
func shapes(m *Model) map[string]string {
	urls := func(ps []*Page) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.URL)
		}
		return strings.Join(out, " ")
	}
	out := map[string]string{}
	for _, p := range m.Pages {
		one := func(p *Page) []*Page {
			if p == nil {
				return nil
			}
			return []*Page{p}
		}
		s := fmt.Sprintf("pages: %s\nprev: %s\nnext: %s\nrelated: %s\n", urls(p.Pages), urls(one(p.Prev)), urls(one(p.Next)), urls(p.Related))
		if p.Paginator != nil {
			out[p.URL+" pager"] = urls(p.Paginator.Pages)
		}
		if p.Term != nil {
			out[p.URL+" roles"] = urls(p.Term.Roles())
		}
		out[p.URL] = s
	}
	for _, f := range m.Feeds {
		out[f.URL] = urls(f.entries)
	}
	return out
}

// setLine sets key: value in the front matter of text, adding it last
// when it has none.
func setLine(text, key, value string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, key+": ") {
			lines[i] = key + ": " + value
			return strings.Join(lines, "\n")
		}
	}
	head, body, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	return "---\n" + head + "\n" + key + ": " + value + "\n---\n" + body
}
