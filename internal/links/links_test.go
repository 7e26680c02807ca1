package links

import (
	"slices"
	"strings"
	"testing"
)

func testSite() *Site {
	s := New()
	s.AddFile("index.html", []byte(`<main id="main"><h2 id="welcome">Hi</h2></main>`))
	s.AddFile("jobs/index.html", []byte(`<h1 id='jobs'>Jobs</h1>`))
	s.AddFile("jobs/back-end/index.html", []byte("<h2 id=\"pay\">Pay</h2>\n<h2\tid=\"q&amp;a\">Q&amp;A</h2><li id=\"fn:1\">note</li><div data-id=\"nope\"></div>"))
	s.AddFile("roles/dev/index.html", []byte(`<h2 id="duties">Duties</h2>`))
	s.AddFile("css/site.css", []byte(`#pay { id="x" }`))
	s.AddFile("404.html", []byte(`<h1>Not found</h1>`))
	return s
}

// knownSite is testSite made by Known, its files looked up in a map of
// their ids.
func knownSite() *Site {
	files := testSite().files
	return Known(func(name string) (IDs, bool) {
		ids, ok := files[name]
		return ids, ok
	})
}

// TestCheck checks links against testSite, and against knownSite, which
// must find the same.
func TestCheck(t *testing.T) {
	for _, s := range []*Site{testSite(), knownSite()} {
		checkLinks(t, s)
	}
}

func checkLinks(t *testing.T, s *Site) {
	t.Helper()
	for _, tc := range []struct {
		page, dest string
		want       string // "" when the link is fine
	}{
		{"/roles/dev/", "https://example.org/x", ""},
		{"/roles/dev/", "mailto:jobs@example.org", ""},
		{"/roles/dev/", "//cdn.example.org/x.js", ""},
		{"/roles/dev/", "/jobs/back-end/", ""},
		{"/roles/dev/", "/jobs/back-end", ""},
		{"/roles/dev/", "/jobs/back-end/index.html", ""},
		{"/roles/dev/", "/jobs/back-end/#pay", ""},
		{"/roles/dev/", "/jobs/back-end/#q&a", ""},
		{"/roles/dev/", "/jobs/back-end/#fn:1", ""},
		{"/roles/dev/", "/jobs/back-end/?ref=x#pay", ""},
		{"/roles/dev/", "../../jobs/back-end/", ""},
		{"/roles/dev/", "../../jobs/", ""},
		{"/roles/dev/", "#duties", ""},
		{"/roles/dev/", "/", ""},
		{"/roles/dev/", "/#welcome", ""},
		{"/roles/dev/", "/css/site.css", ""},
		{"/roles/dev/", "/css/site.css#whatever", ""},
		{"/roles/dev/", "/404.html", ""},
		{"/roles/dev/", "/jobs/nope/#pay", "points to no page"},
		{"/roles/dev/", "/jobs/back-end/#nope", `points to no anchor "nope" on /jobs/back-end/`},
		{"/roles/dev/", "/jobs/back-end/#main", `points to no anchor "main" on /jobs/back-end/`},
		{"/roles/dev/", "#nope", `points to no anchor "nope" on /roles/dev/`},
		{"/roles/dev/", "../back-end/", "points to no page"},
		{"/roles/dev/", "/css/missing.css", "points to no page"},
		{"/roles/dev/", "/jobs/back-end/index", "points to no page"},
		{"/roles/dev/", "/jobs/%zz", "is not a valid URL"},
	} {
		got := s.check(tc.page, tc.dest)
		if got != tc.want {
			t.Errorf("check(%q, %q) = %q, want %q", tc.page, tc.dest, got, tc.want)
		}
	}
}

func TestCheckReportsPositions(t *testing.T) {
	s := testSite()
	broken := s.Check("content/roles/dev.md", "/roles/dev/", []Link{
		{Dest: "/jobs/back-end/", Line: 5, Col: 1},
		{Dest: "/jobs/nope/#pay", Line: 41, Col: 7},
		{Dest: "#gone", Line: 50, Col: 12},
	})
	var got []string
	for _, b := range broken {
		got = append(got, b.Error())
	}
	want := []string{
		`content/roles/dev.md:41:7: link "/jobs/nope/#pay" points to no page`,
		`content/roles/dev.md:50:12: link "#gone" points to no anchor "gone" on /roles/dev/`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct{ page, in, want string }{
		{"/roles/dev/", "x/", "/roles/dev/x/"},
		{"/roles/dev/", "../x", "/roles/x"},
		{"/roles/dev/", "../../../../x/", "/x/"},
		{"/404.html", "jobs/", "/jobs/"},
		{"/", "./", "/"},
		{"/a/", "/b/./c/../d/", "/b/d/"},
	} {
		if got := resolve(tc.page, tc.in); got != tc.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", tc.page, tc.in, got, tc.want)
		}
	}
}

// TestScanIDs checks the list of ids: sorted, each once, entities decoded,
// and empty but not nil for a page without any (nil means "not HTML").
func TestScanIDs(t *testing.T) {
	ids := ScanIDs([]byte(`<h2 id="pay">a</h2><p id='b&amp;c'></p><h2 id="pay">again</h2><div data-id="no"></div><a id="a">`))
	if want := (IDs{"a", "b&c", "pay"}); !slices.Equal(ids, want) {
		t.Errorf("ScanIDs = %q, want %q", ids, want)
	}
	for _, id := range []string{"a", "b&c", "pay"} {
		if !ids.Has(id) {
			t.Errorf("Has(%q) = false", id)
		}
	}
	if ids.Has("no") || ids.Has("") {
		t.Error("Has reports an id the page does not have")
	}
	if none := ScanIDs([]byte(`<p>no ids</p>`)); none == nil || len(none) != 0 {
		t.Errorf("ScanIDs of a page without ids = %#v, want an empty list", none)
	}
}
