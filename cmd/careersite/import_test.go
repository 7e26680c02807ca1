package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportHugo runs `careersite import hugo` on a small Hugo site and
// then builds what it wrote.
func TestImportHugo(t *testing.T) {
	src := filepath.Join(t.TempDir(), "hugo")
	write(t, filepath.Join(src, "hugo.toml"), "title = \"Jobs\"\nbaseURL = \"https://example.org/\"\n[permalinks]\n  jobs = \"/careers/:slug/\"\n")
	write(t, filepath.Join(src, "content/jobs/dev.md"), "---\ntitle: Developer\ndate: 2024-11-18T12:55:20-0800\nlastmod: 2024-12-01\n---\nWrite code.\n")
	dest := filepath.Join(t.TempDir(), "site")

	code, stdout, stderr := run(t, "import", "hugo", "--section", "jobs=article", src, dest)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "URLs: 3 Hugo publishes, 3 the same, 0 by an alias, 0 lost") {
		t.Errorf("import printed\n%s", stdout)
	}
	page, err := os.ReadFile(filepath.Join(dest, "content/jobs/dev.md"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "url: /careers/developer/\n"; !strings.Contains(string(page), want) {
		t.Errorf("content/jobs/dev.md is\n%s\nwant it to hold %q", page, want)
	}
	if _, err := os.Stat(filepath.Join(dest, "IMPORT.md")); err != nil {
		t.Error(err)
	}
	if code, stdout, stderr := run(t, "build", "--source", dest, "--no-cache", "--quiet"); code != 0 {
		t.Fatalf("build of the import: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dest, "public/careers/developer/index.html")); err != nil {
		t.Error(err)
	}
}

func TestImportHugoRefuses(t *testing.T) {
	src := filepath.Join(t.TempDir(), "hugo")
	write(t, filepath.Join(src, "content/a.md"), "---\ntitle: A\n")
	full := t.TempDir()
	write(t, filepath.Join(full, "x"), "")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no source", []string{"import", "hugo"}, 2, "usage: careersite import hugo"},
		{"not hugo", []string{"import", "jekyll", src, t.TempDir()}, 2, "usage: careersite import hugo"},
		{"bad section", []string{"import", "hugo", "--section", "jobs", src, t.TempDir()}, 2, `want SECTION=KIND, got "jobs"`},
		{"dest not empty", []string{"import", "hugo", src, full}, 1, "not empty"},
		{"front matter never closed", []string{"import", "hugo", src, filepath.Join(t.TempDir(), "d")}, 1,
			`content/a.md:1:1: front matter opened with "---" is never closed`},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr\n%s\nwant exit %d and %q", tt.name, code, stderr, tt.code, tt.want)
		}
	}
}
