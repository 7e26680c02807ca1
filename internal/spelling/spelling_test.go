package spelling

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
)

// page is a content file whose front matter lists skills and tags.
type page struct {
	path         string
	skills, tags []string
}

func pages(list []page) ([]*content.Page, fstest.MapFS) {
	fsys := fstest.MapFS{}
	var out []*content.Page
	for _, p := range list {
		fsys[p.path] = &fstest.MapFile{Data: []byte("---\ntitle: T\nskills: [" + strings.Join(p.skills, ", ") + "]\ntags: [" + strings.Join(p.tags, ", ") + "]\n---\nBody.\n")}
		cp := &content.Page{Path: p.path, BodyLine: 6}
		cp.Skills, cp.Tags = p.skills, p.tags
		out = append(out, cp)
	}
	return out, fsys
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name  string
		pages []page
		want  []string
	}{
		{"an alias, the most used wins", []page{
			{path: "content/a.md", skills: []string{"Go", "PostgreSQL"}},
			{path: "content/b.md", skills: []string{"PostgreSQL"}},
			{path: "content/c.md", skills: []string{"Postgres", "Go"}},
		}, []string{`content/c.md:3:10: skills: "Postgres" is written "PostgreSQL" on 2 pages; did you mean "PostgreSQL"?`}},
		{"case and punctuation", []page{
			{path: "content/a.md", skills: []string{"Node.js"}, tags: []string{"remote work"}},
			{path: "content/b.md", skills: []string{"Node.js", "postgresql"}, tags: []string{"Remote-Work"}},
			{path: "content/c.md", skills: []string{"NodeJS", "PostgreSQL"}, tags: []string{"remote work"}},
		}, []string{
			`content/b.md:3:19: skills: "postgresql" is written "PostgreSQL" on 1 page; did you mean "PostgreSQL"?`,
			`content/b.md:4:8: tags: "Remote-Work" is written "remote work" on 2 pages; did you mean "remote work"?`,
			`content/c.md:3:10: skills: "NodeJS" is written "Node.js" on 2 pages; did you mean "Node.js"?`,
		}},
		{"a tie goes to the name that is not an alias", []page{
			{path: "content/a.md", skills: []string{"Golang"}},
			{path: "content/b.md", skills: []string{"Go"}},
		}, []string{`content/a.md:3:10: skills: "Golang" is written "Go" on 1 page; did you mean "Go"?`}},
		{"different words, and a skill against a tag", []page{
			{path: "content/a.md", skills: []string{"C", "C++", "C#", "Java", "JavaScript"}, tags: []string{"Go"}},
			{path: "content/b.md", skills: []string{"CI/CD", "go"}, tags: []string{"Go"}},
		}, nil},
	}
	for _, tt := range tests {
		ps, fsys := pages(tt.pages)
		var got []string
		for _, w := range diag.List(diag.Sorted(Warnings(ps, content.NewLocator(fsys))...)) {
			got = append(got, w.Error())
			if w.Fix == nil || w.Kind != Kind {
				t.Errorf("%s: %s has fix %v, kind %q", tt.name, w, w.Fix, w.Kind)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: Warnings =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// BenchmarkWarnings: the spelling check of a 10,000-page site with eight
// skills and three tags a page, every check of a session pays it once.
func BenchmarkWarnings(b *testing.B) {
	list := make([]*content.Page, 10000)
	for i := range list {
		p := &content.Page{Path: fmt.Sprintf("content/jobs/p%d.md", i)}
		for j := range 8 {
			p.Skills = append(p.Skills, fmt.Sprintf("Skill %d", (i+j*37)%200))
		}
		p.Tags = []string{"remote", fmt.Sprintf("team-%d", i%20), "tech"}
		list[i] = p
	}
	list[0].Skills[0] = "skill-0" // one page spells a skill another way
	locate := func(p *content.Page, key, value string) diag.Place { return diag.Place{File: p.Path, Line: 1, Col: 1} }
	b.ReportAllocs()
	for b.Loop() {
		if ws := Warnings(list, locate); len(ws) != 1 {
			b.Fatalf("%d warnings, want 1", len(ws))
		}
	}
}

// TestChecker: a Checker given list after list, pages changed, added,
// taken away and moved, warns as Warnings does on each list, and keeps
// no count of a spelling no page writes.
func TestChecker(t *testing.T) {
	a := page{path: "content/a.md", skills: []string{"Go", "PostgreSQL"}, tags: []string{"remote work"}}
	b := page{path: "content/b.md", skills: []string{"PostgreSQL"}, tags: []string{"remote work"}}
	c := page{path: "content/c.md", skills: []string{"Postgres", "Go", "Go"}, tags: []string{"Remote-Work"}}
	c2 := page{path: "content/c.md", skills: []string{"Golang"}, tags: []string{"remote work"}}
	d := page{path: "content/d.md", skills: []string{"Postgres", "golang"}}
	all, fsys := pages([]page{a, b, c, c2, d})
	pa, pb, pc, pc2, pd := all[0], all[1], all[2], all[3], all[4]
	locate := content.NewLocator(fsys)
	steps := [][]*content.Page{
		{pa, pb, pc},
		{pa, pb, pc2},     // c edited: "Postgres" gone, "Golang" alone against "Go"
		{pa, pb, pc2, pd}, // d added
		{pd, pa, pc2},     // b taken away, d moved to the front
		{pa, pc},          // c back as it was, d gone
		{},
		{pb, pd},
	}
	var ch Checker
	for i, list := range steps {
		text := func(ws []error) string {
			var lines []string
			for _, w := range diag.List(diag.Sorted(ws...)) {
				lines = append(lines, w.Error())
			}
			return strings.Join(lines, "\n")
		}
		if got, want := text(ch.Warnings(list, locate)), text(Warnings(list, locate)); got != want {
			t.Errorf("step %d: Checker.Warnings =\n%s\nwant\n%s", i, got, want)
		}
	}
	fresh := map[string]int{}
	for _, p := range steps[len(steps)-1] {
		for _, vs := range [][]string{p.Skills, p.Tags} {
			for i, v := range vs {
				if first(vs, i) {
					fresh[v]++
				}
			}
		}
	}
	kept := map[string]int{}
	for _, uses := range []map[string]int{ch.skills, ch.tags} {
		for v, n := range uses {
			kept[v] += n
		}
	}
	if fmt.Sprint(kept) != fmt.Sprint(fresh) {
		t.Errorf("the Checker counts %v, want %v (no spelling left at 0)", kept, fresh)
	}
}
