package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDangerousDest runs build and watch with output folders whose
// replacement would destroy something. Each is refused as bad usage
// (exit 2) before anything is written, and the site is left as it was.
func TestDangerousDest(t *testing.T) {
	root := t.TempDir()
	t.Setenv("HOME", filepath.Join(root, "home"))
	site := filepath.Join(root, "home", "site")
	write(t, filepath.Join(site, "site.yaml"), "title: Mine\n")
	write(t, filepath.Join(site, "content/a.md"), "---\ntitle: A\ndate: 2026-01-01\n---\n")
	write(t, filepath.Join(root, "home", "other", "site.yaml"), "title: Other\n")
	for _, tc := range []struct {
		name, dest, want string
	}{
		{"site root", site, "it is the site's own folder"},
		{"file system root", "/", "it is the root of the file system"},
		{"home", filepath.Join(root, "home"), "your home folder"},
		{"parent of the site", filepath.Dir(site), "your home folder"},
		{"content", filepath.Join(site, "content"), "content/ folder"},
		{"another site", filepath.Join(root, "home", "other"), "site.yaml"},
	} {
		for _, cmd := range []string{"build", "watch"} {
			t.Run(cmd+" "+tc.name, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				err := Run(context.Background(), []string{cmd, "--source", site, "--dest", tc.dest}, &stdout, &stderr)
				if got := exitCode(err, &stderr); got != 2 {
					t.Fatalf("careersite %s --dest %s: exit %d, want 2 (err = %v)", cmd, tc.dest, got, err)
				}
				msg := stderr.String()
				if !strings.HasPrefix(msg, "careersite: --dest: refusing to build into "+tc.dest+": ") || !strings.Contains(msg, tc.want) {
					t.Errorf("stderr = %q, want the refusal and %q", msg, tc.want)
				}
				if _, err := os.Stat(filepath.Join(site, "content", "a.md")); err != nil {
					t.Fatalf("the site was touched: %v", err)
				}
			})
		}
	}
}
