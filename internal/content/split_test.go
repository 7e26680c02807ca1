package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// splitWhole is split as it was before frontMatterFeed: the library
// reading the whole file.
func splitWhole(src []byte) (parts, error) {
	var (
		s parser
		c captured
	)
	open, first := firstLine(src)
	p, err := s.splitFrom(bytes.NewReader(src), src, &c, open, first)
	if err != nil {
		return p, err // a typed nil would not compare equal
	}
	return p, nil
}

// TestSplitReadsOnlyFrontMatter: the library, fed only the lines it
// decides on, splits every fixture page and every odd input as it does
// reading the whole file, and reads no more of a body than its first
// line.
func TestSplitReadsOnlyFrontMatter(t *testing.T) {
	long := strings.Repeat("A body line, long enough to matter.\n", 400)
	inputs := map[string][]byte{
		"no front matter":        []byte("Just a body.\n---\nwith a rule\n"),
		"blank lines, no fm":     []byte("\n\n  \nbody\n"),
		"only blank lines":       []byte("\n\n\n"),
		"empty file":             nil,
		"empty yaml":             []byte("---\n---\nbody\n"),
		"empty toml":             []byte("+++\n+++\n"),
		"yaml, body with ---":    []byte("---\ntitle: T\n---\nbody\n---\nmore: x\n---\n" + long),
		"toml":                   []byte("+++\ntitle = \"T\"\n+++\n" + long),
		"json":                   []byte("{\n\"title\": \"T\"\n}\n\n" + long),
		"json, no empty line":    []byte("{\n\"title\": \"T\"\n}\nbody\n}\n\nrest\n"),
		"json unclosed":          []byte("{\n\"title\": \"T\"\n}\nbody\n"),
		"yaml unclosed":          []byte("---\ntitle: T\n" + long),
		"only an opener":         []byte("---"),
		"opener, no newline end": []byte("---\ntitle: T\n---"),
		"blank lines first":      []byte("\n\n---\ntitle: T\n---\nbody\n"),
		"indented delimiters":    []byte("  ---  \ntitle: T\n\t---\nbody\n"),
		"crlf":                   clean([]byte("---\r\ntitle: T\r\n---\r\nbody\r\n")),
		"bom":                    clean([]byte("\ufeff---\ntitle: T\n---\nbody\n")),
		"lone cr":                clean([]byte("---\rtitle: T\r---\rbody\r")),
		"a long front matter":    []byte("---\ntitle: " + strings.Repeat("x", 10000) + "\n---\nbody\n"),
		"no final newline":       []byte("---\ntitle: T\n---\nbody"),
	}
	for name, data := range fixturePages(t) {
		inputs[name] = clean(data)
	}
	for name, src := range inputs {
		want, wantErr := splitWhole(src)
		var s parser
		got, err := s.split(src)
		if !reflect.DeepEqual(got, want) || (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Errorf("%s: split = %+v, %v; reading the whole file: %+v, %v", name, got, err, want, wantErr)
		}
		// Of a body, the library reads at most the first line, to find no
		// front matter opened there.
		open, _ := firstLine(src)
		if allowed := max(len(src)-len(got.body), lineEnd(src, offsetOfLine(src, open))); err == nil && s.feed.off > allowed {
			t.Errorf("%s: the library read %d bytes, %d past the front matter", name, s.feed.off, s.feed.off-allowed)
		}
	}
}

// fixturePages returns the content files of the txtar fixtures of
// content and site, the example site's pages and the fuzz seeds, by name.
func fixturePages(t *testing.T) map[string][]byte {
	t.Helper()
	pages := map[string][]byte{}
	archives, _ := filepath.Glob("../*/testdata/*.txtar")
	for _, file := range archives {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".md") {
				pages[file+":"+f.Name] = f.Data
			}
		}
	}
	filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			pages[p] = data
		}
		return nil
	})
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzParse/*")
	for _, file := range seeds {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, quoted, _ := strings.Cut(string(data), "[]byte(")
		if v, err := strconv.Unquote(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(quoted), ")"))); err == nil {
			pages[file] = []byte(v)
		}
	}
	if len(pages) < 100 {
		t.Fatalf("found %d fixture pages; the globs are wrong", len(pages))
	}
	return pages
}
