package filestamp

import (
	iofs "io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/cache"
)

// clock is a settable now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newStamps(t *testing.T, c *clock) *Stamps {
	t.Helper()
	cc, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	s := New(cc, c.now)
	s.Open()
	t.Cleanup(s.Close)
	return s
}

// nextBuild closes s and opens it again, as the next build does: what a
// build put is found by the builds after it.
func nextBuild(s *Stamps) {
	s.Close()
	s.Open()
}

func writeFile(t *testing.T, name, data string, mod time.Time) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, mod, mod); err != nil {
		t.Fatal(err)
	}
}

// TestStampTrusted: a value put with a settled file's stamp is found by
// the next stamp of the file while nothing changes, and by no stamp once
// the file is written again — at another size, or at the same size with
// the same modification time put back (a new inode: written by rename) —
// nor by the stamp of the same file for another kind.
func TestStampTrusted(t *testing.T) {
	dir := t.TempDir()
	fsys := os.DirFS(dir)
	mod := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	c := &clock{mod.Add(time.Hour)}
	s := newStamps(t, c)
	name := filepath.Join(dir, "team.jpg")
	writeFile(t, name, "first", mod)

	st := s.Stamp("image", fsys, "team.jpg")
	if _, ok := s.Get(st); ok {
		t.Fatal("Get found a value before any was put")
	}
	s.Put(st, []byte("value"))
	nextBuild(s)
	if got, ok := s.Get(s.Stamp("image", fsys, "team.jpg")); !ok || string(got) != "value" {
		t.Fatalf("Get of the unchanged file = %q, %v; want \"value\", true", got, ok)
	}
	if st := s.Stamp("image", fsys, "team.jpg"); st.Size() != 5 {
		t.Errorf("Size = %d, want 5", st.Size())
	}
	if _, ok := s.Get(s.Stamp("resource", fsys, "team.jpg")); ok {
		t.Error("Get for another kind found the image's value")
	}

	writeFile(t, name, "second!", mod)
	if _, ok := s.Get(s.Stamp("image", fsys, "team.jpg")); ok {
		t.Error("Get found a value after the file grew")
	}
	tmp := filepath.Join(dir, "new.jpg")
	writeFile(t, tmp, "other", mod) // same size and time as the first, another inode
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(s.Stamp("image", fsys, "team.jpg")); ok {
		t.Error("Get found a value after the file was replaced by one of the same size and time")
	}
}

// TestStampNotTrusted: no stamp is kept for a file modified less than
// Settle before (a second write in the same clock tick would keep its
// stamp), a symbolic link, a file of memory without a modification time,
// or without a cache.
func TestStampNotTrusted(t *testing.T) {
	dir := t.TempDir()
	mod := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	writeFile(t, filepath.Join(dir, "fresh.jpg"), "fresh", mod)
	writeFile(t, filepath.Join(dir, "old.jpg"), "old", mod.Add(-time.Hour))
	if err := os.Symlink("old.jpg", filepath.Join(dir, "link.jpg")); err != nil {
		t.Fatal(err)
	}
	c := &clock{mod.Add(Settle - time.Millisecond)}
	s := newStamps(t, c)
	for _, tc := range []struct {
		name string
		fsys iofs.FS
		file string
	}{
		{"modified just before", os.DirFS(dir), "fresh.jpg"},
		{"a symbolic link", os.DirFS(dir), "link.jpg"},
		{"no modification time", fstest.MapFS{"m.jpg": {Data: []byte("m")}}, "m.jpg"},
		{"missing", os.DirFS(dir), "none.jpg"},
	} {
		st := s.Stamp("image", tc.fsys, tc.file)
		s.Put(st, []byte("value"))
		nextBuild(s)
		if _, ok := s.Get(s.Stamp("image", tc.fsys, tc.file)); ok {
			t.Errorf("%s: a value was kept", tc.name)
		}
	}
	if st := s.Stamp("image", os.DirFS(dir), "old.jpg"); !st.ok {
		t.Error("the settled file old.jpg has no stamp: the cases above prove nothing")
	}
	var none *Stamps = New(nil, c.now)
	none.Open()
	st := none.Stamp("image", os.DirFS(dir), "old.jpg")
	none.Put(st, []byte("value"))
	if _, ok := none.Get(st); ok {
		t.Error("Stamps without a cache kept a value")
	}
}
