package images

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestLookupKeepsRootedRefs: a root-relative ref is resolved once for
// every page until Reset, and found where it is then; a ref relative to
// the page is resolved on each Lookup.
func TestLookupKeepsRootedRefs(t *testing.T) {
	svg := &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>`)}
	site := fstest.MapFS{"assets/img/a.svg": svg}
	theme := fstest.MapFS{"assets/img/a.svg": svg, "assets/img/b.svg": svg}
	assets := Assets(site, theme)
	asked := map[string]int{}
	resolve := func(page, ref string) (Location, error) {
		asked[ref]++
		return assets(page, ref)
	}
	s := New(Options{MaxBytes: 1 << 20, MaxPixels: 1 << 20, Resolve: resolve, URL: func(p string) string { return "/" + p }})
	lookup := func(page, ref string) *Source {
		t.Helper()
		src, err := s.Lookup(page, ref)
		if err != nil {
			t.Fatalf("Lookup(%q, %q): %v", page, ref, err)
		}
		return src
	}
	for _, page := range []string{"content/a.md", "content/b.md", ""} {
		if src := lookup(page, "/img/a.svg"); src.Loc.FS == nil || src.Loc.Path != "assets/img/a.svg" {
			t.Fatalf("Lookup(%q, /img/a.svg) = %+v", page, src.Loc)
		}
		s.Lookup(page, "img/a.svg") // relative: ErrExternal from Assets
	}
	if asked["/img/a.svg"] != 1 || asked["img/a.svg"] != 3 {
		t.Errorf("the Resolver was asked %v for three pages, want /img/a.svg once and img/a.svg three times", asked)
	}

	delete(site, "assets/img/a.svg") // the site's file removed: the theme's is found after Reset
	s.Reset()
	src := lookup("content/a.md", "/img/a.svg")
	if _, err := fs.Stat(src.Loc.FS, src.Loc.Path); err != nil || asked["/img/a.svg"] != 2 {
		t.Errorf("after Reset, the Resolver was asked for /img/a.svg %d times in all, want 2, and found it in a folder without it (%v)", asked["/img/a.svg"], err)
	}
	if _, err := s.Lookup("content/a.md", "/img/c.svg"); err == nil {
		t.Error("Lookup of an image that is not there: no error")
	}
}
