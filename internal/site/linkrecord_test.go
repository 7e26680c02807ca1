package site

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestLinksOfUnchangedPages: `careersite build` after an edit of one page
// checks again the links of the pages it did not change that point into
// it (internal/linkrecord): an anchor gone from the page and the page
// gone are reported on the unchanged page that links to them, as a build
// without a cache reports them, and the build after the fix succeeds.
func TestLinksOfUnchangedPages(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	theme := fstest.MapFS{
		"layouts/_default/single.html":  {Data: []byte("<main>{{ .Content }}</main>")},
		"layouts/_default/section.html": {Data: []byte("section")},
		"layouts/_default/home.html":    {Data: []byte("home")},
		"layouts/_default/404.html":     {Data: []byte("not found")},
	}
	writeFile(t, filepath.Join(src, "site.yaml"), []byte("title: Links\n"))
	writeFile(t, filepath.Join(src, "content", "guides", "g.md"), []byte("---\ntitle: G\ndate: 2026-01-01\n---\nSee [pay](/jobs/j/#pay).\n"))
	job := filepath.Join(src, "content", "jobs", "j.md")
	withPay := []byte("---\ntitle: J\ndate: 2026-01-01\n---\n## Pay\n\nGood.\n")
	writeFile(t, job, withPay)
	opts := Options{Source: src, Dest: filepath.Join(dir, "public"), CacheDir: filepath.Join(src, ".careersite", "cache"), Now: testNow, Theme: theme}
	noCache := opts
	noCache.CacheDir, noCache.Dest = "", filepath.Join(dir, "nocache")

	for _, step := range []struct {
		what string
		edit func()
		want string // the error, "" for none
	}{
		{"first build", func() {}, ""},
		{"anchor removed", func() { writeFile(t, job, []byte("---\ntitle: J\ndate: 2026-01-01\n---\n## Salary\n\nGood.\n")) },
			`content/guides/g.md:5:5: link "/jobs/j/#pay" points to no anchor "pay" on /jobs/j/`},
		{"anchor back", func() { writeFile(t, job, withPay) }, ""},
		{"page removed", func() {
			if err := os.Remove(job); err != nil {
				t.Fatal(err)
			}
		}, `content/guides/g.md:5:5: link "/jobs/j/#pay" points to no page`},
		{"page back", func() { writeFile(t, job, withPay) }, ""},
	} {
		step.edit()
		for _, o := range []Options{opts, noCache} {
			_, err := Build(context.Background(), o)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != step.want {
				t.Errorf("%s (cache %q): error %q, want %q", step.what, o.CacheDir, got, step.want)
			}
		}
	}
}
