package model

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/career"
)

func TestTermSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"PostgreSQL", "postgresql"},
		{"  Postgre SQL!", "postgre-sql"},
		{"Node.js", "node-js"},
		{"Café au lait", "café-au-lait"},
		{"C++", "c-plus-plus"},
		{"C#", "c-sharp"},
		{"F# and C++ 17", "f-sharp-and-c-plus-plus-17"},
		{"C", "c"},
		{"#remote", "remote"},
		{"a + b", "a-b"},
		{"!!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := TermSlug(tt.in); got != tt.want {
			t.Errorf("TermSlug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMostCommon(t *testing.T) {
	tests := []struct {
		name string
		in   map[string]int
		want string
	}{
		{"most used", map[string]int{"postgresql": 1, "PostgreSQL": 3}, "PostgreSQL"},
		{"tie goes to byte order", map[string]int{"go": 2, "Go": 2}, "Go"},
		{"one", map[string]int{"x": 1}, "x"},
	}
	for _, tt := range tests {
		if got := mostCommon(tt.in); got != tt.want {
			t.Errorf("%s: mostCommon(%v) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// TestTermRoles: a skill page lists the role guides whose front matter
// lists the skill and those whose career path needs it, each once, newest
// first, whatever the spelling; other taxonomies only the first.
func TestTermRoles(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	path := func(skills ...string) *career.Role {
		return &career.Role{CareerPath: []career.Step{{Title: "Junior"}, {Title: "Senior", Skills: skills}, {Title: "Lead", Skills: skills}}}
	}
	listed := &Page{Title: "Listed", Date: day(1), Role: path()}
	onPath := &Page{Title: "On the path", Date: day(3), Role: path("Go", "postgresql")}
	both := &Page{Title: "Both", Date: day(2), Role: path("PostgreSQL")}
	other := &Page{Title: "Other skill", Date: day(4), Role: path("Go")}
	job := &Page{Title: "A job", Date: day(5)}
	site := &Site{Pages: []*Page{listed, onPath, both, other, job}}
	skills := &Taxonomy{Name: "skills"}
	term := &Term{Name: "PostgreSQL", Slug: "postgresql", Pages: []*Page{both, job, listed}, Taxonomy: skills, Page: &Page{Site: site}}
	if got, want := term.Roles(), []*Page{onPath, both, listed}; !slices.Equal(got, want) {
		t.Errorf("Roles() = %v, want %v", titles(got), titles(want))
	}
	tags := &Taxonomy{Name: "tags"}
	tag := &Term{Name: "PostgreSQL", Slug: "postgresql", Pages: []*Page{both, job, listed}, Taxonomy: tags, Page: &Page{Site: site}}
	if got, want := tag.Roles(), []*Page{both, listed}; !slices.Equal(got, want) {
		t.Errorf("tag Roles() = %v, want %v", titles(got), titles(want))
	}
}

// FuzzTermSlug checks that a term's URL segment is one safe segment: only
// letters, digits, marks and single inner dashes, never "." or "..", and
// the same when made again from itself.
func FuzzTermSlug(f *testing.F) {
	for _, s := range []string{"C++", "C#", "c", "PostgreSQL", "../..", "a/b", "\x00", "ＣＯＮ", "+#+", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := TermSlug(name)
		if got == "" {
			return
		}
		if !fs.ValidPath(got) || strings.ContainsAny(got, "/\\.") || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("TermSlug(%q) = %q: not one safe segment", name, got)
		}
		if again := TermSlug(got); again != got {
			t.Errorf("TermSlug(%q) = %q, but TermSlug(%q) = %q", name, got, got, again)
		}
	})
}
