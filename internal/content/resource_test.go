package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// TestBundleOf states which files are resources of which page.
func TestBundleOf(t *testing.T) {
	pages := []string{
		"content/_index.md",
		"content/about.md",
		"content/guides/_index.md",
		"content/guides/caching/index.md",
		"content/guides/caching/nested/index.md",
		"content/guides/caching/branch/_index.md",
		"content/jobs/x.md",
		"content/a/b/index.md",
	}
	isPage := func(p string) bool { return slices.Contains(pages, p) }
	tests := []struct {
		name, in   string
		page, want string // want "" when no bundle owns in
	}{
		{"leaf", "content/guides/caching/team.jpg", "content/guides/caching/index.md", "team.jpg"},
		{"leaf subfolder", "content/guides/caching/img/deep/team.jpg", "content/guides/caching/index.md", "img/deep/team.jpg"},
		{"nested leaf", "content/guides/caching/nested/x.pdf", "content/guides/caching/nested/index.md", "x.pdf"},
		{"nested branch", "content/guides/caching/branch/x.pdf", "content/guides/caching/branch/_index.md", "x.pdf"},
		{"below nested branch", "content/guides/caching/branch/sub/x.pdf", "", ""},
		{"branch", "content/guides/checklist.pdf", "content/guides/_index.md", "checklist.pdf"},
		{"below a branch", "content/guides/img/x.png", "", ""},
		{"home", "content/robots-note.txt", "content/_index.md", "robots-note.txt"},
		{"section without _index.md", "content/jobs/logo.svg", "", ""},
		{"folder without index.md below a branch-less folder", "content/a/x.png", "", ""},
		{"deep leaf", "content/a/b/c/x.png", "content/a/b/index.md", "c/x.png"},
		{"outside content", "assets/x.png", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := BundleOf(tt.in, isPage)
			if tt.want == "" {
				if ok {
					t.Errorf("BundleOf(%q) = %+v, want none", tt.in, r)
				}
				return
			}
			want := Resource{Path: tt.in, Page: tt.page, Name: tt.want}
			if !ok || r != want {
				t.Errorf("BundleOf(%q) = %+v, %v, want %+v", tt.in, r, ok, want)
			}
		})
	}
}

func TestIsResourceFile(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"content/guides/caching/team.jpg", true},
		{"content/guides/caching/Makefile", true},
		{"content/guides/caching/index.md", false},
		{"content/guides/caching/.team.jpg.swp", false},
		{"content/guides/.hidden/team.jpg", false},
		{"assets/team.jpg", false},
		{"content", false},
	}
	for _, tt := range tests {
		if got := IsResourceFile(tt.in); got != tt.want {
			t.Errorf("IsResourceFile(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestResourceFiles: the walk gives every file that is not Markdown, but
// hidden ones; Files still gives only pages.
func TestResourceFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/g/c/index.md":     {Data: []byte("---\ntitle: T\ndate: 2024-01-01\n---\n")},
		"content/g/c/team.jpg":     {Data: []byte("jpg")},
		"content/g/c/img/d.svg":    {Data: []byte("<svg/>")},
		"content/g/c/.DS_Store":    {Data: []byte("x")},
		"content/g/.cache/x.png":   {Data: []byte("x")},
		"content/g/c/notes.md":     {Data: []byte("---\ntitle: T\ndate: 2024-01-01\n---\n")},
		"content/g/c/img/.x.swp":   {Data: []byte("x")},
		"assets/not-content.png":   {Data: []byte("x")},
		"content/g/c/sub/README":   {Data: []byte("x")},
		"content/g/c/sub/more.pdf": {Data: []byte("%PDF")},
	}
	tree, err := Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := tree.Resources
	want := []string{"content/g/c/img/d.svg", "content/g/c/sub/README", "content/g/c/sub/more.pdf", "content/g/c/team.jpg"}
	if !slices.Equal(got, want) {
		t.Errorf("Resources = %q, want %q", got, want)
	}
	if want := []string{"content/g/c/index.md", "content/g/c/notes.md"}; !slices.Equal(tree.Pages, want) {
		t.Errorf("Pages = %q, want %q", tree.Pages, want)
	}
}

// TestReadResource: the size limit, and symbolic links by Load's rules.
func TestReadResource(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	write := func(name, data string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site/content/g/index.md", "---\ntitle: T\ndate: 2024-01-01\n---\n")
	write("site/content/g/small.txt", "1234")
	write("site/content/g/big.txt", "12345")
	write("site/shared/in.txt", "inside")
	write("outside/secret.txt", "SECRET")
	for name, target := range map[string]string{
		"site/content/g/in.txt":  "../../shared/in.txt",
		"site/content/g/out.txt": "../../../outside/secret.txt",
		"site/content/g/dir":     "../../outside",
	} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	fsys := os.DirFS(site)
	cfg := &config.Config{Limits: config.DefaultLimits()}
	cfg.Limits.Resource = 4

	tree, err := Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tree.Resources, []string{"content/g/big.txt", "content/g/in.txt", "content/g/small.txt"}; !slices.Equal(got, want) {
		t.Errorf("Resources = %q, want %q (links out of the site and to folders left out)", got, want)
	}
	if data, err := ReadResource(fsys, "content/g/small.txt", cfg); err != nil || string(data) != "1234" {
		t.Errorf("ReadResource(small.txt) = %q, %v", data, err)
	}
	_, err = ReadResource(fsys, "content/g/big.txt", cfg)
	var de *diag.Error
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "limits.resource") {
		t.Errorf("ReadResource(big.txt) error = %v, want the limit named", err)
	}
	if _, err := ReadResource(fsys, "content/g/out.txt", cfg); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadResource(out.txt) error = %v, want one that reads as not existing", err)
	}
}

func TestResourceCheck(t *testing.T) {
	r := Resource{Path: "content/g/a:b.png", Page: "content/g/index.md", Name: "a:b.png"}
	if err := r.Check(); err == nil || !strings.HasPrefix(err.Error(), "content/g/a:b.png: cannot be published") {
		t.Errorf("Check() = %v, want an error at the file", err)
	}
	if err := (Resource{Name: "img/team.jpg"}).Check(); err != nil {
		t.Errorf("Check(img/team.jpg) = %v, want nil", err)
	}
}
