package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestNewDirRemovesStaleTemporaryFolders: every ".public.tmp-*" beside the
// destination was left by a killed build (NewDir holds the lock), whether
// a half-written output, an old output the exchange swapped out, or an old
// output renamed aside while the destination is there.
func TestNewDirRemovesStaleTemporaryFolders(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"index.html": "home"})
	writeTree(t, filepath.Join(parent, ".public.tmp-111"), map[string]string{"index.html": "half"})
	writeTree(t, filepath.Join(parent, ".public.tmp-222.old"), map[string]string{"index.html": "older"})
	writeTree(t, filepath.Join(parent, ".other.tmp-333"), map[string]string{"x": "another output's"})
	if err := os.WriteFile(filepath.Join(parent, ".public.tmp-444"), nil, 0o644); err != nil {
		t.Fatal(err)
	}

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	assertOnly(t, parent, "public", ".other.tmp-333", filepath.Base(d.tmp))
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, map[string]string{"index.html": "home"})
	assertOnly(t, parent, "public", ".other.tmp-333")
}

// TestTidyRemovesStaleTemporaryFolders: a build with nothing to write
// cleans up as NewDir does.
func TestTidyRemovesStaleTemporaryFolders(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"index.html": "home"})
	writeTree(t, filepath.Join(parent, ".public.tmp-111"), map[string]string{"index.html": "half"})
	if err := Tidy(dest); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, parent, "public")
	assertTree(t, dest, map[string]string{"index.html": "home"})
}

// TestNewDirRestoresOutputLeftAside is the state a kill leaves between the
// first two renames of a Commit without an exchange: no destination, the
// old output whole at ".public.tmp-X.old" and the new one at
// ".public.tmp-X". The next build puts the old output back and goes on
// from it.
func TestNewDirRestoresOutputLeftAside(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	old := map[string]string{"index.html": "old home", "jobs/index.html": "old jobs"}
	writeTree(t, filepath.Join(parent, ".public.tmp-123.old"), old)
	writeTree(t, filepath.Join(parent, ".public.tmp-123"), map[string]string{"index.html": "new home"})

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, old)
	assertOnly(t, parent, "public", filepath.Base(d.tmp))
	info, err := os.Stat(filepath.Join(dest, "jobs/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := d.Reuse("jobs/index.html", stampOf(info)); !ok || err != nil {
		t.Fatalf("Reuse of the restored output = %v, %v, want true, nil", ok, err)
	}
	if err := d.WriteFile("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, map[string]string{"index.html": "home", "jobs/index.html": "old jobs"})
	assertOnly(t, parent, "public")
}

// TestCommitWithoutExchange takes the way of file systems that refuse
// RENAME_EXCHANGE: three renames, and nothing left beside the destination.
func TestCommitWithoutExchange(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"old.html": "old"})

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.exchange = func(a, b string) error { return errors.ErrUnsupported }
	if err := d.WriteFile("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, map[string]string{"index.html": "home"})
	assertOnly(t, parent, "public")
}

// TestCommitExchanges: where the file system can exchange (Linux on ext4,
// xfs, btrfs, tmpfs), Commit swaps in one step and never renames the
// destination aside.
func TestCommitExchanges(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"old.html": "old"})

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	exchanged := false
	d.exchange = func(a, b string) error {
		err := exchange(a, b)
		exchanged = err == nil
		if errors.Is(err, errors.ErrUnsupported) {
			t.Skipf("this file system cannot exchange: %v", err)
		}
		return err
	}
	if err := d.WriteFile("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if !exchanged {
		t.Error("Commit did not exchange the folders")
	}
	assertTree(t, dest, map[string]string{"index.html": "home"})
	assertOnly(t, parent, "public")
}

// TestFailedSwapLeavesDestinationUntouched: when the exchange fails for a
// reason other than want of support, the destination is as it was and
// the temporary folder is gone.
func TestFailedSwapLeavesDestinationUntouched(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	before := map[string]string{"index.html": "old home"}
	writeTree(t, dest, before)

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.exchange = func(a, b string) error {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: errors.New("input/output error")}
	}
	if err := d.WriteFile("index.html", []byte("new home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err == nil {
		t.Fatal("Commit = nil, want the exchange's error")
	}
	assertTree(t, dest, before)
	assertOnly(t, parent, "public")
}
