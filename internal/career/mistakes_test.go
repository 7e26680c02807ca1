package career_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
)

// TestPlantedMistakes loads testdata/mistakes.txtar as a site, as a check
// would: every page, broken or not, then every page reference against
// every page; its want file holds the exact problems.
func TestPlantedMistakes(t *testing.T) {
	const file = "testdata/mistakes.txtar"
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	want := -1
	for i, f := range ar.Files {
		if f.Name == "want" {
			want = i
			continue
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	got := checkSite(t, fsys)
	if n := strings.Count(got, "\n"); n != 10 {
		t.Errorf("%d problems, want the 10 planted:\n%s", n, got)
	}
	if update() {
		ar.Files[want].Data = []byte(got)
		if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != string(ar.Files[want].Data) {
		t.Errorf("problems:\n%s\nwant:\n%s", got, ar.Files[want].Data)
	}
}

// update reports whether -update was given; the flag is defined by the
// package's internal tests.
func update() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// checkSite returns every problem of the site in fsys, one a line.
func checkSite(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	pages, err := content.LoadAll(context.Background(), fsys, config.Default())
	var all []*diag.Error
	for _, e := range unjoin(err) {
		var de *diag.Error
		if !errors.As(e, &de) {
			t.Fatalf("not a *diag.Error: %v", e)
		}
		all = append(all, de)
	}
	kinds := map[string]string{}
	for _, p := range pages {
		kinds[p.URL] = p.Kind
	}
	resolve := func(url string) (string, bool) { k, ok := kinds[url]; return k, ok }
	for _, p := range pages {
		all = append(all, career.CheckRefs(p.Path, p.Career, resolve)...)
	}
	slices.SortStableFunc(all, diag.Compare)
	var b strings.Builder
	for _, e := range all {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err != nil {
		return []error{err}
	}
	return nil
}
