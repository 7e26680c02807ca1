//go:build unix

package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestDirLocksItsParent: the parent folder is flocked from NewDir until
// Commit or Abort, so another build of it waits instead of removing this
// one's temporary folder as stale.
func TestDirLocksItsParent(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	for _, end := range []struct {
		name string
		do   func(*Dir) error
	}{{"Commit", (*Dir).Commit}, {"Abort", (*Dir).Abort}} {
		d, err := NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		if free(t, parent) {
			t.Fatalf("before %s: another build could lock %s; want it locked", end.name, parent)
		}
		if err := end.do(d); err != nil {
			t.Fatal(err)
		}
		if !free(t, parent) {
			t.Fatalf("after %s: %s is still locked", end.name, parent)
		}
	}
}

// free tries to flock dir without waiting, as another build would, and
// reports whether it got the lock (releasing it at once).
func free(t *testing.T, dir string) bool {
	t.Helper()
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return true
}
