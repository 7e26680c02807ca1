package site

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/*.txtar")

// testNow is the moment fixtures are built at.
var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// TestFixtures builds each site in testdata/*.txtar. An archive holds the
// site's files; a comment line "flags: …" lists build flags (drafts, future,
// expired, base-url=URL). Files named
// "public/…" are the expected output; a file named "errors" the exact
// expected error text. With -update the archives are rewritten with what the
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
		default:
			t.Fatalf("unknown fixture flag %q", word)
		}
	}
	for _, f := range ar.Files {
		if f.Name == "errors" || strings.HasPrefix(f.Name, "public/") {
			continue
		}
		writeFile(t, filepath.Join(src, f.Name), f.Data)
	}

	_, buildErr := Build(context.Background(), opts)
	got := map[string][]byte{}
	if buildErr != nil {
		got["errors"] = []byte(buildErr.Error() + "\n")
	} else {
		got = readTree(t, dest, "public/")
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
		if f.Name != "errors" && !strings.HasPrefix(f.Name, "public/") {
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
		if f.Name == "errors" || strings.HasPrefix(f.Name, "public/") {
			wanted[f.Name] = true
			continue
		}
		kept = append(kept, f)
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range got {
			keep := wanted[name] || name == "errors" || len(wanted) == 0 && name != "public/css/syntax.css"
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
