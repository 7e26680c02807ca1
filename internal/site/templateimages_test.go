package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/output"
)

// TestTemplateImagesIncremental builds a site whose templates call image,
// in memory (as serve does) and into a folder (as watch does), through a
// series of edits, each compared with a fresh full build: the files a
// page's templates name stay published while the page is not rendered
// again, follow the image when it changes, and go when no page names
// them; a Markdown link to one of them passes the link check; a warm
// build makes none of them again.
func TestTemplateImagesIncremental(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	// The logo's published name below holds the Go that encoded it
	// (imaging.EncoderVersion): the one the README pins.
	files := map[string][]byte{
		"site.yaml":                       []byte("title: T\nimages:\n  widths: [16]\n"),
		"layouts/_default/home.html":      []byte("home"),
		"layouts/_default/404.html":       []byte("not found"),
		"layouts/_default/section.html":   []byte("section"),
		"layouts/_default/single.html":    []byte(`{{ with image "team.jpg" . }}{{ (.Resize "10x").URL }}{{ end }} {{ .Content }}`),
		"layouts/jobs/single.html":        []byte(`{{ (image "img/logo.png").URL }} {{ .Content }}`),
		"assets/img/logo.png":             fixtureImage(t, "png 20x10"),
		"content/guides/caching/index.md": []byte("---\ntitle: C\ndate: 2026-01-02\n---\nBody.\n"),
		"content/guides/caching/team.jpg": fixtureImage(t, "jpeg 20x10"),
		"content/jobs/j.md":               []byte("---\ntitle: J\nkind: article\ndate: 2026-01-02\n---\nSee [the logo](/img/logo.20w.91a157c6235bc308.png).\n"),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(src, name), data)
	}
	ctx := context.Background()
	cacheDir := filepath.Join(dir, "cache")
	opts := Options{Source: src, Now: testNow, Theme: imageHookTheme(t), CacheDir: cacheDir}
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
	inMem, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	dirOpts := opts
	dirOpts.Dest = filepath.Join(dir, "public")
	inDir, err := New(dirOpts)
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	steps := []struct {
		what    string
		changed []string
		edit    func()
	}{
		{"first build", nil, func() {}},
		{"nothing changed", []string{}, func() {}},
		{"edit another page", []string{"content/jobs/j.md"}, func() {
			writeFile(t, filepath.Join(src, "content/jobs/j.md"), []byte("---\ntitle: J\nkind: article\ndate: 2026-01-02\n---\nSee [the logo](/img/logo.20w.91a157c6235bc308.png), again.\n"))
		}},
		{"change the bundle's image", []string{"content/guides/caching/team.jpg"}, func() {
			writeFile(t, filepath.Join(src, "content/guides/caching/team.jpg"), fixtureImage(t, "jpeg 30x10"))
		}},
		{"change the asset", []string{"assets/img/logo.png"}, func() {
			writeFile(t, filepath.Join(src, "assets/img/logo.png"), fixtureImage(t, "png 24x10"))
			writeFile(t, filepath.Join(src, "content/jobs/j.md"), []byte("---\ntitle: J\nkind: article\ndate: 2026-01-02\n---\nNo link.\n"))
		}},
		{"no page names the bundle's image", []string{"layouts/_default/single.html"}, func() {
			writeFile(t, filepath.Join(src, "layouts/_default/single.html"), []byte(`{{ .Content }}`))
		}},
	}
	for _, step := range steps {
		step.edit()
		changed := step.changed
		if step.what == "change the asset" {
			changed = append(changed, "content/jobs/j.md")
		}
		if _, err := inMem.BuildTo(ctx, changed, mem); err != nil {
			t.Fatalf("%s: in memory: %v", step.what, err)
		}
		if _, err := inDir.Build(ctx, changed); err != nil {
			t.Fatalf("%s: in a folder: %v", step.what, err)
		}
		want := full()
		compareTrees(t, 0, step.what+", in memory", want, memoryFiles(mem))
		compareTrees(t, 0, step.what+", in a folder", want, readTree(t, dirOpts.Dest, ""))
		if step.what == "first build" {
			n := 0
			for name := range want {
				if strings.Contains(name, ".10w.") || strings.Contains(name, ".20w.") {
					n++
				}
			}
			if n != 2 {
				t.Errorf("first build: %d files made by templates, want 2", n)
			}
		}
	}
	// A fresh Builder, as the next `careersite build` starts from the
	// manifest of the last, publishes the same files and makes no image
	// again; so does one into an empty folder.
	for _, empty := range []bool{false, true} {
		if empty {
			os.RemoveAll(dirOpts.Dest)
		}
		b, err := newOnce(dirOpts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Build(ctx, nil); err != nil {
			t.Fatal(err)
		}
		compareTrees(t, 0, "a fresh Builder", full(), readTree(t, dirOpts.Dest, ""))
		if n := b.images.Stats().Processed; n != 0 {
			t.Errorf("a warm build processed %d images, want 0", n)
		}
	}
}
