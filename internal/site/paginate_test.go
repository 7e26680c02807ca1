package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/output"
)

// TestLayoutEditChangesPagers: in serve and watch, an edit of a list
// template that begins or stops reading .Paginator makes the model again,
// with or without the pagers, as a fresh build of the site would; an edit
// that does neither keeps the model (a "keys" build).
func TestLayoutEditChangesPagers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const section = "layouts/_default/section.html"
	write("site.yaml", "title: T\nbase_url: https://example.org/\npage_size: 2\n")
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		write("content/jobs/"+name+".md", "---\ntitle: "+name+"\ndate: 2026-01-01\n---\nBody.\n")
	}
	for name, text := range map[string]string{"home": "{{ .Title }}", "single": "{{ .Title }}", "404": "404"} {
		write("layouts/_default/"+name+".html", text)
	}
	write(section, `<ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul>`)
	opts := Options{Source: dir, Now: testNow, Theme: fstest.MapFS{}}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	steps := []struct {
		what, text, how string
		pagers          bool
	}{
		{"the first build", "", "full", false},
		{"reading .Paginator", `<ul>{{ range .Paginator.Pages }}<li>{{ .Title }}</li>{{ end }}</ul>`, "full", true},
		{"still reading .Paginator", `<ol>{{ range .Paginator.Pages }}<li>{{ .Title }}</li>{{ end }}</ol>`, "keys", true},
		{"ranging over .Pages again", `<ol>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ol>`, "full", false},
	}
	for i, st := range steps {
		var changed []string
		if i > 0 {
			write(section, st.text)
			changed = []string{section}
		}
		if _, err := b.BuildTo(context.Background(), changed, mem); err != nil {
			t.Fatalf("%s: %v", st.what, err)
		}
		if _, err := b.FinishDeferred(context.Background(), mem); err != nil {
			t.Fatalf("%s: FinishDeferred: %v", st.what, err)
		}
		if b.stats.how != st.how {
			t.Errorf("%s: built by %q, want %q", st.what, b.stats.how, st.how)
		}
		got := memoryFiles(mem)
		if _, ok := got["jobs/page/2/index.html"]; ok != st.pagers {
			t.Errorf("%s: jobs/page/2/index.html published = %v, want %v", st.what, ok, st.pagers)
		}
		fresh := output.NewMemory()
		if _, err := BuildTo(context.Background(), opts, fresh); err != nil {
			t.Fatal(err)
		}
		compareTrees(t, i, st.what, memoryFiles(fresh), got)
	}
}
