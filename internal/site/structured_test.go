package site

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/output"
)

// TestOtherPagesStructuredData: a template that reads another page's
// structured data (.Parent.JSONLD) gets the documents that page's own
// render prints, from a Builder that builds once (which lets a page's
// documents go once it is rendered, unless some template reads other
// pages') and from one kept for a session, build after build.
func TestOtherPagesStructuredData(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "site.yaml"), []byte("title: LD\nbase_url: https://example.org/\n"))
	own := "{{ range .JSONLD }}[{{ . }}]{{ end }}"
	for _, name := range []string{"home", "section", "404", "taxonomy", "term"} {
		writeFile(t, filepath.Join(src, "layouts/_default", name+".html"), []byte("own:"+own+"\n"))
	}
	writeFile(t, filepath.Join(src, "layouts/_default/single.html"),
		[]byte("own:"+own+"\nparent:{{ with .Parent }}"+own+"{{ end }}\n"))
	for _, name := range []string{"a", "b", "c"} {
		writeFile(t, filepath.Join(src, "content/guides", name+".md"), []byte("---\ntitle: "+name+"\ndate: 2026-01-01\n---\n"))
	}
	opts := Options{Source: src, Now: testNow, Theme: fstest.MapFS{}}

	check := func(t *testing.T, read func(name string) string) {
		t.Helper()
		section := field(t, read("guides/index.html"), "own")
		if section == "" {
			t.Fatal("the section has no structured data")
		}
		for _, name := range []string{"a", "b", "c"} {
			page := read("guides/" + name + "/index.html")
			if got := field(t, page, "parent"); got != section {
				t.Errorf("guides/%s: .Parent.JSONLD = %q, want the section's own, %q", name, got, section)
			}
			if got := field(t, page, "own"); got == "" || got == section {
				t.Errorf("guides/%s: .JSONLD = %q, want its own breadcrumbs", name, got)
			}
		}
	}

	t.Run("once", func(t *testing.T) {
		opts := opts
		opts.Dest = filepath.Join(t.TempDir(), "public")
		if _, err := Build(t.Context(), opts); err != nil {
			t.Fatal(err)
		}
		check(t, func(name string) string {
			data, err := os.ReadFile(filepath.Join(opts.Dest, name))
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		})
	})
	t.Run("session", func(t *testing.T) {
		b, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		mem := output.NewMemory()
		for range 2 {
			if _, err := b.BuildTo(t.Context(), nil, mem); err != nil {
				t.Fatal(err)
			}
			check(t, func(name string) string {
				data, ok := mem.Tree().Lookup(name)
				if !ok {
					t.Fatalf("%s was not written", name)
				}
				return string(data)
			})
		}
	})
}

// field is the text after "name:" on its line of page.
func field(t *testing.T, page, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + name + `:(.*)$`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no %s: line in %q", name, page)
	}
	return m[1]
}
