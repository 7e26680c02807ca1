package diskfs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadHead(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"empty.md":     "",
		"page.md":      "---\ntitle: A\n---\nbody\n",
		"sub/long.md":  strings.Repeat("x", 100_000),
		"sub/short.md": "short",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys := New(dir)
	for _, tc := range []struct {
		name string
		n    int
	}{
		{"empty.md", 10}, {"page.md", 1 << 20}, {"page.md", 5}, {"page.md", len(files["page.md"])},
		{"sub/long.md", 1 << 20}, {"sub/long.md", 65_537}, {"sub/short.md", 6},
	} {
		got, err := fsys.ReadHead(tc.name, tc.n)
		want := files[tc.name]
		want = want[:min(len(want), tc.n)]
		if err != nil || !bytes.Equal(got, []byte(want)) {
			t.Errorf("ReadHead(%q, %d) = %d bytes, %v; want %d bytes", tc.name, tc.n, len(got), err, len(want))
		}
	}
	if err := fstest.TestFS(fsys, "page.md", "sub/long.md"); err != nil {
		t.Error(err)
	}
}

func TestReadHeadLeavesOthersToTheCaller(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "page.md"), []byte("x"), 0o644)
	os.Mkdir(filepath.Join(dir, "folder"), 0o755)
	if err := os.Symlink("page.md", filepath.Join(dir, "link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	fsys := New(dir)
	for _, name := range []string{"link.md", "folder"} {
		if data, err := fsys.ReadHead(name, 10); !errors.Is(err, ErrNotRegular) || data != nil {
			t.Errorf("ReadHead(%q) = %q, %v; want nothing and ErrNotRegular", name, data, err)
		}
	}
	_, err := fsys.ReadHead("missing.md", 10)
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != "missing.md" {
		t.Errorf("ReadHead(missing.md) error = %v; want a *fs.PathError of missing.md that is fs.ErrNotExist", err)
	}
	if _, err := fsys.ReadHead("../page.md", 10); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("ReadHead(../page.md) error = %v; want fs.ErrInvalid", err)
	}
}
