package output

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestCommitReplacesDestination(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"old.html": "old", "jobs/index.html": "old jobs"})

	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"index.html": "home", "jobs/index.html": "jobs"} {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, map[string]string{"index.html": "home", "jobs/index.html": "jobs"})
	assertOnly(t, parent, "public")
}

func TestAbortLeavesDestinationUntouched(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	before := map[string]string{"index.html": "old home"}
	writeTree(t, dest, before)

	d, err := NewDir(dest)
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
	assertOnly(t, parent, "public")
}

func TestWriteFileRefusesNamesOutsideTheOutput(t *testing.T) {
	d, err := NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, name := range []string{"../x.html", "/etc/passwd", "a/../../x", "", "."} {
		if err := d.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) = nil, want an error", name)
		}
	}
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func assertTree(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("tree = %v, want %v", got, want)
	}
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s = %q, want %q", name, got[name], data)
		}
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := slices.Sorted(slices.Values(names))
	if !slices.Equal(got, want) {
		t.Fatalf("%s holds %q, want only %q", dir, got, want)
	}
}

// TestDirCannotUpdate: a Dir never changes the destination in place, so a
// build cannot begin with Update, and nothing is removed from it: the
// commit holds exactly what was written.
func TestDirCannotUpdate(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"old.html": "old"})
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	if d.Update() {
		t.Error("Update() = true, want false")
	}
	if err := d.Remove("old.html"); err == nil {
		t.Error("Remove(old.html) = nil, want an error")
	}
	if err := d.WriteFile("index.html", []byte("home")); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, map[string]string{"index.html": "home"})
}
