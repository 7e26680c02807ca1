package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/output"
)

// TestLinkOutsideSiteIsWarned: a symbolic link under content/ that leads
// outside the site is left out of the build with a warning, and a loop of
// links does not hang it.
func TestLinkOutsideSiteIsWarned(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	writeFile(t, filepath.Join(src, "site.yaml"), []byte("title: Links\n"))
	for _, name := range []string{"single", "home", "404"} {
		writeFile(t, filepath.Join(src, "layouts/_default", name+".html"), []byte("{{ .Title }}"))
	}
	writeFile(t, filepath.Join(src, "content/ok.md"), []byte("---\ntitle: OK\ndate: 2026-01-01\n---\n"))
	writeFile(t, filepath.Join(root, "secret.md"), []byte("---\ntitle: SECRET\ndate: 2026-01-01\n---\n"))
	for name, target := range map[string]string{
		"content/secret.md": "../../secret.md",
		"content/loop.md":   "loop.md",
		"content/dir":       ".",
	} {
		if err := os.Symlink(target, filepath.Join(src, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	mem := output.NewMemory()
	res, err := BuildTo(t.Context(), Options{Source: src, Now: testNow, Theme: fstest.MapFS{}}, mem)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if _, ok := mem.Tree().Lookup("secret/index.html"); ok {
		t.Error("a file outside the site was published")
	}
	if _, ok := mem.Tree().Lookup("ok/index.html"); !ok {
		t.Error("ok.md was not published")
	}
	want := []string{
		`content/loop.md: symbolic link to "loop.md" goes round in a loop; left out`,
		`content/secret.md: symbolic link to "../../secret.md" leads outside the site; left out`,
	}
	if !slices.Equal(texts(res.Warnings), want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(texts(res.Warnings), "\n"), strings.Join(want, "\n"))
	}
}
