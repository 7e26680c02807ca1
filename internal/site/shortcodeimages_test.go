package site

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/careersite/careersite/internal/output"
)

// TestShortcodeImagesIncremental builds, as serve does, a site whose
// shortcode calls image for a file of the page's bundle and whose image
// hook calls it for a file of assets/: replacing either file renders the
// page again, with the new file's names, as a fresh full build does;
// nothing changed makes nothing; a fresh Builder over the persistent cache
// (the next `careersite build`) processes no image.
func TestShortcodeImagesIncremental(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	files := map[string][]byte{
		"site.yaml":                          []byte("title: T\nimages:\n  widths: [16]\n"),
		"layouts/_default/home.html":         []byte("home"),
		"layouts/_default/404.html":          []byte("not found"),
		"layouts/_default/section.html":      []byte("section"),
		"layouts/_default/single.html":       []byte("{{ .Content }}"),
		"layouts/shortcodes/photo.html":      []byte(`{{ with image (.Get 0) }}<img src="{{ (.Resize "10x").URL }}">{{ end }}`),
		"layouts/_markup/render-image.html":  []byte(`{{ with .Image }}<img src="{{ .URL }}">{{ end }}{{ (image "img/badge.png").URL }}`),
		"assets/img/badge.png":               fixtureImage(t, "png 20x10"),
		"content/guides/caching/index.md":    []byte("---\ntitle: C\ndate: 2026-01-02\n---\n{{< photo \"team.jpg\" >}}\n\n![A chart](chart.png)\n"),
		"content/guides/caching/team.jpg":    fixtureImage(t, "jpeg 20x10"),
		"content/guides/caching/chart.png":   fixtureImage(t, "png 12x12"),
		"content/guides/other/index.md":      []byte("---\ntitle: O\ndate: 2026-01-02\n---\nNo image.\n"),
		"content/guides/other/unrelated.jpg": fixtureImage(t, "jpeg 20x10"),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(src, name), data)
	}
	ctx := context.Background()
	opts := Options{Source: src, Now: testNow, Theme: imageHookTheme(t), CacheDir: filepath.Join(dir, "cache")}
	full := func() map[string][]byte {
		t.Helper()
		o := opts
		o.CacheDir = ""
		m := output.NewMemory()
		if _, err := BuildTo(ctx, o, m); err != nil {
			t.Fatal(err)
		}
		return memoryFiles(m)
	}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	const page = "guides/caching/index.html"
	var before []byte
	steps := []struct {
		what    string
		changed []string
		edit    func()
	}{
		{"first build", nil, func() {}},
		{"nothing changed", []string{}, func() {}},
		{"replace the shortcode's image", []string{"content/guides/caching/team.jpg"}, func() {
			writeFile(t, filepath.Join(src, "content/guides/caching/team.jpg"), fixtureImage(t, "jpeg 30x10"))
		}},
		{"replace the hook's image", []string{"assets/img/badge.png"}, func() {
			writeFile(t, filepath.Join(src, "assets/img/badge.png"), fixtureImage(t, "png 24x10"))
		}},
	}
	for _, step := range steps {
		step.edit()
		res, err := b.BuildTo(ctx, step.changed, mem)
		if err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		want := full()
		compareTrees(t, 0, step.what, want, memoryFiles(mem))
		got := memoryFiles(mem)[page]
		switch step.what {
		case "first build":
		case "nothing changed":
			if res.Made != 0 {
				t.Errorf("%s: made %d files, want 0", step.what, res.Made)
			}
		default:
			if bytes.Equal(got, before) {
				t.Errorf("%s: %s is unchanged:\n%s", step.what, page, got)
			}
		}
		before = got
	}
	fresh := opts
	fresh.Dest = filepath.Join(dir, "public")
	for run := range 2 {
		once, err := newOnce(fresh)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := once.Build(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if n := once.images.Stats().Processed; run == 1 && n != 0 {
			t.Errorf("a warm build processed %d images, want 0", n)
		}
	}
}
