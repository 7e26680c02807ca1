//go:build linux || openbsd || dragonfly || solaris || darwin || freebsd || netbsd

package filestamp

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestStampChangeTime: a file written again in place, at the same size,
// with its modification time put back (what cp -p and touch -r do) is not
// trusted: same inode, size, mode and modification time, but a later
// change time.
func TestStampChangeTime(t *testing.T) {
	dir := t.TempDir()
	fsys := os.DirFS(dir)
	mod := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	s := newStamps(t, &clock{mod.Add(time.Hour)})
	name := filepath.Join(dir, "team.jpg")
	writeFile(t, name, "first", mod)
	before, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(s.Stamp("image", fsys, "team.jpg"), []byte("value"))
	nextBuild(s)

	// Wait until the clock of the file system has ticked, so that the
	// rewrite's change time differs from the first write's.
	stamp := func() []byte { info, _ := os.Stat(name); return appendCtime(nil, info) }
	first := stamp()
	for deadline := time.Now().Add(5 * time.Second); ; {
		if err := os.Chtimes(name, mod, mod); err != nil {
			t.Fatal(err)
		}
		if string(stamp()) != string(first) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the change time stayed the same for 5s")
		}
		time.Sleep(time.Millisecond)
	}
	writeFile(t, name, "other", mod) // in place: O_TRUNC keeps the inode
	after, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
		t.Fatal("the rewrite changed the inode, size or modification time: the test proves nothing")
	}
	if _, ok := s.Get(s.Stamp("image", fsys, "team.jpg")); ok {
		t.Error("Get found a value after the file was written again with its modification time put back")
	}
}
