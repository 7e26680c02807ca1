package output

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDirWritesBeneathWithOpenat2: on Linux a Dir takes the openat2
// writer, and it writes folders and files as the os.Root writer does.
func TestDirWritesBeneathWithOpenat2(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.w.(*beneath); !ok {
		t.Fatalf("NewDir chose %T, want *beneath (openat2 in one system call per file)", d.w)
	}
	files := map[string]string{"index.html": "home", "jobs/a/index.html": "a", "jobs/b/index.html": "b", "jobs/b/img.png": "png"}
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	stamps := d.Stamps()
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	assertTree(t, dest, files)
	for name := range files {
		info, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if stamps[name] != stampOf(info) {
			t.Errorf("stamp of %s = %v, want %v", name, stamps[name], stampOf(info))
		}
	}
}

// TestWritersFollowNoLinkOutside: a symbolic link put into the temporary
// directory, to a folder outside it, leads neither writer out.
func TestWritersFollowNoLinkOutside(t *testing.T) {
	for _, which := range []string{"beneath", "os.Root"} {
		t.Run(which, func(t *testing.T) {
			outside := t.TempDir()
			d, err := NewDir(filepath.Join(t.TempDir(), "public"))
			if err != nil {
				t.Fatal(err)
			}
			defer d.Abort()
			if which == "os.Root" {
				d.w.close()
				d.w = rootWriter{d.root}
			}
			if err := os.Symlink(outside, filepath.Join(d.tmp, "evil")); err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{"evil/x.html", "evil/sub/x.html"} {
				if err := d.WriteFile(name, []byte("x")); err == nil {
					t.Errorf("WriteFile(%q) through a link outside = nil, want an error", name)
				}
			}
			assertOnly(t, outside)
		})
	}
}
