package output

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// publish makes one Dir of dest with recycled, writes files, reuses the names
// in reuse from the destination as the last commit stamped them, and
// commits. It returns the Dir and its stamps.
func publish(t *testing.T, dest, recycled string, stamps map[string]Stamp, files map[string]string, reuse ...string) (*Dir, map[string]Stamp) {
	t.Helper()
	d, err := NewDir(dest, Recycle(recycled))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range reuse {
		if ok, err := d.Reuse(name, stamps[name]); err != nil || !ok {
			t.Fatalf("Reuse(%s) = %v, %v", name, ok, err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	return d, d.Stamps()
}

func TestRecycledBecomesTheNextOutput(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	recycled := filepath.Join(parent, "cache", "recycled")
	if err := os.Mkdir(filepath.Dir(recycled), 0o755); err != nil {
		t.Fatal(err)
	}

	// The first two builds start from nothing: there is no recycled output yet.
	d, stamps := publish(t, dest, recycled, nil, map[string]string{
		"index.html": "home 1", "jobs/index.html": "jobs 1", "jobs/a/index.html": "a 1",
		"old/index.html": "old 1", "was-file": "file 1", "was-folder/x.html": "x 1",
	})
	if d.fromRecycled {
		t.Fatal("the first Dir started from a recycled output")
	}
	d, stamps = publish(t, dest, recycled, stamps, map[string]string{"index.html": "home 2", "was-file": "file 2"},
		"jobs/index.html", "jobs/a/index.html", "old/index.html", "was-folder/x.html")
	if d.fromRecycled {
		t.Fatal("the second Dir started from a recycled output")
	}
	// The first output waits as the recycled output.
	assertTree(t, recycled, map[string]string{
		"index.html": "home 1", "jobs/index.html": "jobs 1", "jobs/a/index.html": "a 1",
		"old/index.html": "old 1", "was-file": "file 1", "was-folder/x.html": "x 1",
	})

	// The third starts from it: a file written anew, one reused, one the
	// recycled output has from the build before last, folders and files trading
	// places, and names gone.
	d, _ = publish(t, dest, recycled, stamps, map[string]string{
		"jobs/a/index.html": "a 3", "was-file/index.html": "now a folder", "was-folder": "now a file",
	}, "index.html", "jobs/index.html")
	if !d.fromRecycled {
		t.Fatal("the third Dir did not start from the recycled output")
	}
	want := map[string]string{
		"index.html": "home 2", "jobs/index.html": "jobs 1", "jobs/a/index.html": "a 3",
		"was-file/index.html": "now a folder", "was-folder": "now a file",
	}
	assertTree(t, dest, want)
	assertFolders(t, dest, "jobs", "jobs/a", "was-file")
	// The second output is the recycled output now, whole: writing "jobs/a/index.html"
	// did not write into the file it shared with it.
	assertTree(t, recycled, map[string]string{
		"index.html": "home 2", "jobs/index.html": "jobs 1", "jobs/a/index.html": "a 1",
		"old/index.html": "old 1", "was-file": "file 2", "was-folder/x.html": "x 1",
	})
	assertOnly(t, parent, "cache", "public")
}

// assertFolders checks that the folders under dir are exactly want.
func assertFolders(t *testing.T, dir string, want ...string) {
	t.Helper()
	var got []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() && p != dir {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("folders %q, want %q", got, want)
	}
}

func TestRecycledKeepsPathsOfTheDestination(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	recycled := filepath.Join(parent, "recycled")
	writeTree(t, dest, map[string]string{"CNAME": "old.example.com", "index.html": "home 0"})
	writeTree(t, recycled, map[string]string{"CNAME": "older.example.com", "stale.html": "stale"})

	d, err := NewDir(dest, Keep("CNAME"), Recycle(recycled))
	if err != nil {
		t.Fatal(err)
	}
	if !d.fromRecycled {
		t.Fatal("the Dir did not start from the recycled output")
	}
	if err := d.WriteFile("index.html", []byte("home 1")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, map[string]string{"CNAME": "old.example.com", "index.html": "home 1"})
}

func TestAbortKeepsTheRecycled(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	recycled := filepath.Join(parent, "recycled")
	before := map[string]string{"index.html": "home"}
	writeTree(t, dest, before)
	writeTree(t, recycled, map[string]string{"index.html": "older home"})

	d, err := NewDir(dest, Recycle(recycled))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", []byte("new home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, before)
	// What the build wrote is as good a start as any for the next one.
	assertTree(t, recycled, map[string]string{"index.html": "new home"})
	assertOnly(t, parent, "public", "recycled")
}

func TestRecycledThatIsALinkIsNotTaken(t *testing.T) {
	parent := t.TempDir()
	outside := filepath.Join(parent, "outside")
	writeTree(t, outside, map[string]string{"precious.txt": "keep me"})
	recycled := filepath.Join(parent, "recycled")
	if err := os.Symlink(outside, recycled); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"index.html": "old home"})
	d, err := NewDir(dest, Recycle(recycled))
	if err != nil {
		t.Fatal(err)
	}
	if d.fromRecycled {
		t.Fatal("the Dir started from a symbolic link")
	}
	if err := d.WriteFile("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, outside, map[string]string{"precious.txt": "keep me"})
	if info, err := os.Lstat(recycled); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v, %v", info, err)
	}
}

func TestKilledBuildsRecycledIsRemoved(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	recycled := filepath.Join(parent, "recycled")
	writeTree(t, dest, map[string]string{"index.html": "home"})
	writeTree(t, recycled, map[string]string{"index.html": "older home"})

	// A build that is killed after taking the recycled output leaves it under its
	// temporary name: the next build removes it, like any other.
	killed, err := NewDir(dest, Recycle(recycled))
	if err != nil {
		t.Fatal(err)
	}
	killed.root.Close()
	killed.unlock()
	publish(t, dest, recycled, nil, map[string]string{"index.html": "new home"})
	assertTree(t, dest, map[string]string{"index.html": "new home"})
	assertOnly(t, parent, "public", "recycled", "recycled.dest-listing")
}

// TestRecycledWithoutDestination: with no destination there is nothing the
// recycled could keep; the build starts empty and leaves the recycled output alone.
func TestRecycledWithoutDestination(t *testing.T) {
	parent := t.TempDir()
	recycled := filepath.Join(parent, "recycled")
	writeTree(t, recycled, map[string]string{"index.html": "older home"})
	d, err := NewDir(filepath.Join(parent, "public"), Recycle(recycled))
	if err != nil {
		t.Fatal(err)
	}
	if d.fromRecycled {
		t.Fatal("the Dir started from the recycled output without a destination")
	}
	if err := d.WriteFile("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, filepath.Join(parent, "public"), map[string]string{"index.html": "home"})
	assertTree(t, recycled, map[string]string{"index.html": "older home"})
}

// TestRecycledWithALinkToAFolder: where the recycled output has a symbolic link to a
// folder outside and the build writes into a folder of that name, the
// build's folder is a real one and nothing is written through the link.
func TestRecycledWithALinkToAFolder(t *testing.T) {
	parent := t.TempDir()
	outside := filepath.Join(parent, "outside")
	writeTree(t, outside, map[string]string{"precious.txt": "keep me"})
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"index.html": "old home"})
	recycled := filepath.Join(parent, "recycled")
	writeTree(t, recycled, map[string]string{"index.html": "older home"})
	if err := os.Symlink(outside, filepath.Join(recycled, "jobs")); err != nil {
		t.Fatal(err)
	}
	d, _ := publish(t, dest, recycled, nil, map[string]string{"index.html": "home", "jobs/index.html": "jobs"})
	if !d.fromRecycled {
		t.Fatal("the Dir did not start from the recycled output")
	}
	assertTree(t, outside, map[string]string{"precious.txt": "keep me"})
	assertTree(t, dest, map[string]string{"index.html": "home", "jobs/index.html": "jobs"})
	assertFolders(t, dest, "jobs")
}

// TestRecycledListedInWalkOrder lists a recycled output whose names sort differently
// by bytes and by path ("a-b" and "a/x"), read on several goroutines, and
// wants the order filepath.WalkDir gives, which prune relies on.
func TestRecycledListedInWalkOrder(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"a/x/index.html", "a/y.html", "a-b/index.html", "ab/c/d/e.html",
		"a b/index.html", "a.html", "b/index.html", "b-/z.html", "index.html"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 50 {
		os.MkdirAll(filepath.Join(root, "many", fmt.Sprintf("p%02d", i), "q"), 0o755)
	}
	var want []recycledEntry
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if p != root {
			rel, _ := filepath.Rel(root, p)
			want = append(want, recycledEntry{filepath.ToSlash(rel), e.IsDir()})
		}
		return err
	})
	d := &Dir{}
	if _, err := d.listRecycled(root, nil); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.recycled, want) {
		t.Errorf("listed\n%v\nwant the walk's order\n%v", d.recycled, want)
	}
	for _, e := range want {
		if dir, ok := d.recycledHas[e.name]; !ok || dir != e.dir {
			t.Errorf("recycledHas[%q] = %v, %v; want %v, true", e.name, dir, ok, e.dir)
		}
	}
}
