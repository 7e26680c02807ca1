package model

import (
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

func TestPatchable(t *testing.T) {
	cfg := config.Default()
	cfg.Taxonomies = []string{"tags", "skills", "stack"}
	const old = "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n"
	tests := []struct {
		name, cur string
		want      bool
	}{
		{"the body", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nAnother body.\n", true},
		{"the description", "---\ntitle: T\ndescription: E\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", true},
		{"a param", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Payments\nstack: [Go]\n---\nBody.\n", true},
		{"a param added last", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nlevel: 2\n---\nBody.\n", true},
		{"the description removed", "---\ntitle: T\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", false},
		{"the title", "---\ntitle: U\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", true},
		{"the date", "---\ntitle: T\ndescription: D\ndate: 2026-01-03\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", true},
		{"updated added last", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nupdated: 2026-02-01\n---\nBody.\n", true},
		{"the weight added last", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nweight: 3\n---\nBody.\n", true},
		{"the draft", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\ndraft: true\n---\nBody.\n", false},
		{"the image", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nimage: img/a.png\n---\nBody.\n", false},
		{"a tag (see CanRetag)", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a, b]\nteam: Platform\nstack: [Go]\n---\nBody.\n", true},
		{"a skill added last (see CanRetag)", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nskills: [SQL]\n---\nBody.\n", true},
		{"a param that is a taxonomy", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Rust]\n---\nBody.\n", false},
		{"the slug added last (see CanMove)", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nslug: s\n---\nBody.\n", true},
		{"the url added last (see CanMove)", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\nurl: /s/\n---\nBody.\n", true},
		{"the aliases", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\ntags: [a]\nteam: Platform\nstack: [Go]\naliases: [/s/]\n---\nBody.\n", false},
		{"the description moved", "---\ntitle: T\ndate: 2026-01-02\ndescription: D\ntags: [a]\nteam: Platform\nstack: [Go]\n---\nBody.\n", false},
	}
	parse := func(text string) *content.Page {
		t.Helper()
		p, err := content.Parse("content/guides/g.md", []byte(text), cfg)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	before := parse(old)
	for _, tt := range tests {
		if got := Patchable(cfg, before, parse(tt.cur)); got != tt.want {
			t.Errorf("Patchable after an edit of %s = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPatchableIndex: the title and weight of an _index.md order the
// sections and name their feeds, and make the model anew.
func TestPatchableIndex(t *testing.T) {
	cfg := config.Default()
	const old = "---\ntitle: Jobs\ndescription: D\nweight: 1\n---\nBody.\n"
	for _, tt := range []struct {
		name, cur string
		want      bool
	}{
		{"the description", "---\ntitle: Jobs\ndescription: E\nweight: 1\n---\nBody.\n", true},
		{"the title", "---\ntitle: Work\ndescription: D\nweight: 1\n---\nBody.\n", false},
		{"the weight", "---\ntitle: Jobs\ndescription: D\nweight: 2\n---\nBody.\n", false},
		{"a tag", "---\ntitle: Jobs\ndescription: D\nweight: 1\ntags: [a]\n---\nBody.\n", false},
	} {
		parse := func(text string) *content.Page {
			p, err := content.Parse("content/jobs/_index.md", []byte(text), cfg)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		if got := Patchable(cfg, parse(old), parse(tt.cur)); got != tt.want {
			t.Errorf("Patchable after an edit of the section's %s = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPatchableCareer: career data may change but for the pages it names
// and the skills of a career path's steps.
func TestPatchableCareer(t *testing.T) {
	cfg := config.Default()
	const job = "---\ntitle: J\ndate: 2026-01-02\nseniority: mid\nsalary: {currency: USD, min: 90000, max: 120000, period: year}\nrelated_roles: [/roles/r/]\n---\nBody.\n"
	const role = "---\ntitle: R\ndate: 2026-01-02\nguide: career-path\ncareer_path:\n  - {title: One, level: junior, track: ic, skills: [Go]}\n---\nBody.\n"
	for _, tt := range []struct {
		name, path, old, cur string
		want                 bool
	}{
		{"a salary", "content/jobs/j.md", job, strings.Replace(job, "120000", "125000", 1), true},
		{"the seniority", "content/jobs/j.md", job, strings.Replace(job, "mid", "senior", 1), true},
		{"a related role", "content/jobs/j.md", job, strings.Replace(job, "/roles/r/", "/roles/s/", 1), false},
		{"a step's title", "content/roles/r.md", role, strings.Replace(role, "One", "First", 1), true},
		{"a step's skills", "content/roles/r.md", role, strings.Replace(role, "[Go]", "[Go, SQL]", 1), false},
	} {
		parse := func(text string) *content.Page {
			p, err := content.Parse(tt.path, []byte(text), cfg)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			return p
		}
		if got := Patchable(cfg, parse(tt.old), parse(tt.cur)); got != tt.want {
			t.Errorf("Patchable after an edit of %s = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestKeepsOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	a := &Page{Kind: KindPage, Title: "A", Date: day(1), URL: "/a/"}
	b := &Page{Kind: KindPage, Title: "B", Date: day(2), URL: "/b/"}
	c := &Page{Kind: KindPage, Title: "D", Date: day(2), URL: "/d/"}
	pages := []*Page{a, b, c}
	// In lists by date: b, c, a; by weight the same.
	for _, tt := range []struct {
		name string
		p    *Page
		fm   content.FrontMatter
		want bool
	}{
		{"nothing", b, content.FrontMatter{Title: "B", Date: day(2)}, true},
		{"a title between its neighbours'", b, content.FrontMatter{Title: "C", Date: day(2)}, true},
		{"a title past a neighbour's of its day", b, content.FrontMatter{Title: "E", Date: day(2)}, false},
		{"a date still before its neighbours'", b, content.FrontMatter{Title: "B", Date: day(3)}, true},
		{"a date past a neighbour's", b, content.FrontMatter{Title: "B", Date: day(1).Add(-time.Hour)}, false},
		{"a weight of the first page", b, content.FrontMatter{Title: "B", Date: day(2), Weight: 1}, true},
		{"a weight of the last page", a, content.FrontMatter{Title: "A", Date: day(1), Weight: 1}, false},
	} {
		if got := KeepsOrder(pages, tt.p, &content.Page{FrontMatter: tt.fm}); got != tt.want {
			t.Errorf("KeepsOrder after an edit of %s = %v, want %v", tt.name, got, tt.want)
		}
	}
}
