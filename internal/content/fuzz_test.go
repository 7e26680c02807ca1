package content

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// fuzzBudget is how long one fuzzed input may take. It is far above what
// any input needs (a few milliseconds); it catches work that grows
// without bound, such as an alias bomb or a quadratic error search.
const fuzzBudget = 5 * time.Second

// FuzzParse feeds arbitrary files to the front-matter splitter and
// decoder (YAML, TOML and JSON). The seeds in testdata/fuzz/FuzzParse hold
// each format, unclosed fences, alias bombs, deep nesting and hostile
// slugs and URLs. Whatever the input:
//
//   - Parse does not panic and returns within fuzzBudget;
//   - every problem is a *diag.Error in the file, at a line and column
//     (path:line:col), with a line inside the file;
//   - a page that parses has a URL that maps to a file inside the output
//     directory (see checkURL).
func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2026-01-02\n---\nbody\n"))
	f.Add([]byte("+++\ntitle = \"T\"\ndate = 2026-01-02\n+++\n"))
	f.Add([]byte("{\n\"title\": \"T\", \"date\": \"2026-01-02\"\n}\n\nbody\n"))
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "content/jobs/x.md"
		var (
			p   *Page
			err error
		)
		within(t, "Parse", func() { p, err = Parse(file, data, cfg) })
		// Lines as editors count them: CRLF, LF or a CR alone ends one.
		lines := 1 + strings.Count(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n"), "\n")
		for _, e := range diag.Leaves(err) {
			var de *diag.Error
			if !errors.As(e, &de) {
				t.Fatalf("error %q (%T) is not a *diag.Error", e, e)
			}
			if de.File != file || de.Line < 1 || de.Line > lines || de.Col < 1 {
				t.Errorf("error %q is not at a position of the file (%d lines)", de, lines)
			}
		}
		if p != nil && err == nil {
			checkURL(t, p.URL, true)
		}
	})
}

// FuzzPageURL maps arbitrary file names, slugs and urls. A URL that
// PageURL accepts is a clean root-relative path whose output file stays
// inside the output directory, and a slug or url it rejects is reported as
// a problem of that key.
func FuzzPageURL(f *testing.F) {
	f.Add("content/jobs/x.md", "", "")
	f.Add("content/jobs/x.md", "y", "")
	f.Add("content/_index.md", "", "/feed.xml")
	f.Add("content/a/index.md", "..", "")
	f.Add("content/x.md", "", "/a/../../etc/passwd")
	f.Add("content/x.md", `C:\Windows`, `/C:\x`)
	f.Add("content/x.md", "con", "/aux/x/")
	f.Fuzz(func(t *testing.T, file, slug, url string) {
		u, err := PageURL(file, FrontMatter{Slug: slug, URL: url})
		if err != nil {
			var fe *fieldError
			if (slug != "" || url != "") && !errors.As(err, &fe) && !strings.Contains(err.Error(), "not a content file") {
				t.Errorf("PageURL(%q, slug %q, url %q): error %q names no key", file, slug, url, err)
			}
			return
		}
		if !strings.HasPrefix(file, "content/") && url == "" {
			t.Errorf("PageURL(%q) = %q, want an error for a file outside content/", file, u)
		}
		switch {
		case url != "":
			checkURL(t, u, true)
		case fs.ValidPath(file) && !strings.Contains(file, ".."):
			// The folders come from the file's own name, only the slug
			// from front matter.
			checkURL(t, u, false)
			if slug != "" && segmentProblem(slug) != "" {
				t.Errorf("PageURL(%q, slug %q) = %q, want the slug refused: %s", file, slug, u, segmentProblem(slug))
			}
		}
		if slug != "" && url == "" && !strings.HasSuffix(u, "/"+slug+"/") {
			t.Errorf("PageURL(%q, slug %q) = %q, want it to end in the slug", file, slug, u)
		}
	})
}

// FuzzSlugify checks that Slugify makes one safe URL segment: no
// separators, dots or controls, no dash at either end, and the same slug
// when applied again.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Back-End Developer!", "Café", "C++", "../..", "a\x00b", "CON", "İstanbul", "\u0345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if got == "" {
			return
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Errorf("Slugify(%q) = %q: stray dash", s, got)
		}
		for _, r := range got {
			if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
				t.Errorf("Slugify(%q) = %q: holds %q", s, got, r)
			}
		}
		if !fs.ValidPath(got) || strings.Contains(got, "/") {
			t.Errorf("Slugify(%q) = %q: not one path segment", s, got)
		}
	})
}

// within runs fn and fails t if it has not returned after fuzzBudget. The
// fuzzing engine has no deadline per input: a hang would stall a worker
// without a word, so the deadline turns it into a failure whose input is
// saved in testdata/fuzz.
func within(t *testing.T, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(fuzzBudget):
		t.Fatalf("%s has not returned after %v", what, fuzzBudget)
	}
}

// checkURL fails t unless u is a root-relative URL whose output file
// (index.html below it, or the file it names) is a valid path inside the
// output directory: no "..", no empty or "." segments. A strict check (of
// a URL that front matter chose) also refuses a backslash, a NUL or other
// control character and a name Windows reserves; a URL made from a file's
// own name keeps what the file system allowed.
func checkURL(t *testing.T, u string, strict bool) {
	t.Helper()
	if !strings.HasPrefix(u, "/") {
		t.Fatalf("URL %q does not start with /", u)
	}
	name := strings.TrimPrefix(u, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !fs.ValidPath(name) {
		t.Fatalf("URL %q maps to the output file %q, which is not a valid path", u, name)
	}
	for seg := range strings.SplitSeq(name, "/") {
		if seg == ".." || seg == "." {
			t.Fatalf("URL %q has a %q segment", u, seg)
		}
		if strict && segmentProblem(seg) != "" {
			t.Fatalf("URL %q has the unsafe segment %q: %s", u, seg, segmentProblem(seg))
		}
	}
}
