package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/filestamp"
)

// writeJPEG writes a w×h JPEG to name, last modified at mod.
func writeJPEG(t *testing.T, name string, w, h int, mod time.Time) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 5)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, mod, mod); err != nil {
		t.Fatal(err)
	}
}

// TestSourceKnownByStamp: a build after one that read a photograph finds
// its digest and header by the file's stamp and reads nothing (the fast
// path: Stats.Read is 0), names the same files, and still applies the
// limits; once the photograph is replaced, the next build reads it and
// sees its new bytes and size.
func TestSourceKnownByStamp(t *testing.T) {
	site := t.TempDir()
	photo := filepath.Join(site, "assets", "img", "photo.jpg")
	now := time.Now()
	writeJPEG(t, photo, 64, 48, now.Add(-time.Hour))
	c, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	stamps := filestamp.New(c, time.Now)
	// build opens photo.jpg in a new Set, as a new process would, with
	// limits.image at maxBytes.
	build := func(maxBytes int64) (*Set, *Source, error) {
		stamps.Open()
		defer stamps.Close()
		s := New(Options{Widths: []int{16, 32}, Quality: 75, MaxBytes: maxBytes, MaxPixels: 1 << 20,
			Resolve: Assets(os.DirFS(site), nil), URL: func(p string) string { return "/" + p }, Cache: c, Stamps: stamps})
		src, err := s.Lookup("", "/img/photo.jpg")
		return s, src, err
	}

	cold, first, err := build(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if got := cold.Stats().Read; got != 1 {
		t.Fatalf("the first build read %d sources, want 1", got)
	}
	warm, again, err := build(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if got := warm.Stats().Read; got != 0 {
		t.Errorf("the build after it read %d sources, want 0: the stamp was not trusted", got)
	}
	if again.Sum != first.Sum || again.Info != first.Info {
		t.Errorf("known by its stamp: %x %+v, want %x %+v as read", again.Sum[:4], again.Info, first.Sum[:4], first.Info)
	}
	if a, b := outputNames(t, cold), outputNames(t, warm); a != b {
		t.Errorf("files named after the stamp was trusted:\n%s\nwant, as read:\n%s", b, a)
	}
	if _, _, err := build(100); err == nil || !strings.Contains(err.Error(), "more than limits.image") {
		t.Errorf("limits.image of 100 bytes, the photograph known by its stamp: error %v, want one over limits.image", err)
	}

	writeJPEG(t, photo, 40, 30, now.Add(-time.Minute))
	changed, src, err := build(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	if got := changed.Stats().Read; got != 1 {
		t.Errorf("after the photograph changed, the build read %d sources, want 1", got)
	}
	if src.Sum == first.Sum || src.Info.Width != 40 || src.Info.Height != 30 {
		t.Errorf("after the photograph changed: %x, %d×%d; want new bytes, 40×30", src.Sum[:4], src.Info.Width, src.Info.Height)
	}
}

// outputNames are the names of the files of photo.jpg the render hook
// names (see outputs), one a line.
func outputNames(t *testing.T, s *Set) string {
	var names []string
	for _, o := range outputs(t, s) {
		names = append(names, o.Name)
	}
	return strings.Join(names, "\n")
}
