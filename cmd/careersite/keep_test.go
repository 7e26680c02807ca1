package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWatchKeepsFiles runs `careersite watch` on a site whose site.yaml
// keeps CNAME and .git: they survive the first build and every rebuild,
// while a file no build wrote and nobody keeps goes.
func TestWatchKeepsFiles(t *testing.T) {
	s := startSession(t, "keep.txtar", "watch")
	check := func(when string) {
		t.Helper()
		for name, want := range map[string]string{"public/CNAME": "careers.example\n", "public/.git": "gitdir: /repo/.git/worktrees/public\n"} {
			if got := s.read(t, name); got != want {
				t.Errorf("%s: %s = %q, want %q", when, name, got, want)
			}
		}
		if _, err := os.Stat(filepath.Join(s.dir, "public/old.html")); !os.IsNotExist(err) {
			t.Errorf("%s: public/old.html, which is not kept, is still there (%v)", when, err)
		}
	}
	s.stdout.waitCount(t, builtLine, 1)
	check("after the first build")

	s.write(t, "content/guides/first.md", "---\ntitle: First guide\ndate: 2026-01-02\n---\nThe second version.\n")
	s.stdout.waitCount(t, builtLine, 2)
	if got := s.read(t, "public/guides/first/index.html"); !strings.Contains(got, "The second version.") {
		t.Fatalf("the rebuild did not publish the edit:\n%s", got)
	}
	check("after a rebuild")
}
