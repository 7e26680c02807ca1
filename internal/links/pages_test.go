package links

import (
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/markdown"
)

// CheckPages reports what Check reports, page after page, skips nil
// pages, resolves a page's links once, and Same tells the slice a Page
// was made from from an equal one.
func TestCheckPages(t *testing.T) {
	s := testSite()
	dev := &Page{File: "content/roles/dev.md", URL: "/roles/dev/", Links: []markdown.Link{
		{Dest: "/jobs/back-end/", Line: 5, Col: 1},
		{Dest: "/jobs/nope/#pay", Line: 41, Col: 7},
		{Dest: "#gone", Line: 50, Col: 12},
	}}
	job := &Page{File: "content/jobs/back-end.md", URL: "/jobs/back-end/", Links: []markdown.Link{{Dest: "../", Line: 3, Col: 2}, {Dest: "#q&a", Line: 4, Col: 1}, {Dest: "x/", Line: 9, Col: 4}}}
	want := strings.Join([]string{
		`content/roles/dev.md:41:7: link "/jobs/nope/#pay" points to no page`,
		`content/roles/dev.md:50:12: link "#gone" points to no anchor "gone" on /roles/dev/`,
		`content/jobs/back-end.md:9:4: link "x/" points to no page`,
	}, "\n")
	for run := range 2 { // the second run checks the links resolved by the first
		var got []string
		for _, err := range s.CheckPages([]*Page{dev, nil, job}) {
			got = append(got, err.Error())
		}
		if g := strings.Join(got, "\n"); g != want {
			t.Errorf("run %d: CheckPages =\n%s\nwant\n%s", run, g, want)
		}
		if len(dev.refs) != len(dev.Links) {
			t.Fatalf("run %d: %d of %d links resolved", run, len(dev.refs), len(dev.Links))
		}
	}
	if !dev.Same(dev.Links) {
		t.Error("Same(its own links) = false")
	}
	if dev.Same(append([]markdown.Link(nil), dev.Links...)) {
		t.Error("Same(a copy of its links) = true, want false: a page converted again has new links")
	}
}
