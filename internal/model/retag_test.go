package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
)

// TestRetag: a page given other tags or skills by Retag, when CanRetag
// lets it, has the terms, counts, pagers, roles, related pages and every
// other list that Index gives the edited files; Retag names every one
// that changed, the term pages and pagers made and dropped too; and
// CanRetag refuses an edit that renames a term, takes a term's list from
// one pager to two or back, or makes a term whose page's file another
// output has.
func TestRetag(t *testing.T) {
	cfg := config.Default()
	cfg.Taxonomies = []string{"tags", "skills"}
	cfg.PageSize = 3
	links, err := NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	var paths []string
	// Tags: t0 on 6 pages, t1 and t2 on 5; skills: s0 on 7, s1, s2 and
	// s3 on 6, s4 on 4 (with role t); pages of 3 a pager.
	for i := range 16 {
		section := []string{"jobs", "guides"}[i%2]
		path := fmt.Sprintf("content/%s/p%02d.md", section, i)
		paths = append(paths, path)
		text[path] = fmt.Sprintf("---\ntitle: Page %02d\ndate: 2026-01-%02d\ntags: [t%d]\nskills: [s%d, s%d]\n---\nBody.\n", i, 1+i%9, i%3, i%4, i%5)
	}
	hidden, role, named := "content/guides/hidden.md", "content/roles/s.md", "content/roles/t.md"
	paths = append(paths, hidden, role, named)
	text[hidden] = "---\ntitle: Hidden\ndate: 2026-01-05\nskills: [s1, s2]\nhidden_from: [lists]\n---\nBody.\n"
	text[role] = "---\ntitle: S\ndate: 2026-01-04\nskills: [s9, s7]\nguide: career-path\ncareer_path:\n  - {title: One, level: junior, track: ic, skills: [s8]}\n---\nBody.\n"
	// Role t shares s9 and s4 with role s, and names it: it is none of
	// t's related pages.
	text[named] = "---\ntitle: T\ndate: 2026-01-06\nskills: [s9, s4]\nrelated_roles: [/roles/s/]\nguide: career-path\ncareer_path:\n  - {title: One, level: junior, track: ic, skills: [s8]}\n---\nBody.\n"
	site := &patchSite{t: t, cfg: cfg, links: links, paths: paths, text: text}
	parse, index := site.parse, site.index
	m := index()
	pageOf := func(path string) *Page {
		for _, p := range m.Pages {
			if p.File == path {
				return p
			}
		}
		t.Fatalf("no page of %s", path)
		return nil
	}
	for _, edit := range []struct {
		what, path, key, value string
		can                    bool
	}{
		{"a skill, the term a pager fewer", paths[0], "skills", "[]", true},
		{"a tag, to another term", paths[3], "tags", "[t1]", true},
		{"a tag, the term a pager more", paths[0], "tags", "[t0, t1]", true},
		{"a skill, to another term", paths[1], "skills", "[s1, s0]", true},
		{"a role guide's skill added", role, "skills", "[s9, s7, S4]", true},
		{"a skill, another spelling of the term", paths[2], "skills", "[S2, s2]", true},
		{"a tag, back", paths[3], "tags", "[t0]", true},
		{"a tag of a new term", paths[5], "tags", "[t9]", true},
		{"a tag of a new term, before the others", paths[5], "tags", "[a9, t9]", true},
		{"a tag, its term's last page leaving for another new term", paths[5], "tags", "[t8]", true},
		{"a tag of a term of one page, a second page", paths[7], "tags", "[t1, t8]", true},
		{"a third page", paths[9], "tags", "[t0, t8]", true},
		{"a fourth page: the term from one pager to two", paths[11], "tags", "[t2, t8]", false},
		{"a tag of a new term whose file another output has", paths[5], "tags", "[taken]", false},
		{"a tag that makes no URL", paths[5], "tags", "[\"!!!\"]", false},
		{"a skill, its term's last page leaving", role, "skills", "[S4]", true},
		{"a skill, back, its term made again", role, "skills", "[s9, s7]", true},
		{"a skill, the term named anew", paths[4], "skills", "[s0, S4, S4, S4, S4]", false},
		{"the skills of a page hidden from lists", hidden, "skills", "[s1]", false},
	} {
		old := text[edit.path]
		text[edit.path] = setLine(old, edit.key, edit.value)
		src := parse(edit.path)
		p := pageOf(edit.path)
		if !Retags(p, src) {
			t.Fatalf("%s: Retags is false", edit.what)
		}
		taken := func(out string) bool { return out == "tags/taken/index.html" }
		if CanRetag(cfg, m.Pages, p, src, taken) != edit.can {
			t.Fatalf("%s: CanRetag is %v", edit.what, !edit.can)
		}
		if !edit.can {
			text[edit.path] = old
			continue
		}
		before := termShapes(m)
		PatchFrontMatter(p, src, time.Now())
		r := Retag(cfg, links, m.Pages, p, src)
		if r.Pages != nil {
			m.Pages = r.Pages
		}
		after, want := termShapes(m), termShapes(index())
		for _, key := range slices.Sorted(maps.Keys(maps.Collect(func(yield func(string, string) bool) { maps.All(after)(yield); maps.All(want)(yield) }))) {
			if after[key] != want[key] {
				t.Errorf("%s: %s is\n%s\nwant\n%s", edit.what, key, after[key], want[key])
			}
		}
		named := map[string]bool{}
		for _, q := range r.Terms {
			for _, pager := range q.Paginator.pagers { // they share the term
				named[pager.URL+" roles"], named[pager.URL+" term"] = true, true
			}
		}
		for _, q := range r.Pagers {
			named[q.URL], named[q.URL+" pager"] = true, true
		}
		for _, q := range r.Taxonomies {
			named[q.URL+" by count"] = true
		}
		for _, q := range r.Related {
			named[q.URL] = true
		}
		if r.Pages != nil {
			named["pages"] = true
		}
		for _, q := range slices.Concat(r.Made, r.Dropped) {
			for _, suffix := range []string{"", " pager", " roles", " term", " spellings", " page"} {
				named[q.URL+suffix] = true
			}
		}
		for key, shape := range after {
			if shape != before[key] && !named[key] && !strings.HasSuffix(key, " spellings") {
				t.Errorf("%s: %s changed, and Retag does not say so", edit.what, key)
			}
		}
	}
}

// termShapes is shapes, with by URL and " term" the name and count of
// every term and its pager's numbers, by URL and " spellings" how many
// pages spell each term how (which no template sees), and by URL and " by count" the
// terms of every taxonomy by count.
func termShapes(m *Model) map[string]string {
	out := shapes(m)
	for _, p := range m.Pages {
		if p.Term != nil {
			pg := p.Paginator
			out[p.URL+" term"] = fmt.Sprintf("%s %d %d %d %d %d", p.Term.Name, p.Term.Count, pg.PageNumber(), pg.TotalItems(), pg.PageSize(), pg.TotalPages())
			out[p.URL+" spellings"] = fmt.Sprint(p.Term.spellings)
		}
		if p.Kind == KindTerm {
			var feeds []string
			for _, f := range p.Feeds {
				feeds = append(feeds, f.URL)
			}
			out[p.URL+" page"] = fmt.Sprintf("%s %s %s %s %v %v %s", p.Title, p.Permalink, OutputOf(p), SitePath(p), urlsOf(p.Breadcrumbs), feeds, p.Language.Code)
		}
		if p.Kind == KindTaxonomy {
			var terms []string
			for _, term := range p.Taxonomy.ByCount() {
				terms = append(terms, term.Slug)
			}
			out[p.URL+" by count"] = fmt.Sprint(terms)
		}
	}
	out["pages"] = fmt.Sprint(urlsOf(m.Pages))
	return out
}

// urlsOf is the URLs of pages.
func urlsOf(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.URL)
	}
	return out
}
