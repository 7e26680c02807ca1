package career

import (
	"flag"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata")

// TestDecodeFixtures decodes every KIND/NAME.yaml of testdata/decode.txtar
// as KIND and compares the problems with KIND/NAME.want.
func TestDecodeFixtures(t *testing.T) {
	const file = "testdata/decode.txtar"
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{} // name -> index of its .want file
	for i, f := range ar.Files {
		if name, ok := strings.CutSuffix(f.Name, ".want"); ok {
			want[name] = i
		}
	}
	var out []txtar.File
	for _, f := range ar.Files {
		name, ok := strings.CutSuffix(f.Name, ".yaml")
		if !ok {
			continue
		}
		got := problems(t, path.Dir(name), f.Data)
		out = append(out, f, txtar.File{Name: name + ".want", Data: []byte(got)})
		i, ok := want[name]
		delete(want, name)
		switch {
		case *update:
		case !ok:
			t.Errorf("%s: no %s.want file; run go test -update", f.Name, name)
		case string(ar.Files[i].Data) != got:
			t.Errorf("%s: Decode problems:\n%s\nwant:\n%s", f.Name, got, ar.Files[i].Data)
		}
	}
	// A .want file whose .yaml is gone asserts nothing: fail, so that
	// every expectation in the archive is one that is checked.
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if !*update {
			t.Errorf("%s.want has no %s.yaml; run go test -update to drop it", name, name)
		}
	}
	if *update {
		ar.Files = out
		if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}

// problems decodes src as kind and lists its problems, sorted by position.
func problems(t *testing.T, kind string, src []byte) string {
	t.Helper()
	doc, perr := decode.Parse(src)
	if perr != nil {
		t.Fatalf("%s: %v", kind, perr)
	}
	_, errs := Decode(kind, doc.Content[0])
	slices.SortStableFunc(errs, diag.Compare)
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}
