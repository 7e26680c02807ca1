package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExampleSiteBuilds builds the repository's own example site with the
// embedded theme, as the README's first command does.
func TestExampleSiteBuilds(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), []string{"build", "--source", "../..", "--dest", dest}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("build of the example site failed:\n%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), "built ") {
		t.Errorf("stdout = %q, want a summary line", stdout.String())
	}
	for _, page := range []string{
		"index.html", "404.html",
		"jobs/index.html", "roles/index.html", "certifications/index.html", "guides/index.html",
		"jobs/back-end-developer/index.html",
		"jobs/back-end-engineer/index.html",
		"jobs/pr-account-executive/index.html",
		"roles/what-does-a-back-end-developer-do/index.html",
		"roles/back-end-developer-vs-engineer/index.html",
		"roles/front-end-vs-back-end/index.html",
		"roles/back-end-engineer-career-path/index.html",
		"certifications/meta-back-end-developer/index.html",
		"certifications/ibm-full-stack-cloud-developer/index.html",
		"guides/data-structures-for-back-end-developers/index.html",
		"guides/working-with-ux-designers/index.html",
		"guides/caching-and-performance/index.html",
		"feed.xml", "sitemap.xml", "robots.txt",
	} {
		if _, err := os.Stat(filepath.Join(dest, page)); err != nil {
			t.Errorf("the example site has no %s: %v", page, err)
		}
	}
	for _, pattern := range []string{"css/site.*.css", "css/syntax.*.css"} {
		if m, _ := filepath.Glob(filepath.Join(dest, pattern)); len(m) != 1 {
			t.Errorf("the example site has %d files matching %s, want 1 fingerprinted stylesheet", len(m), pattern)
		}
	}
}

func TestExitCodes(t *testing.T) {
	broken := t.TempDir()
	write(t, filepath.Join(broken, "site.yaml"), "title: Broken\n")
	write(t, filepath.Join(broken, "content/a.md"), "---\ntitle: A\ndate: 2026-13-01\n---\n")
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"no command", nil, 2},
		{"unknown command", []string{"bulid"}, 2},
		{"unknown flag", []string{"build", "--nope"}, 2},
		{"stray argument", []string{"build", "extra"}, 2},
		{"help", []string{"help"}, 0},
		{"version", []string{"version"}, 0},
		{"version with an argument", []string{"version", "extra"}, 2},
		{"build help", []string{"build", "-h"}, 0},
		{"site errors", []string{"build", "--source", broken}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := Run(context.Background(), tc.args, &stdout, &stderr)
			if got := exitCode(err, &stderr); got != tc.want {
				t.Errorf("careersite %s: exit %d, want %d (err = %v)", strings.Join(tc.args, " "), got, tc.want, err)
			}
		})
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
