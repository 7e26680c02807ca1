package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/output"
)

// TestFeedsOfOtherPages: the home page lists each section's feeds; when
// the last page of a section that feeds list is hidden from feeds, the
// section has no feed any more, and the home page is made again. (Feeds
// was once in the group of structured data, which does not change then.)
func TestFeedsOfOtherPages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range map[string]string{
		"site.yaml":                     "title: Moves\n",
		"layouts/_default/home.html":    "{{ range .Site.Sections }}{{ .Title }}:{{ range .Feeds }} {{ .URL }}{{ end }};{{ end }}",
		"layouts/_default/section.html": "{{ .Title }}",
		"layouts/_default/single.html":  "{{ .Title }}",
		"content/guides/a.md":           "---\ntitle: A\ndate: 2026-01-01\n---\n",
		"content/notes/b.md":            "---\ntitle: B\ndate: 2026-01-01\n---\n",
	} {
		write(name, text)
	}
	opts := Options{Source: dir, Now: testNow, Theme: careersite.Theme()}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	if _, err := b.BuildTo(context.Background(), nil, mem); err != nil {
		t.Fatal(err)
	}
	write("content/notes/b.md", "---\ntitle: B\ndate: 2026-01-01\nhidden_from: [feeds]\n---\n")
	if _, err := b.BuildTo(context.Background(), []string{"content/notes/b.md"}, mem); err != nil {
		t.Fatal(err)
	}
	want := "Guides: /guides/feed.xml /feed.xml;Notes: /feed.xml;"
	if got := string(memoryFiles(mem)["index.html"]); got != want {
		t.Errorf("index.html after hiding notes/b from feeds = %q, want %q", got, want)
	}
}
