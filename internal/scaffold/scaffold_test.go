package scaffold

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

var day = time.Date(2026, 11, 24, 15, 4, 5, 0, time.UTC)

// TestPageGolden compares the template of each kind with
// testdata/KIND.md; go test -update rewrites them.
func TestPageGolden(t *testing.T) {
	for _, kind := range []string{"job", "role", "certification", "article"} {
		got, err := Page(kind, "Data analyst", day, false)
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", kind+".md")
		if *update {
			if err := os.WriteFile(golden, got, 0o666); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if string(got) != string(want) {
			t.Errorf("Page(%q) differs from %s (go test -update rewrites it):\n%s", kind, golden, got)
		}
	}
}

func TestPageUnknownKind(t *testing.T) {
	if _, err := Page("blog", "x", day, false); err == nil {
		t.Error(`Page("blog") succeeded, want an error`)
	}
}

func TestPageQuotesTitle(t *testing.T) {
	got, err := Page("article", `Jobs: a "guide" # 1`, day, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "---\ntitle: 'Jobs: a \"guide\" # 1'\ndate: 2026-11-24\n") {
		t.Errorf("Page with a title that needs quotes:\n%s", got)
	}
}

func TestNewSlug(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, slug := range []string{"", "Data Analyst", "a/b", "../x", "x.md"} {
		if _, err := New(dir, "job", slug, day); err == nil {
			t.Errorf("New(job, %q) succeeded, want an error", slug)
		}
	}
	name, err := New(dir, "job", "data-analyst", day)
	if err != nil || name != "content/jobs/data-analyst.md" {
		t.Errorf(`New(job, "data-analyst") = %q, %v; want content/jobs/data-analyst.md`, name, err)
	}
}

func TestTitleOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"data-analyst", "Data analyst"},
		{"sre", "Sre"},
		{"élan-vital", "Élan vital"},
	}
	for _, tt := range tests {
		if got := titleOf(tt.in); got != tt.want {
			t.Errorf("titleOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInitRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(dir, "en", day); err == nil {
		t.Error("Init into a folder with a file succeeded, want an error")
	}
}

func TestInitFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	files, err := Init(dir, "en", day)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(files, "site.yaml") || !slices.Contains(files, ".gitignore") {
		t.Errorf("Init wrote %q, want site.yaml and .gitignore among them", files)
	}
	job, err := os.ReadFile(filepath.Join(dir, "content", "jobs", "data-analyst.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"date: 2026-11-24\n", "valid_through: 2027-01-23\n"} {
		if !strings.Contains(string(job), want) {
			t.Errorf("the example job lacks %q:\n%s", want, job)
		}
	}
}
