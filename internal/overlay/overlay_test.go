package overlay

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestOverlay: a buffer hides the file on disk in every way the build
// reads it, a buffer of a new file is listed in its folder, and Forget
// shows the disk again.
func TestOverlay(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("on disk"), 0o666); err != nil {
		t.Fatal(err)
	}
	o := New(dir)
	o.Set("content/a.md", []byte("typed"))
	o.Set("content/new.md", []byte("not saved yet"))

	for _, name := range []string{"content/a.md", "content/new.md"} {
		want, _ := o.Buffer(name)
		if b, err := fs.ReadFile(o, name); err != nil || string(b) != string(want) {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, b, err, want)
		}
		f, err := o.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		info, _ := f.Stat()
		f.Close()
		if info.Size() != int64(len(want)) || !info.Mode().IsRegular() {
			t.Errorf("Open(%s).Stat() = %d bytes, mode %v", name, info.Size(), info.Mode())
		}
		if info, err := o.Lstat(name); err != nil || info.Size() != int64(len(want)) {
			t.Errorf("Lstat(%s) = %v, %v", name, info, err)
		}
	}
	var names []string
	if err := fs.WalkDir(o, ".", func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() {
			names = append(names, p)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/a.md", "content/new.md"}; !slices.Equal(names, want) {
		t.Errorf("walk = %q, want %q", names, want)
	}

	o.Forget("content/a.md")
	if b, _ := fs.ReadFile(o, "content/a.md"); string(b) != "on disk" {
		t.Errorf("after Forget: %q, want the file on disk", b)
	}
}
