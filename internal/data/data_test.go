package data

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/*.txtar")

// TestLoadFixtures loads every testdata/*.txtar archive as a site: the
// comment says what it shows, its files are the site, and "want" holds the
// tree as indented JSON (each value tagged with its Go type), then the
// exact error text.
func TestLoadFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys, want, hasWant := siteOf(ar)
			got := summary(t, fsys)
			if *update {
				setWant(ar, got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !hasWant {
				t.Fatalf("%s has no want file; run go test -update", file)
			}
			if got != want {
				t.Errorf("Load:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func siteOf(ar *txtar.Archive) (fstest.MapFS, string, bool) {
	fsys := fstest.MapFS{}
	var want string
	var ok bool
	for _, f := range ar.Files {
		if f.Name == "want" {
			want, ok = string(f.Data), true
			continue
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys, want, ok
}

func setWant(ar *txtar.Archive, got string) {
	for i, f := range ar.Files {
		if f.Name == "want" {
			ar.Files[i].Data = []byte(got)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: "want", Data: []byte(got)})
}

// summary loads fsys with small limits (front_matter: 300 bytes) and
// describes the result.
func summary(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	lim := config.DefaultLimits()
	lim.FrontMatter = 300
	tree, err := Load(fsys, lim)
	out, jerr := json.MarshalIndent(typed(tree), "", "  ")
	if jerr != nil {
		t.Fatal(jerr)
	}
	var b strings.Builder
	b.Write(out)
	b.WriteByte('\n')
	if err != nil {
		for _, e := range diag.Leaves(err) {
			var d *diag.Error
			if !errors.As(e, &d) {
				t.Errorf("error %v is a %T, want *diag.Error", e, e)
			}
		}
		fmt.Fprintf(&b, "errors:\n%s\n", err)
	}
	return b.String()
}

// typed marks each leaf with its Go type, so that the fixtures show that a
// CSV's 133080 is an int and "133080" a string.
func typed(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = typed(e)
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, e := range v {
			l[i] = typed(e)
		}
		return l
	case nil:
		return nil
	case time.Time:
		return "time.Time " + v.Format(time.RFC3339)
	}
	return fmt.Sprintf("%T %v", v, v)
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"oews-2024", "oews_2024"},
		{"salaries", "salaries"},
		{"a.b c--d", "a_b_c_d"},
		{"2024", "_2024"},
		{"_x", "_x"},
		{"café", "café"},
		{"---", "_"},
		{"", "_"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsDecimal(t *testing.T) {
	yes := []string{"0", "133080", "-2", "+3", "2.5", ".5", "5.", "1e6", "1.5E-3"}
	no := []string{"", "-", ".", "e5", "1e", "1_000", "0x10", "inf", "NaN", "1,000", "$5", " 5", "1.2.3"}
	for _, s := range yes {
		if !isDecimal(s) {
			t.Errorf("isDecimal(%q) = false, want true", s)
		}
	}
	for _, s := range no {
		if isDecimal(s) {
			t.Errorf("isDecimal(%q) = true, want false", s)
		}
	}
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    any
		wantErr string
	}{
		{"numbers and strings", "role,median\nDev,133080\nPR,69780\n",
			[]any{map[string]any{"role": "Dev", "median": 133080}, map[string]any{"role": "PR", "median": 69780}}, ""},
		{"one float makes a float column", "x\n1\n2.5\n", []any{map[string]any{"x": 1.0}, map[string]any{"x": 2.5}}, ""},
		{"empty cells in a number column are nil", "x,y\n1,a\n,b\n", []any{map[string]any{"x": 1, "y": "a"}, map[string]any{"x": nil, "y": "b"}}, ""},
		{"one word keeps the column strings", "x\n1\nn/a\n", []any{map[string]any{"x": "1"}, map[string]any{"x": "n/a"}}, ""},
		{"all empty stays strings", "x,y\n,1\n", []any{map[string]any{"x": "", "y": 1}}, ""},
		{"quoted fields and CRLF", "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n", []any{map[string]any{"a": "x, y", "b": `say "hi"`}}, ""},
		{"header only", "a,b\n", []any{}, ""},
		{"empty", "", nil, "1:1: empty CSV file; want a header row of column names"},
		{"short row: where the missing cell would be", "a,b\n1,2\n3\n", nil, "3:2: the row has 1 cell, the header 2"},
		{"short row with CRLF and no last line break", "a,b\r\n1,2\r\nxé", nil, "3:3: the row has 1 cell, the header 2"},
		{"long row: at the first extra cell", "a,b\n1,2,3,4\n", nil, "2:5: the row has 4 cells, the header 2"},
		{"long row after a quoted line break", "a,b\n\"x\ny\",2,3\n", nil, "3:6: the row has 3 cells, the header 2"},
		{"quote never closed: at the quote", "a,b\n1,\"x\n2,3\n", nil, "2:3: invalid CSV: this quote opens a field that is never closed"},
		{"quote never closed, after a closed one", "a,b\n\"x\"\"y\",\"z\n", nil, "2:8: invalid CSV: this quote opens a field that is never closed"},
		{"header problems", "a,,a\n1,2,3\n", nil, "1:3: column 2 has no name\n1:4: column name \"a\" repeats column 1"},
		{"stray quote", "a,b\n1,x\"y\n", nil, "2:4: invalid CSV: bare \" in non-quoted-field"},
		{"column counts characters", "é,b\n1,\"x\"y\n", nil, "2:5: invalid CSV: extraneous or missing \" in quoted-field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := readCSV([]byte(tt.in))
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			if s := strings.Join(msgs, "\n"); s != tt.wantErr {
				t.Errorf("readCSV(%q) errors:\n%s\nwant:\n%s", tt.in, s, tt.wantErr)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("readCSV(%q) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"data/b.yaml":         {},
		"data/a/x.csv":        {},
		"data/.hidden.yaml":   {},
		"data/.git/x.yaml":    {},
		"data/README.md":      {},
		"content/x.yaml":      {},
		"data/a/y.toml":       {},
		"data/a/z.json":       {},
		"data/a/w.yml":        {},
		"data/a/deeper/q.csv": {},
	}
	got, err := Files(fsys)
	want := []string{"data/a/deeper/q.csv", "data/a/w.yml", "data/a/x.csv", "data/a/y.toml", "data/a/z.json", "data/b.yaml"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Files = %q, %v; want %q", got, err, want)
	}
	if got, err := Files(fstest.MapFS{"content/x.md": {}}); err != nil || got != nil {
		t.Errorf("Files without data/ = %q, %v; want none", got, err)
	}
}
