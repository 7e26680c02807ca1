package images

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/cache"
)

// testSet returns a Set over a site whose assets/img/photo.jpg is a
// 64×48 JPEG, with the persistent cache in dir ("" for none).
func testSet(t *testing.T, dir string) *Set {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	site := fstest.MapFS{"assets/img/photo.jpg": {Data: buf.Bytes()}}
	opts := Options{Widths: []int{16, 32}, Quality: 75, MaxBytes: 1 << 20, MaxPixels: 1 << 20,
		Resolve: Assets(site, nil), URL: func(p string) string { return "/" + p }}
	if dir != "" {
		c, err := cache.Open(dir, cache.Key{1})
		if err != nil {
			t.Fatal(err)
		}
		opts.Cache = c
	}
	return New(opts)
}

// outputs names the files of the render hook's srcsets of photo.jpg:
// WebP and JPEG at 16 and 32 wide, and the JPEG at its own 64.
func outputs(t *testing.T, s *Set) []*Output {
	t.Helper()
	im, err := s.Uses("").Open("/img/photo.jpg", 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"webp", ""} {
		if _, err := im.Srcset(f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := im.URL(); err != nil {
		t.Fatal(err)
	}
	return im.uses.Outputs()
}

// TestBytesKeepsNothing: once an Output's bytes are handed out the Set
// holds none of them, with a cache or without: memory follows the images being made, not the
// images of the site. A second Set on the same cache makes nothing.
func TestBytesKeepsNothing(t *testing.T) {
	dir := t.TempDir()
	for _, cacheDir := range []string{"", dir} {
		s := testSet(t, cacheDir)
		outs := outputs(t, s)
		if len(outs) != 5 {
			t.Fatalf("%d outputs named, want 5", len(outs))
		}
		for _, o := range outs {
			data, err := s.Bytes(o)
			if err != nil || len(data) == 0 {
				t.Fatalf("Bytes(%s) = %d bytes, %v", o.Name, len(data), err)
			}
		}
		if got := s.Stats().Processed; got != 5 {
			t.Errorf("cache %q: %d outputs processed, want 5", cacheDir, got)
		}
		for _, o := range outs {
			if o.made != nil {
				t.Errorf("cache %q: %s keeps %d bytes after they were handed out", cacheDir, o.Name, len(o.made))
			}
		}
	}
	warm := testSet(t, dir)
	for _, o := range outputs(t, warm) {
		if _, err := warm.Bytes(o); err != nil {
			t.Fatal(err)
		}
	}
	if got := warm.Stats().Processed; got != 0 {
		t.Errorf("a Set on a full cache processed %d outputs, want 0", got)
	}
}
