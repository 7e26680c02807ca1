package site

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/diag"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txtar")

// testNow is the moment fixtures are built at.
var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// TestFixtures builds each site in testdata/*.txtar. An archive holds the
// site's files; a comment line "flags: …" lists build flags (drafts, future,
// expired, base-url=URL, sitemap-limit=N). Files named
// "public/…" are the expected output; a file named "errors" the exact
// expected error text; a file named "warnings" the exact warnings of a
// build that succeeded, one a line. With -update the archives are rewritten with what the
// build produced.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runFixture(t, file)
		})
	}
}

// fixtureFlags returns the words of the comment's "flags:" line.
func fixtureFlags(comment []byte) []string {
	for line := range strings.Lines(string(comment)) {
		if rest, ok := strings.CutPrefix(line, "flags:"); ok {
			return strings.Fields(rest)
		}
	}
	return nil
}

func runFixture(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	dest := filepath.Join(dir, "public")
	opts := Options{Source: src, Dest: dest, Now: testNow, Theme: fstest.MapFS{}}
	for _, word := range fixtureFlags(ar.Comment) {
		key, value, _ := strings.Cut(word, "=")
		switch key {
		case "drafts":
			opts.Drafts = true
		case "future":
			opts.Future = true
		case "expired":
			opts.Expired = true
		case "base-url":
			opts.BaseURL = value
		case "sitemap-limit":
			n, err := strconv.Atoi(value)
			if err != nil {
				t.Fatalf("fixture flag %q: %v", word, err)
			}
			opts.sitemapLimit = n
		default:
			t.Fatalf("unknown fixture flag %q", word)
		}
	}
	for _, f := range ar.Files {
		if isExpected(f.Name) {
			continue
		}
		writeFile(t, filepath.Join(src, f.Name), f.Data)
	}

	res, buildErr := Build(context.Background(), opts)
	got := map[string][]byte{}
	if buildErr != nil {
		got["errors"] = []byte(buildErr.Error() + "\n")
	} else {
		got = readTree(t, dest, "public/")
		for name, data := range got {
			// A txtar file always ends in a newline; minified output
			// does not.
			if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
				got[name] = append(data, '\n')
			}
		}
		if len(res.Warnings) > 0 {
			got["warnings"] = []byte(strings.Join(texts(res.Warnings), "\n") + "\n")
		}
	}
	if *update {
		rewrite(t, file, ar, got)
		return
	}
	compare(t, ar, got)
}

// compare checks every expected file of the archive against the build's
// output; an expected "errors" file must match the error text exactly.
func compare(t *testing.T, ar *txtar.Archive, got map[string][]byte) {
	t.Helper()
	expected := false
	for _, f := range ar.Files {
		if !isExpected(f.Name) {
			continue
		}
		expected = true
		data, ok := got[f.Name]
		if !ok {
			if e, failed := got["errors"]; failed {
				t.Fatalf("build failed, want %s:\n%s", f.Name, e)
			}
			t.Errorf("%s was not produced", f.Name)
			continue
		}
		if !bytes.Equal(data, f.Data) {
			t.Errorf("%s:\n%s\nwant:\n%s", f.Name, data, f.Data)
		}
	}
	if !expected {
		t.Fatal("the archive names no expected output (public/… or errors); run with -update")
	}
}

// rewrite replaces the expected files of an archive with what the build
// produced, keeping the names it already expects (when it expects none,
// every file but the generated syntax stylesheet, which the markdown
// package's own tests cover).
func rewrite(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte) {
	t.Helper()
	var kept []txtar.File
	wanted := map[string]bool{}
	for _, f := range ar.Files {
		if isExpected(f.Name) {
			wanted[f.Name] = true
			continue
		}
		kept = append(kept, f)
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range got {
			keep := wanted[name] || name == "errors" || name == "warnings" || len(wanted) == 0 && !isSyntaxCSS(name)
			if keep && !yield(name) {
				return
			}
		}
	})
	for _, name := range names {
		kept = append(kept, txtar.File{Name: name, Data: got[name]})
	}
	ar.Files = kept
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

// isExpected reports whether an archive file is expected output rather than
// a file of the site.
func isExpected(name string) bool {
	return name == "errors" || name == "warnings" || strings.HasPrefix(name, "public/")
}

// isSyntaxCSS reports whether name is the generated syntax stylesheet,
// fingerprinted or not.
func isSyntaxCSS(name string) bool {
	ok, _ := path.Match("public/css/syntax*.css", name)
	return ok
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readTree reads every file below dir, keyed by prefix + slash path.
func readTree(t *testing.T, dir, prefix string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		files[prefix+p] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// texts are the problems as the build prints them.
func texts(list []*diag.Error) []string {
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Error()
	}
	return out
}
