package links

import (
	"slices"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/markdown"
)

// CheckPage reports what Check reports, names every output file it looked
// up, resolves a page's links once, and Same tells the slice a Page was
// made from from an equal one.
func TestCheckPage(t *testing.T) {
	s := testSite()
	dev := &Page{File: "content/roles/dev.md", URL: "/roles/dev/", Links: []markdown.Link{
		{Dest: "/jobs/back-end/", Line: 5, Col: 1},
		{Dest: "/jobs/nope#pay", Line: 41, Col: 7},
		{Dest: "#gone", Line: 50, Col: 12},
		{Dest: "https://example.com/", Line: 51, Col: 1},
	}}
	job := &Page{File: "content/jobs/back-end.md", URL: "/jobs/back-end/", Links: []markdown.Link{{Dest: "../", Line: 3, Col: 2}, {Dest: "#q&a", Line: 4, Col: 1}, {Dest: "x/", Line: 9, Col: 4}}}
	for _, tc := range []struct {
		page         *Page
		want         string
		wantLookedUp []string
	}{
		{dev, strings.Join([]string{
			`content/roles/dev.md:41:7: link "/jobs/nope#pay" points to no page`,
			`content/roles/dev.md:50:12: link "#gone" points to no anchor "gone" on /roles/dev/`,
		}, "\n"), []string{"jobs/back-end/index.html", "jobs/nope", "jobs/nope/index.html", "roles/dev/index.html"}},
		{job, `content/jobs/back-end.md:9:4: link "x/" points to no page`,
			[]string{"jobs/index.html", "jobs/back-end/index.html", "jobs/back-end/x/index.html"}},
	} {
		for run := range 2 { // the second run checks the links resolved by the first
			broken, lookedUp := s.CheckPage(tc.page)
			var got []string
			for _, b := range broken {
				got = append(got, b.Error())
			}
			if g := strings.Join(got, "\n"); g != tc.want {
				t.Errorf("%s, run %d: CheckPage =\n%s\nwant\n%s", tc.page.File, run, g, tc.want)
			}
			if !slices.Equal(lookedUp, tc.wantLookedUp) {
				t.Errorf("%s, run %d: looked up %q, want %q", tc.page.File, run, lookedUp, tc.wantLookedUp)
			}
			if len(tc.page.refs) != len(tc.page.Links) {
				t.Fatalf("%s, run %d: %d of %d links resolved", tc.page.File, run, len(tc.page.refs), len(tc.page.Links))
			}
		}
	}
	if !dev.Same(dev.Links) {
		t.Error("Same(its own links) = false")
	}
	if dev.Same(append([]markdown.Link(nil), dev.Links...)) {
		t.Error("Same(a copy of its links) = true, want false: a page converted again has new links")
	}
}
