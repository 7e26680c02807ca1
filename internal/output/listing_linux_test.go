package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// settle waits until the file system's clock has passed the change time of
// every folder below dir, then gives the listing file that time, as if it
// had been written a tick after the output: the listing vouches only for
// folders changed before it was written, and a test that changes a folder
// after settle changes it after the listing.
func settle(t *testing.T, dir, listing string) {
	t.Helper()
	var newest time.Time
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() && p != dir {
			var info fs.FileInfo
			if info, err = e.Info(); err == nil {
				if c, _ := changeTime(info); c.After(newest) {
					newest = c
				}
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	probe := filepath.Join(t.TempDir(), "probe")
	for deadline := time.Now().Add(10 * time.Second); ; {
		if err := os.WriteFile(probe, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(probe)
		if err != nil {
			t.Fatal(err)
		}
		if now := info.ModTime(); now.After(newest) {
			if err := os.Chtimes(listing, now, now); err != nil {
				t.Fatal(err)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the file system's clock did not move past the output's")
		}
	}
}

// walked is what filepath.WalkDir finds below root, as listRecycled gives it.
func walked(t *testing.T, root string) []recycledEntry {
	t.Helper()
	var want []recycledEntry
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if p != root && err == nil {
			rel, _ := filepath.Rel(root, p)
			want = append(want, recycledEntry{filepath.ToSlash(rel), e.IsDir()})
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// listRecycledOf lists the recycled output at recycled with its listing, as
// NewDir does, and returns the Dir and how many folders were read.
func listRecycledOf(t *testing.T, recycled string) (*Dir, int) {
	t.Helper()
	d := &Dir{recyclePath: recycled}
	read, err := d.listRecycled(recycled, d.takeListing())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(recycledListing(recycled)); err == nil {
		t.Error("the listing was left to be read again")
	}
	return d, read
}

var listedSite = map[string]string{
	"index.html": "home", "jobs/index.html": "jobs", "jobs/a/index.html": "a", "jobs/b/index.html": "b",
	"roles/index.html": "roles", "roles/x/y/index.html": "y", "CNAME": "example.com", "well/known/k": "k",
}

// TestRecycledListing: the Dir that takes a recycled output finds what it
// holds in the listing its Commit wrote, reading only the root and the
// folders near kept paths from the disk, and finds the same as a walk.
func TestRecycledListing(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	recycled := filepath.Join(parent, "recycled")
	writeTree(t, dest, map[string]string{"CNAME": "example.com", "well/known/k": "k"})
	d, err := NewDir(dest, Recycle(recycled), Keep("CNAME", "well/known"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range listedSite {
		if name != "CNAME" && name != "well/known/k" {
			if err := d.WriteFile(name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, listedSite)
	settle(t, dest, destListing(recycled))
	// The next commit, which publishes the same files again, moves that
	// output to the recycled path, its listing with it.
	var names []string
	for name := range listedSite {
		if name != "CNAME" && name != "well/known/k" {
			names = append(names, name)
		}
	}
	publish(t, dest, recycled, d.Stamps(), nil, names...)

	got, read := listRecycledOf(t, recycled)
	if want := walked(t, recycled); !slices.Equal(got.recycled, want) {
		t.Errorf("listed\n%v\nwant\n%v", got.recycled, want)
	}
	// The root, "well" (which holds the kept "well/known") and "well/known".
	if read != 3 {
		t.Errorf("%d folders read from the disk, want 3", read)
	}
	// The files of the folders listed are known by inode, those of the
	// folders read are not.
	for _, name := range []string{"jobs/index.html", "jobs/a/index.html", "roles/x/y/index.html"} {
		info, err := os.Lstat(filepath.Join(recycled, name))
		if err != nil {
			t.Fatal(err)
		}
		if id, ok := got.recycledIDs[name]; !ok || !sameID(info, id) {
			t.Errorf("recycledIDs[%s] = %v, %v; want the inode of the recycled file", name, id, ok)
		}
	}
	if id, ok := got.recycledIDs["index.html"]; ok {
		t.Errorf("recycledIDs[index.html] = %v, from the root, which is read", id)
	}
}

// TestRecycledListingReuse: a Dir that takes a listed recycled output and
// publishes the destination's files again, which are the recycled output's
// (linked by the build before), keeps them, and gives the same output.
func TestRecycledListingReuse(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	recycled := filepath.Join(parent, "recycled")
	files := map[string]string{"index.html": "home", "jobs/index.html": "jobs", "jobs/a/index.html": "a"}
	names := []string{"index.html", "jobs/index.html", "jobs/a/index.html"}
	_, stamps := publish(t, dest, recycled, nil, files)
	first, err := os.Lstat(filepath.Join(dest, "jobs/a/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	settle(t, dest, destListing(recycled))
	_, stamps = publish(t, dest, recycled, stamps, nil, names...)
	d, _ := publish(t, dest, recycled, stamps, nil, names...)
	if !d.fromRecycled {
		t.Fatal("the third Dir did not start from the recycled output")
	}
	assertTree(t, dest, files)
	if now, err := os.Lstat(filepath.Join(dest, "jobs/a/index.html")); err != nil || !os.SameFile(first, now) {
		t.Errorf("jobs/a/index.html is not the file the first build wrote: %v", err)
	}
}

// TestRecycledListingSeesChanges: a folder that anything changed after the
// listing was written is read, so that a file put into the destination by
// hand, or a folder removed, is pruned or made again as from an empty folder.
func TestRecycledListingSeesChanges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, dest string)
	}{
		{"file added", func(t *testing.T, dest string) { writeTree(t, dest, map[string]string{"jobs/a/stray.html": "?"}) }},
		{"folder added", func(t *testing.T, dest string) { writeTree(t, dest, map[string]string{"roles/x/z/stray.html": "?"}) }},
		{"file added, the folder's time set back", func(t *testing.T, dest string) {
			// As rsync -a does after putting files into a folder.
			info, err := os.Lstat(filepath.Join(dest, "jobs/a"))
			if err != nil {
				t.Fatal(err)
			}
			writeTree(t, dest, map[string]string{"jobs/a/stray.html": "?"})
			os.Chtimes(filepath.Join(dest, "jobs/a"), info.ModTime(), info.ModTime())
		}},
		{"folder removed", func(t *testing.T, dest string) { os.RemoveAll(filepath.Join(dest, "jobs/b")) }},
		{"folder made a file", func(t *testing.T, dest string) {
			os.RemoveAll(filepath.Join(dest, "roles/x"))
			writeTree(t, dest, map[string]string{"roles/x": "a file"})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			recycled := filepath.Join(parent, "recycled")
			publish(t, dest, recycled, nil, listedSite)
			settle(t, dest, destListing(recycled))
			tc.change(t, dest)
			publish(t, dest, recycled, nil, listedSite)
			got, read := listRecycledOf(t, recycled)
			if want := walked(t, recycled); !slices.Equal(got.recycled, want) {
				t.Errorf("listed\n%v\nwant\n%v", got.recycled, want)
			}
			if read < 2 {
				t.Errorf("%d folders read from the disk, want the root and the one changed", read)
			}
		})
	}
}

// TestRecycledListingOfAnotherOutput: a listing whose root is not the
// recycled output's (a build killed between the swap and the move of the
// old output) vouches for nothing.
func TestRecycledListingOfAnotherOutput(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	recycled := filepath.Join(parent, "recycled")
	publish(t, dest, recycled, nil, listedSite)
	publish(t, dest, recycled, nil, listedSite)
	// Another folder with the same folders, older than the listing, in
	// place of the recycled output.
	other := filepath.Join(parent, "other")
	writeTree(t, other, map[string]string{"index.html": "home", "jobs/index.html": "jobs", "jobs/a/index.html": "a", "jobs/b/stray.html": "?"})
	settle(t, other, recycledListing(recycled))
	if err := os.RemoveAll(recycled); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, recycled); err != nil {
		t.Fatal(err)
	}
	got, read := listRecycledOf(t, recycled)
	want := walked(t, recycled)
	if !slices.Equal(got.recycled, want) {
		t.Errorf("listed\n%v\nwant\n%v", got.recycled, want)
	}
	if read != 4 { // the root, jobs, jobs/a, jobs/b
		t.Errorf("%d folders read from the disk, want all 4", read)
	}
}

func TestListingCutShortIsNotRead(t *testing.T) {
	l := &listing{root: fileID{1, 2}, folders: map[string][]recycledEntry{
		"jobs": {{"jobs/a", true}, {"jobs/index.html", false}}, "jobs/a": {{"jobs/a/index.html", false}},
	}}
	data := l.encode()
	got, err := decodeListing(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.root != l.root || len(got.folders) != 2 || !slices.Equal(got.folders["jobs"], l.folders["jobs"]) {
		t.Errorf("decoded %+v, want %+v", got, l)
	}
	for n := range len(data) {
		if _, err := decodeListing(data[:n]); err == nil {
			t.Fatalf("decodeListing of the first %d of %d bytes succeeded", n, len(data))
		}
	}
}
