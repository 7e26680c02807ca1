package site

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	careersite "github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/imaging"
)

// This file is what fixtures need of images: the images of a site, made
// by the test from a line of text, and the images of an output, compared
// as their format and size.

// fixtureImage makes the image a fixture's "NAME.image" file describes:
// "png 40x30" or "jpeg 40x30", a gradient of that size, and with
// "truncated" in front, its first half only.
func fixtureImage(t *testing.T, desc string) []byte {
	t.Helper()
	var format string
	var w, h int
	words := strings.Fields(desc)
	truncated := len(words) > 0 && words[0] == "truncated"
	if truncated {
		words = words[1:]
	}
	if _, err := fmt.Sscanf(strings.Join(words, " "), "%s %dx%d", &format, &w, &h); err != nil {
		t.Fatalf("image %q: want \"png 40x30\": %v", desc, err)
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	var buf bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&buf, img)
	case "jpeg":
		err = jpeg.Encode(&buf, img, nil)
	default:
		t.Fatalf("image %q: want png or jpeg", desc)
	}
	if err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if truncated {
		data = data[:len(data)/2]
	}
	return data
}

// describeImage is a JPEG, PNG, GIF or WebP output as a fixture compares
// it: "webp 480x360".
func describeImage(name string, data []byte) (string, bool) {
	if f, ok := imaging.FormatByExt(name); !ok || f == imaging.SVG {
		return "", false
	}
	info, err := imaging.DecodeInfo(data)
	if err != nil {
		return "not an image: " + err.Error(), true
	}
	return fmt.Sprintf("%s %dx%d", info.Format, info.Width, info.Height), true
}

// imageHookTheme is a theme of the default theme's render hook of images
// and the partial it runs alone.
func imageHookTheme(t *testing.T) fs.FS {
	t.Helper()
	theme := fstest.MapFS{}
	for _, name := range []string{"layouts/_markup/render-image.html", "layouts/partials/picture.html"} {
		data, err := fs.ReadFile(careersite.Theme(), name)
		if err != nil {
			t.Fatal(err)
		}
		theme[name] = &fstest.MapFile{Data: data}
	}
	return theme
}

// TestImageCache builds a site with two pages showing one image three
// times, as three runs of `careersite build` into a fresh destination
// would: the first makes every file of the image once, however many pages
// show it; the second finds them all in the persistent cache and makes
// none; the third, after the image changed, makes its files again.
func TestImageCache(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	files := map[string][]byte{
		"site.yaml":                    []byte("title: Images\nimages:\n  widths: [16, 32]\n"),
		"layouts/_default/home.html":   []byte("home"),
		"layouts/_default/404.html":    []byte("not found"),
		"layouts/_default/single.html": []byte("{{ .Content }}"),
		"assets/img/a.png":             fixtureImage(t, "png 40x20"),
		"content/p.md":                 []byte("---\ntitle: P\ndate: 2026-01-02\n---\n![A](/img/a.png)\n"),
		"content/q.md":                 []byte("---\ntitle: Q\ndate: 2026-01-02\n---\n![A again](/img/a.png)\n"),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(src, name), data)
	}
	build := func(run int) int64 {
		t.Helper()
		opts := Options{Source: src, Dest: filepath.Join(dir, "public"+strconv.Itoa(run)), CacheDir: filepath.Join(src, ".careersite", "cache"),
			Now: testNow, Theme: imageHookTheme(t)}
		b, err := newOnce(opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Build(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		return b.images.Stats().Processed
	}
	// 16 and 32 wide (every width is below the image's 40), in WebP and
	// PNG, once for both pages; and assets/img/a.png itself, re-encoded
	// without its metadata (cleanimages.go).
	if n := build(1); n != 5 {
		t.Errorf("a cold build processed %d files, want 5", n)
	}
	if n := build(2); n != 0 {
		t.Errorf("a warm build processed %d files, want 0", n)
	}
	writeFile(t, filepath.Join(src, "assets/img/a.png"), fixtureImage(t, "png 40x21"))
	if n := build(3); n != 5 {
		t.Errorf("a build after the image changed processed %d files, want 5", n)
	}
}
