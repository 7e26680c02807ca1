package output

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckDest(t *testing.T) {
	root := t.TempDir()
	home := filepath.Join(root, "home")
	t.Setenv("HOME", home)
	site := filepath.Join(home, "site")
	files := []string{
		"home/site/site.yaml",
		"home/site/content/jobs/a.md",
		"home/site/layouts/_default/single.html",
		"home/site/assets/css/site.css",
		"home/site/public/index.html",
		"home/other/site.yaml",
		"home/pages/content/x.md",
		"home/built/content/index.html", // a built page at /content/: not a site
		"home/notes.txt",
	}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := os.Symlink(site, filepath.Join(root, "site-link")) == nil

	tests := []struct {
		name, dest string
		want       string // part of the reason; "" when dest is fine
	}{
		{"default public", filepath.Join(site, "public"), ""},
		{"new folder in site", filepath.Join(site, "out", "www"), ""},
		{"folder beside the site", filepath.Join(home, "www"), ""},
		{"built site with a content page", filepath.Join(home, "built"), ""},
		{"file system root", string(filepath.Separator), "root of the file system"},
		{"home", home, "your home folder"},
		{"home with a slash", home + string(filepath.Separator), "your home folder"},
		{"above home", root, "your home folder"},
		{"site root", site, "the site's own folder"},
		{"site root unclean", filepath.Join(site, "public", ".."), "the site's own folder"},
		{"content", filepath.Join(site, "content"), "content/ folder"},
		{"inside content", filepath.Join(site, "content", "public"), "content/ folder"},
		{"inside layouts", filepath.Join(site, "layouts", "x"), "layouts/ folder"},
		{"assets", filepath.Join(site, "assets"), "assets/ folder"},
		{"another site", filepath.Join(home, "other"), "site.yaml"},
		{"a content folder", filepath.Join(home, "pages"), "content/ folder of Markdown"},
		{"a file", filepath.Join(home, "notes.txt"), "not a folder"},
	}
	if links {
		tests = append(tests,
			struct{ name, dest, want string }{"site through a link", filepath.Join(root, "site-link"), "the site's own folder"},
			struct{ name, dest, want string }{"public through a link", filepath.Join(root, "site-link", "public"), ""},
		)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDest(tt.dest, site)
			if tt.want == "" {
				if err != nil {
					t.Errorf("CheckDest(%q) = %v, want nil", tt.dest, err)
				}
				return
			}
			var de *DestError
			if !errors.As(err, &de) || !strings.Contains(de.Reason, tt.want) {
				t.Errorf("CheckDest(%q) = %v, want a DestError about %q", tt.dest, err, tt.want)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "refusing to build into "+tt.dest+": ") {
				t.Errorf("error %q does not name the folder first", err)
			}
		})
	}
}

func TestCheckDestRelative(t *testing.T) {
	if err := CheckDest(".", "."); err == nil {
		t.Error(`CheckDest(".", ".") = nil, want the site's own folder refused`)
	}
}
