package site

import (
	"bytes"
	"context"
	"encoding/base64"
	"flag"
	"io/fs"
	"maps"
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

// TestFixtures builds each site in testdata/*.txtar and compares the whole
// result with the archive. An archive holds the site's files; a comment
// line "flags: …" lists build flags (drafts, future, expired,
// base-url=URL, sitemap-limit=N, builtins: a theme of the default theme's
// shortcode templates, whose arguments are checked, and the partials
// they call). Besides the site, an archive may hold:
//
//   - files named "public/…": the expected output. The build must write
//     exactly these files with exactly these bytes: a file it does not
//     write, or one it writes that the archive does not list, fails.
//   - a file named "errors": the exact expected error text of a build that
//     fails. A fixture without it expects the build to succeed.
//   - a file named "warnings": the exact warnings of a build that
//     succeeded, one a line. A fixture without it expects none.
//   - a site file whose name ends in ".base64" (an image,
//     "assets/img/team.png.base64"): written decoded, without the suffix.
//   - a file named "ignore": outputs not compared, one path.Match pattern
//     a line, matched against the whole name ("public/css/syntax.*.css");
//     text after "#" is a comment, which should say why. Ignore only bulky
//     generated files that other tests cover. A pattern that matches no
//     output fails, and so does an expected file that a pattern ignores,
//     so that an ignore line cannot outlive its reason or hide an
//     assertion.
//
// An output image (PNG, JPEG, GIF or WebP) is compared as the line
// "image png 1200×630" (imaging.DecodeInfo), not as bytes a text archive
// cannot hold, and which for a social card change with the Go release
// (compress/flate); the bytes of social cards are checked against
// socialcard.Render in cards_test.go.
//
// With -update the archives are rewritten with what the build produced:
// every output the ignore section does not match, the error text, the
// warnings; expected files the build no longer writes are dropped. Read
// the diff before committing it.
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
		case "builtins":
			opts.Theme = builtinShortcodes(t)
		case "image-hook":
			opts.Theme = imageHookTheme(t)
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
	ignore := fixtureIgnore(t, ar)
	for _, f := range ar.Files {
		if isExpected(f.Name) || f.Name == "ignore" {
			continue
		}
		name, data := f.Name, f.Data
		if n, ok := strings.CutSuffix(name, ".image"); ok {
			writeFile(t, filepath.Join(src, n), fixtureImage(t, string(f.Data)))
			continue
		}
		if n, ok := strings.CutSuffix(name, ".base64"); ok {
			name = n
			if data, err = base64.StdEncoding.DecodeString(strings.TrimSpace(string(f.Data))); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		writeFile(t, filepath.Join(src, name), data)
	}

	res, buildErr := Build(context.Background(), opts)
	got := map[string][]byte{}
	if buildErr != nil {
		got["errors"] = []byte(buildErr.Error() + "\n")
	} else {
		got = readTree(t, dest, "public/")
		for name, data := range got {
			if info, ok := describeImage(name, data); ok {
				got[name] = []byte(info + "\n")
				continue
			}
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
	ignore.apply(t, got)
	if *update {
		rewrite(t, file, ar, got)
		return
	}
	compare(t, ar, ignore, got)
}

// ignorePatterns are the patterns of an archive's "ignore" file.
type ignorePatterns []string

// fixtureIgnore reads the archive's "ignore" file: one pattern a line,
// "#" to the end of the line a comment.
func fixtureIgnore(t *testing.T, ar *txtar.Archive) ignorePatterns {
	t.Helper()
	var pats ignorePatterns
	for _, f := range ar.Files {
		if f.Name != "ignore" {
			continue
		}
		for line := range strings.Lines(string(f.Data)) {
			line, _, _ = strings.Cut(line, "#")
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if _, err := path.Match(line, ""); err != nil || !strings.HasPrefix(line, "public/") {
				t.Fatalf("ignore: bad pattern %q: want a path.Match pattern of outputs, public/…", line)
			}
			pats = append(pats, line)
		}
	}
	return pats
}

// match reports whether an output name is ignored.
func (pats ignorePatterns) match(name string) bool {
	for _, p := range pats {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
}

// apply removes the ignored outputs from got, and fails the test for a
// pattern that matched none of a successful build's outputs.
func (pats ignorePatterns) apply(t *testing.T, got map[string][]byte) {
	t.Helper()
	if _, failed := got["errors"]; failed {
		return
	}
	for _, p := range pats {
		n := 0
		for name := range got {
			if ok, _ := path.Match(p, name); ok {
				delete(got, name)
				n++
			}
		}
		if n == 0 {
			t.Errorf("ignore: %q matches no output; remove it", p)
		}
	}
}

// compare checks the build's result against the archive's expected files,
// both ways: every expected file must have been produced with the same
// bytes, and every file produced (but the ignored ones) must be expected.
func compare(t *testing.T, ar *txtar.Archive, ignore ignorePatterns, got map[string][]byte) {
	t.Helper()
	want := map[string][]byte{}
	for _, f := range ar.Files {
		if !isExpected(f.Name) {
			continue
		}
		if ignore.match(f.Name) {
			t.Errorf("%s is both expected and ignored", f.Name)
			continue
		}
		want[f.Name] = f.Data
	}
	if e, failed := got["errors"]; failed && want["errors"] == nil {
		t.Fatalf("the build failed:\n%s", e)
	}
	if _, failed := want["errors"]; failed && got["errors"] == nil {
		t.Errorf("the build succeeded, want it to fail with:\n%s", want["errors"])
	}
	for _, name := range slices.Sorted(maps.Keys(mergeKeys(want, got))) {
		w, expected := want[name]
		g, produced := got[name]
		switch {
		case !produced && name == "warnings":
			t.Errorf("no warnings, want:\n%s", w)
		case !produced:
			t.Errorf("%s was not produced", name)
		case !expected && name == "warnings":
			t.Errorf("unexpected warnings (a fixture without a warnings file expects none):\n%s", g)
		case !expected:
			t.Errorf("%s was produced but the archive does not list it (add it, or ignore it with a reason):\n%s", name, g)
		case !bytes.Equal(g, w):
			t.Errorf("%s:\n%s\nwant:\n%s", name, g, w)
		}
	}
}

// mergeKeys returns a map with the keys of a and b.
func mergeKeys(a, b map[string][]byte) map[string]bool {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return keys
}

// rewrite replaces the expected files of an archive with what the build
// produced (got, the ignored outputs already removed), keeping the site's
// files and the ignore section as they are.
func rewrite(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte) {
	t.Helper()
	var kept []txtar.File
	for _, f := range ar.Files {
		if !isExpected(f.Name) {
			kept = append(kept, f)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
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

// builtinShortcodes is a theme holding the default theme's shortcode
// templates, the partials they call and the image hook, layouts/shortcodes/,
// layouts/partials/ and layouts/_markup/ at the repository's root, and
// nothing else: fixtures see the built-ins without the theme's pages.
func builtinShortcodes(t *testing.T) fstest.MapFS {
	fsys := fstest.MapFS{}
	root := os.DirFS("../..")
	// The partials speak through T; the image hook shares picture.html with figure.
	for _, dir := range []string{"layouts/shortcodes", "layouts/partials", "layouts/_markup", "i18n"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}
