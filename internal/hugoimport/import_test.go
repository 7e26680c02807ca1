package hugoimport

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/*.txtar")

// fileTime is the modification time of every file of a fixture's Hugo
// site, so that a page without a date gets the same one in every run.
var fileTime = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

// importNow is the time the fixtures are imported at.
var importNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TestFixtures imports the Hugo site of each testdata/*.txtar, its files
// under hugo/, and compares the whole imported site with its files under
// want/ (IMPORT.md included), or the error with its file error. A file
// sections holds --section values, one SECTION=KIND a line. The
// folders' paths read $SRC and $DEST. go test -update rewrites want/ and
// error.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runFixture(t, file)
		})
	}
}

func runFixture(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	src, dest := writeHugoSite(t, ar), filepath.Join(t.TempDir(), "dest")
	before := readTree(t, src)
	rep, err := Import(context.Background(), Options{
		Source: src, Dest: dest, Sections: fixtureSections(ar),
		Theme: careersite.Theme(), Now: importNow,
	})
	if after := readTree(t, src); !maps.EqualFunc(before, after, bytes.Equal) {
		t.Errorf("the import changed its source")
	}
	got := map[string][]byte{}
	if err != nil {
		got["error"] = []byte(err.Error() + "\n")
	} else {
		got = readTree(t, dest)
		var term bytes.Buffer
		rep.WriteTerminal(&term)
		got["terminal"] = term.Bytes()
	}
	for name, data := range got {
		data = bytes.ReplaceAll(data, []byte(src), []byte("$SRC"))
		got[name] = bytes.ReplaceAll(data, []byte(dest), []byte("$DEST"))
	}
	if *update {
		rewriteWant(t, file, ar, got)
		return
	}
	compareWant(t, ar, got)
}

// writeHugoSite writes the archive's hugo/ files into a new folder.
func writeHugoSite(t *testing.T, ar *txtar.Archive) string {
	src := filepath.Join(t.TempDir(), "hugo")
	for _, f := range ar.Files {
		name, ok := strings.CutPrefix(f.Name, "hugo/")
		if !ok {
			continue
		}
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, fileTime, fileTime); err != nil {
			t.Fatal(err)
		}
	}
	return src
}

func fixtureSections(ar *txtar.Archive) map[string]string {
	m := map[string]string{}
	for _, f := range ar.Files {
		if f.Name != "sections" {
			continue
		}
		for l := range strings.Lines(string(f.Data)) {
			if sec, kind, ok := strings.Cut(strings.TrimSpace(l), "="); ok {
				m[sec] = kind
			}
		}
	}
	return m
}

// readTree returns every file under dir by its slash path, under want/.
func readTree(t *testing.T, dir string) map[string][]byte {
	got := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got["want/"+filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// expected are the archive's files an import is compared with.
func expected(ar *txtar.Archive) map[string][]byte {
	want := map[string][]byte{}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") || f.Name == "error" || f.Name == "terminal" {
			want[f.Name] = f.Data
		}
	}
	return want
}

func compareWant(t *testing.T, ar *txtar.Archive, got map[string][]byte) {
	want := expected(ar)
	for _, name := range sortedKeys(want) {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("%s: missing from the import", name)
		case !bytes.Equal(g, want[name]):
			t.Errorf("%s: got\n%s\nwant\n%s", name, g, want[name])
		}
	}
	for _, name := range sortedKeys(got) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: written by the import but not expected:\n%s", name, got[name])
		}
	}
}

func rewriteWant(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte) {
	old := expected(ar)
	ar.Files = slices.DeleteFunc(ar.Files, func(f txtar.File) bool {
		_, isWant := old[f.Name]
		return isWant
	})
	for _, name := range sortedKeys(got) {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: got[name]})
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
		t.Fatal(err)
	}
}
