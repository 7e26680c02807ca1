package output

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestKeep commits a build into a destination that other tools added
// files to, and checks what the new output holds: the build's files and
// the kept paths of the old output, the build's file winning where both
// have one.
func TestKeep(t *testing.T) {
	tests := []struct {
		name    string
		old     map[string]string // the destination before
		keep    []string
		written map[string]string // by the build
		want    map[string]string // the destination after
	}{
		{
			name: "files and folders",
			old: map[string]string{
				"CNAME": "careers.example", ".nojekyll": "", "old.html": "a page since removed",
				".git/HEAD": "ref: refs/heads/gh-pages", ".git/refs/heads/gh-pages": "3f2a9c1e",
				".well-known/x": "x", ".well-known/y": "not kept",
			},
			keep:    []string{"CNAME", ".nojekyll", ".git", ".well-known/x", "missing", "missing/deeper"},
			written: map[string]string{"index.html": "home"},
			want: map[string]string{
				"index.html": "home", "CNAME": "careers.example", ".nojekyll": "",
				".git/HEAD": "ref: refs/heads/gh-pages", ".git/refs/heads/gh-pages": "3f2a9c1e",
				".well-known/x": "x",
			},
		},
		{
			name:    "the build's file wins",
			old:     map[string]string{"CNAME": "old.example"},
			keep:    []string{"CNAME"},
			written: map[string]string{"CNAME": "new.example"},
			want:    map[string]string{"CNAME": "new.example"},
		},
		{
			name:    "a kept folder is merged with the build's",
			old:     map[string]string{".well-known/acme-challenge/token": "t", ".well-known/security.txt": "old"},
			keep:    []string{".well-known"},
			written: map[string]string{".well-known/security.txt": "new", "index.html": "home"},
			want:    map[string]string{".well-known/acme-challenge/token": "t", ".well-known/security.txt": "new", "index.html": "home"},
		},
		{
			name:    "the build's file where a kept folder was",
			old:     map[string]string{"feed/a": "a", "feed/b/c": "c"},
			keep:    []string{"feed"},
			written: map[string]string{"feed": "the build's"},
			want:    map[string]string{"feed": "the build's"},
		},
		{
			name:    "the build's folder where a kept file was",
			old:     map[string]string{"docs": "a file", "x/y": "a file"},
			keep:    []string{"docs", "x"},
			written: map[string]string{"docs/index.html": "docs", "x/y/z": "z"},
			want:    map[string]string{"docs/index.html": "docs", "x/y/z": "z"},
		},
		{
			name:    "kept below the build's file",
			old:     map[string]string{".well-known/x": "x"},
			keep:    []string{".well-known/x"},
			written: map[string]string{".well-known": "the build's"},
			want:    map[string]string{".well-known": "the build's"},
		},
		{
			name:    "named twice, and inside another",
			old:     map[string]string{".git/HEAD": "ref", ".git/config": "c"},
			keep:    []string{".git", ".git/HEAD", ".git"},
			written: map[string]string{"index.html": "home"},
			want:    map[string]string{".git/HEAD": "ref", ".git/config": "c", "index.html": "home"},
		},
		{
			name:    "no old output",
			keep:    []string{"CNAME"},
			written: map[string]string{"index.html": "home"},
			want:    map[string]string{"index.html": "home"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			if tt.old != nil {
				writeTree(t, dest, tt.old)
			}
			d, err := NewDir(dest, Keep(tt.keep...))
			if err != nil {
				t.Fatal(err)
			}
			for name, data := range tt.written {
				if err := d.WriteFile(name, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			assertTree(t, dest, tt.want)
			assertOnly(t, parent, "public")
			if got := len(d.Stamps()); got != len(tt.written) {
				t.Errorf("Stamps() has %d files, want the %d the build wrote", got, len(tt.written))
			}
		})
	}
}

// TestKeepLinksNotMoves: kept files are hard-linked into the new output,
// so the old output stays whole until the swap; when the swap fails, the
// destination is exactly as it was, kept files and all.
func TestKeepLinksNotMoves(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	before := map[string]string{"CNAME": "careers.example", ".git/HEAD": "ref", "index.html": "old home"}
	writeTree(t, dest, before)
	cname, err := os.Stat(filepath.Join(dest, "CNAME"))
	if err != nil {
		t.Fatal(err)
	}

	d, err := NewDir(dest, Keep("CNAME", ".git"))
	if err != nil {
		t.Fatal(err)
	}
	d.exchange = func(a, b string) error {
		// The moment before the swap: the old output is whole, and the new
		// one holds the kept files as links to the same files.
		assertTree(t, dest, before)
		assertTree(t, a, map[string]string{"CNAME": "careers.example", ".git/HEAD": "ref", "index.html": "new home"})
		if info, err := os.Stat(filepath.Join(a, "CNAME")); err != nil || !os.SameFile(info, cname) {
			t.Errorf("the new output's CNAME is not a hard link to the old one (%v)", err)
		}
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

// TestKeepSymlinks: a symbolic link inside a kept folder is made again as a
// link with the same target, never followed; a kept path reached through
// a symbolic link is not carried, so nothing outside the destination is
// published.
func TestKeepSymlinks(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	outside := filepath.Join(parent, "outside")
	writeTree(t, outside, map[string]string{"x": "outside", "secret": "outside"})
	writeTree(t, dest, map[string]string{".git/HEAD": "ref"})
	links := map[string]string{
		".git/hooks":       "../../outside",
		".git/HEAD.link":   "HEAD",
		".well-known":      "../outside",
		"secret":           "../outside/secret",
		".git/dangling":    "nowhere",
		".git/refs/parent": "../..",
	}
	for name, target := range links {
		p := filepath.Join(dest, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}

	d, err := NewDir(dest, Keep(".git", ".well-known/x", "secret"))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	for name, target := range links {
		if name == ".well-known" {
			continue
		}
		got, err := os.Readlink(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil || got != target {
			t.Errorf("%s links to %q (%v), want %q", name, got, err, target)
		}
	}
	if _, err := os.Lstat(filepath.Join(dest, ".well-known")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf(".well-known/x, kept through a symbolic link, was carried (%v)", err)
	}
}

func TestCopyFile(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "dst")
	if err := os.WriteFile(src, []byte("careers.example"), 0o600); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(src, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(src, dst); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(dst)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "careers.example" || info.Mode().Perm() != 0o600 || !info.ModTime().Equal(mtime) {
		t.Errorf("copy = %q, %v, %v; want %q, %v, %v", b, info.Mode().Perm(), info.ModTime(), "careers.example", os.FileMode(0o600), mtime)
	}
	if err := copyFile(src, dst); !errors.Is(err, os.ErrExist) {
		t.Errorf("copyFile onto an existing file = %v, want an error of fs.ErrExist", err)
	}
}
