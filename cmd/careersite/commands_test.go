package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/check"
)

// run runs the command line args and returns its exit status and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := Run(context.Background(), args, &out, &errOut)
	code = exitCode(err, &errOut)
	return code, out.String(), errOut.String()
}

// siteArchive writes the site files of a txtar archive (all but want.*)
// into a new folder and returns it with the expected outputs.
func siteArchive(t *testing.T, file string) (dir string, want map[string]string) {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(t.TempDir(), "site")
	want = map[string]string{}
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, "want.") {
			want[strings.TrimPrefix(f.Name, "want.")] = string(f.Data)
			continue
		}
		write(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
	}
	return dir, want
}

func TestCheckFindsEveryMistake(t *testing.T) {
	dir, want := siteArchive(t, "testdata/check.txtar")

	code, stdout, stderr := run(t, "check", "--source", dir)
	if code != 1 {
		t.Errorf("check exit %d, want 1 (stderr %q)", code, stderr)
	}
	if stdout != want["text"] {
		t.Errorf("check --format text:\n%s\nwant:\n%s", stdout, want["text"])
	}

	// The github format says the same, as workflow commands.
	code, stdout, _ = run(t, "check", "--source", dir, "--format", "github")
	if code != 1 {
		t.Errorf("check --format github exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 13 {
		t.Fatalf("check --format github printed %d lines, want 13:\n%s", len(lines), stdout)
	}
	for _, w := range []string{
		"::error file=content/jobs/dev.md,line=4,col=1::unknown key \"sallary\"; did you mean \"salary\"?",
		"::error file=content/jobs/dev.md,line=14,col=17::related_roles[0]: no page has the URL \"/roles/nope/\"",
		"::warning file=content/roles/stale.md,line=4,col=69::salary.as_of: 2000-01-01 is more than 12 months old (stale_after in site.yaml); check the figures again",
	} {
		if !strings.Contains(stdout, w+"\n") {
			t.Errorf("check --format github lacks\n%s\nin\n%s", w, stdout)
		}
	}

	// The json format parses, with every position.
	_, stdout, _ = run(t, "check", "--source", dir, "--format", "json")
	var r check.Report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("check --format json: %v\n%s", err, stdout)
	}
	if len(r.Errors) != 12 || len(r.Warnings) != 1 {
		t.Errorf("check --format json: %d errors, %d warnings, want 12 and 1", len(r.Errors), len(r.Warnings))
	}
	if got := r.Errors[0]; got.File != "content/certifications/course.md" || got.Line != 3 || got.Col != 7 {
		t.Errorf("first error = %+v, want content/certifications/course.md:3:7", got)
	}
}

func TestCheckExampleSite(t *testing.T) {
	code, stdout, stderr := run(t, "check", "--source", "../..")
	if code != 0 {
		t.Fatalf("check of the example site: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "check: no errors") {
		t.Errorf("check stdout = %q, want a summary with no errors", stdout)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "site.yaml"), "title: T\n")
	write(t, filepath.Join(dir, "content/a.md"), "---\ntitle: A\ndate: 2026-01-01\n---\nHello.\n")
	if code, stdout, stderr := run(t, "check", "--source", dir); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "site.yaml" && e.Name() != "content" {
			t.Errorf("check wrote %s", e.Name())
		}
	}
}

// TestNew makes a page of every kind in a new site, builds it, and checks
// that the template lists every field of the kind.
func TestNew(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "site.yaml"), "title: T\nsections: {jobs: job, roles: role, certifications: certification, guides: article}\n")
	for _, tc := range []struct{ kind, file string }{
		{"job", "content/jobs/data-analyst.md"},
		{"role", "content/roles/data-analyst.md"},
		{"certification", "content/certifications/data-analyst.md"},
		{"article", "content/guides/data-analyst.md"},
	} {
		code, stdout, stderr := run(t, "new", tc.kind, "data-analyst", "--source", dir)
		if code != 0 {
			t.Fatalf("new %s: exit %d: %s", tc.kind, code, stderr)
		}
		if want := filepath.Join(dir, filepath.FromSlash(tc.file)); !strings.Contains(stdout, want) {
			t.Errorf("new %s: stdout %q does not name %s", tc.kind, stdout, want)
		}
		data, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		page := string(data)
		if !strings.HasPrefix(page, "---\ntitle: Data analyst\ndate: ") {
			t.Errorf("new %s: the page does not start with its title and date:\n%s", tc.kind, page)
		}
		for _, key := range append(career.Keys(tc.kind), "description", "tags", "skills") {
			if !strings.Contains(page, "\n# "+key+":") {
				t.Errorf("new %s: the template lacks %q:\n%s", tc.kind, key, page)
			}
		}
		// Never overwrite.
		if code, _, stderr := run(t, "new", tc.kind, "data-analyst", "--source", dir); code != 1 || !strings.Contains(stderr, "already exists") {
			t.Errorf("new %s over an existing file: exit %d, stderr %q; want 1 and \"already exists\"", tc.kind, code, stderr)
		}
	}
	code, _, stderr := run(t, "build", "--source", dir, "--quiet")
	if code != 0 || stderr != "" {
		t.Errorf("build of the new pages: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestNewOutsideSections puts a page of a kind no section holds at the top
// of content/, with its kind.
func TestNewOutsideSections(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "site.yaml"), "title: T\nsections: {}\n")
	if code, _, stderr := run(t, "new", "--source", dir, "role", "tester"); code != 0 {
		t.Fatalf("new role: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "content", "tester.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\nkind: role\n") {
		t.Errorf("the page has no kind: role:\n%s", data)
	}
	if code, _, stderr := run(t, "build", "--source", dir, "--quiet"); code != 0 || stderr != "" {
		t.Errorf("build: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestInit makes a new site and builds it with the embedded theme: no
// errors, no warnings.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new-site")
	code, stdout, stderr := run(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, dir) {
		t.Errorf("init stdout = %q, want the folder named", stdout)
	}
	code, stdout, stderr = run(t, "build", "--source", dir)
	if code != 0 || stderr != "" {
		t.Fatalf("build of the new site: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, page := range []string{
		"jobs/data-analyst/index.html",
		"roles/data-analyst-career-path/index.html",
		"certifications/example-data-certificate/index.html",
		"certifications/compare/index.html",
		"guides/writing-for-this-site/index.html",
		"skills/sql/index.html",
	} {
		if _, err := os.Stat(filepath.Join(dir, "public", page)); err != nil {
			t.Errorf("the new site has no %s: %v", page, err)
		}
	}
	if code, stdout, _ := run(t, "check", "--source", dir); code != 0 || !strings.Contains(stdout, "check: no errors, no warnings") {
		t.Errorf("check of the new site: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := run(t, "init", dir); code != 1 || !strings.Contains(stderr, "not empty") {
		t.Errorf("init into a site: exit %d, stderr %q; want 1 and \"not empty\"", code, stderr)
	}
}

// TestInitGerman makes a new site in German: site.yaml's language, the
// home page, the sections and the search page in German, and the theme's
// words and amounts the German way; it builds with no errors and no
// warnings (so the theme's German strings lack no key).
func TestInitGerman(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "neue-seite")
	if code, _, stderr := run(t, "init", "--language", "de", dir); code != 0 {
		t.Fatalf("init --language de: exit %d: %s", code, stderr)
	}
	site, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil || !strings.Contains(string(site), "\nlanguage: de\n") {
		t.Errorf("site.yaml of a German site lacks language: de (%v):\n%s", err, site)
	}
	if code, stdout, stderr := run(t, "build", "--source", dir); code != 0 || stderr != "" {
		t.Fatalf("build of the new German site: exit %d\n%s%s", code, stdout, stderr)
	}
	for page, wants := range map[string][]string{
		"index.html":                        {`<html lang="de"`, "Willkommen auf Ihrer neuen careersite-Seite", `action="/search/"`},
		"jobs/index.html":                   {"<h1>Stellenbeschreibungen</h1>"},
		"search/index.html":                 {"<h1>Suche</h1>"},
		"jobs/data-analyst/index.html":      {"Stellenbeschreibung", "\u00a0$ im Jahr"},
		"certifications/compare/index.html": {"Zertifikate im Test"},
	} {
		b, err := os.ReadFile(filepath.Join(dir, "public", page))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, want := range wants {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s of the new German site lacks %q", page, want)
			}
		}
	}
}

func TestCommandUsage(t *testing.T) {
	for _, args := range [][]string{
		{"check", "--format", "xml"},
		{"check", "extra"},
		{"new", "job"},
		{"new", "blog", "x"},
		{"new", "job", "a", "b"},
		{"init"},
		{"init", "a", "b"},
		{"init", "--language", "fr", "a"},
	} {
		if code, _, stderr := run(t, args...); code != 2 {
			t.Errorf("careersite %s: exit %d, want 2 (stderr %q)", strings.Join(args, " "), code, stderr)
		}
	}
}

// TestSchema writes a JSON Schema for every kind, each naming its kind's
// fields.
func TestSchema(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := run(t, "schema", "--dest", dir); code != 0 {
		t.Fatalf("schema: exit %d: %s", code, stderr)
	}
	for kind, field := range map[string]string{"job": `"seniority"`, "role": `"career_path"`, "certification": `"credential"`, "article": `"title"`} {
		b, err := os.ReadFile(filepath.Join(dir, kind+".schema.json"))
		if err != nil || !strings.Contains(string(b), field) {
			t.Errorf("%s.schema.json: %v, want %s in it", kind, err, field)
		}
	}
}
