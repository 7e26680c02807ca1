package content

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diskfs"
)

// TestSymlinks builds a site with real symbolic links: links that stay
// inside the site are read as their targets; links that lead outside it
// (absolute, "..", or through a linked folder) and loops are left out with
// a warning; folder links, loops included, are not walked into, so
// nothing hangs.
func TestSymlinks(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	outside := filepath.Join(root, "outside")
	page := "---\ntitle: T\ndate: 2024-01-01\n---\n"
	files := map[string]string{
		"site/content/ok.md":         page,
		"site/shared/inside.md":      page,
		"outside/secret.md":          "---\ntitle: SECRET\ndate: 2024-01-01\n---\n",
		"outside/dir/also-secret.md": "---\ntitle: SECRET\ndate: 2024-01-01\n---\n",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"site/content/inside.md":   "../shared/inside.md",
		"site/content/chain.md":    "inside.md",
		"site/content/absolute.md": filepath.Join(outside, "secret.md"),
		"site/content/up.md":       "../../outside/secret.md",
		"site/outlink":             outside,
		"site/content/through.md":  "../outlink/dir/also-secret.md",
		"site/content/loop-a.md":   "loop-b.md",
		"site/content/loop-b.md":   "loop-a.md",
		"site/content/self.md":     "self.md",
		"site/content/dir-loop":    ".",
		"site/content/sub/parent":  "..",
		"site/content/outdir":      outside,
	}
	for name, target := range links {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	fsys := os.DirFS(site)
	pages, err := Load(context.Background(), fsys, config.Default())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var got []string
	for _, p := range pages {
		if p.Title == "SECRET" {
			t.Errorf("%s: a file outside the site was read", p.Path)
		}
		got = append(got, p.Path)
	}
	want := []string{"content/chain.md", "content/inside.md", "content/ok.md"}
	if !slices.Equal(got, want) {
		t.Errorf("Load read %q, want %q", got, want)
	}

	var warnings []string
	tree, _ := Walk(fsys)
	for _, w := range tree.LinkWarnings {
		warnings = append(warnings, w.Error())
	}
	abs := filepath.Join(outside, "secret.md")
	wantWarnings := []string{
		`content/absolute.md: symbolic link to "` + abs + `" leads outside the site; left out`,
		`content/loop-a.md: symbolic link to "loop-b.md" goes round in a loop; left out`,
		`content/loop-b.md: symbolic link to "loop-a.md" goes round in a loop; left out`,
		`content/outdir: symbolic link to "` + outside + `" leads outside the site; left out`,
		`content/self.md: symbolic link to "self.md" goes round in a loop; left out`,
		`content/through.md: symbolic link to "../outlink/dir/also-secret.md" leads outside the site (through outlink); left out`,
		`content/up.md: symbolic link to "../../outside/secret.md" leads outside the site; left out`,
	}
	if !slices.Equal(warnings, wantWarnings) {
		t.Errorf("Tree.LinkWarnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(wantWarnings, "\n"))
	}
}

// TestReadFileRefusesLinks: a rebuild that reads one changed file reads a
// refused link as a missing file, and a file over the page limit as an
// error at its first line.
func TestReadFileRefusesLinks(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "secret.md"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "big.md"), []byte(strings.Repeat("x", 2000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../secret.md", filepath.Join(site, "content", "link.md")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(site, "content", "fits.md"), []byte(strings.Repeat("y", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	// diskfs reads regular files its own way and leaves links to ReadFile's
	// checks: both must answer alike.
	for name, fsys := range map[string]fs.FS{"os.DirFS": os.DirFS(site), "diskfs": diskfs.New(site)} {
		data, err := ReadFile(fsys, "content/link.md", config.Default())
		if !errors.Is(err, fs.ErrNotExist) || data != nil {
			t.Errorf("%s: ReadFile(link outside) = %q, %v; want nothing and fs.ErrNotExist", name, data, err)
		}
		cfg := config.Default()
		cfg.Limits.Page = 1000
		_, err = ReadFile(fsys, "content/big.md", cfg)
		want := "content/big.md:1:1: the file is larger than the limit of 1 KB for a page (limits.page in site.yaml)"
		if err == nil || err.Error() != want {
			t.Errorf("%s: ReadFile(big) error = %v, want %s", name, err, want)
		}
		if data, err := ReadFile(fsys, "content/fits.md", cfg); err != nil || len(data) != 1000 {
			t.Errorf("%s: ReadFile(fits) = %d bytes, %v; want 1000 bytes", name, len(data), err)
		}
	}
}
