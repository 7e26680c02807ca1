package site

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/careersite/careersite/internal/output"
)

// writeImageSite writes a site into src whose images have one width, 16
// pixels, with layouts that show a page's content alone, and files.
func writeImageSite(t *testing.T, src string, files map[string][]byte) {
	t.Helper()
	site := map[string]string{
		"site.yaml":                     "title: Images\nimages:\n  widths: [16]\n",
		"layouts/_default/home.html":    "home",
		"layouts/_default/404.html":     "not found",
		"layouts/_default/single.html":  "{{ .Content }}",
		"layouts/_default/section.html": "section",
	}
	for name, text := range site {
		writeFile(t, filepath.Join(src, name), []byte(text))
	}
	for name, data := range files {
		writeFile(t, filepath.Join(src, name), data)
	}
}

// TestImageBodyEditIsPatched edits the body of a page that shows images:
// an edit that leaves its image files as they were is patched, one that
// shows another image makes the model anew, and the outputs are those of
// a full build either way.
func TestImageBodyEditIsPatched(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	page := "content/guides/caching/index.md"
	writeImageSite(t, src, map[string][]byte{
		"assets/img/a.png":                fixtureImage(t, "png 20x10"),
		"content/guides/caching/team.jpg": fixtureImage(t, "jpeg 20x10"),
		page:                              []byte("---\ntitle: C\ndate: 2026-01-02\n---\n![Team](team.jpg) and ![A](/img/a.png)\n"),
	})
	opts := Options{Source: src, Now: testNow, Theme: imageHookTheme(t)}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	mem := output.NewMemory()
	if _, err := b.BuildTo(ctx, nil, mem); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct{ body, how string }{
		{"A new opening.\n\n![Team](team.jpg) and ![A](/img/a.png), with words\n", "patch"},
		{"![Team, again](team.jpg \"Title\") and ![A](/img/a.png)\n", "patch"},
		{"![Team](team.jpg) alone\n", "full"},
		{"![A](/img/a.png) and ![Team](team.jpg)\n", "full"},
	} {
		writeFile(t, filepath.Join(src, page), []byte("---\ntitle: C\ndate: 2026-01-02\n---\n"+step.body))
		if _, err := b.BuildTo(ctx, []string{page}, mem); err != nil {
			t.Fatal(err)
		}
		if b.stats.how != step.how {
			t.Errorf("body %q: built by %q, want %q", step.body, b.stats.how, step.how)
		}
		full := output.NewMemory()
		if _, err := BuildTo(ctx, opts, full); err != nil {
			t.Fatal(err)
		}
		compareTrees(t, 0, step.body, memoryFiles(full), memoryFiles(mem))
	}
}

// TestBundleImageFollowsSlug changes the slug of a bundle's page that
// shows an image of its bundle: the image's files move with the page, as
// a full build has them.
func TestBundleImageFollowsSlug(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	page := "content/guides/caching/index.md"
	writeImageSite(t, src, map[string][]byte{
		"content/guides/caching/team.jpg": fixtureImage(t, "jpeg 20x10"),
		page:                              []byte("---\ntitle: C\ndate: 2026-01-02\n---\n![Team](team.jpg)\n"),
	})
	opts := Options{Source: src, Now: testNow, Theme: imageHookTheme(t), CacheDir: filepath.Join(dir, "cache")}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	mem := output.NewMemory()
	if _, err := b.BuildTo(ctx, nil, mem); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(src, page), []byte("---\ntitle: C\ndate: 2026-01-02\nslug: cache\n---\n![Team](team.jpg)\n"))
	if _, err := b.BuildTo(ctx, []string{page}, mem); err != nil {
		t.Fatal(err)
	}
	opts.CacheDir = ""
	full := output.NewMemory()
	if _, err := BuildTo(ctx, opts, full); err != nil {
		t.Fatal(err)
	}
	compareTrees(t, 0, "after the slug changed", memoryFiles(full), memoryFiles(mem))
}
