package photos

import (
	"bytes"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// TestDrawDeterministic: the same seed and number give the same pixels;
// another number gives another picture.
func TestDrawDeterministic(t *testing.T) {
	a, b := Draw(1, 3, 120, 80), Draw(1, 3, 120, 80)
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Error("Draw(1, 3) differs between two calls")
	}
	if bytes.Equal(a.Pix, Draw(1, 4, 120, 80).Pix) {
		t.Error("Draw(1, 3) and Draw(1, 4) are the same picture")
	}
}

// TestWrite: both sites get every page and photograph, the Hugo twin's a
// hard link to careersite's, and the render hook the configured widths.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	cs, hugo := filepath.Join(dir, "cs"), filepath.Join(dir, "hugo")
	o := Options{Photos: 2, Width: 60, Height: 40, Seed: 1, Widths: []int{16, 32}, Quality: 70}
	if err := Write(cs, hugo, o); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"content/photos/p0000/index.md", "content/photos/p0001/photo.jpg"} {
		for _, site := range []string{cs, hugo} {
			if _, err := os.Stat(filepath.Join(site, name)); err != nil {
				t.Error(err)
			}
		}
	}
	f, err := os.Open(filepath.Join(cs, "content/photos/p0001/photo.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cfg, err := jpeg.DecodeConfig(f); err != nil || cfg.Width != 60 || cfg.Height != 40 {
		t.Errorf("photo.jpg is %d×%d (%v), want 60×40", cfg.Width, cfg.Height, err)
	}
	a, _ := os.Stat(filepath.Join(cs, "content/photos/p0001/photo.jpg"))
	b, _ := os.Stat(filepath.Join(hugo, "content/photos/p0001/photo.jpg"))
	if !os.SameFile(a, b) {
		t.Error("the Hugo twin's photograph is a copy, want a hard link")
	}
	hook, err := os.ReadFile(filepath.Join(hugo, "layouts/_default/_markup/render-image.html"))
	if err != nil || !bytes.Contains(hook, []byte("slice 16 32")) || !bytes.Contains(hook, []byte("webp q70")) {
		t.Errorf("the render hook does not make widths 16 and 32 at q70:\n%s", hook)
	}
	yaml, _ := os.ReadFile(filepath.Join(cs, "site.yaml"))
	if !bytes.Contains(yaml, []byte("widths: [16, 32]")) || !bytes.Contains(yaml, []byte("quality: 70")) {
		t.Errorf("site.yaml:\n%s", yaml)
	}
}
