package site

import (
	"errors"
	"testing"
)

// TestJoinSorted: errors without a position first, then by path, line and
// column, and errors at one place by their text, whatever order they came
// in (rendering on all cores finishes pages in any order).
func TestJoinSorted(t *testing.T) {
	in := []error{
		errors.New("layouts/x.html:1:5: no partial (rendering content/b.md)"),
		errors.New("content/a.md:2:1: bad date"),
		errors.New("layouts/x.html:1:5: no partial (rendering content/a.md)"),
		errors.New("no layouts at all"),
		errors.New("content/a.md:10:1: bad salary"),
	}
	want := "no layouts at all\n" +
		"content/a.md:2:1: bad date\n" +
		"content/a.md:10:1: bad salary\n" +
		"layouts/x.html:1:5: no partial (rendering content/a.md)\n" +
		"layouts/x.html:1:5: no partial (rendering content/b.md)"
	if got := joinSorted(in).Error(); got != want {
		t.Errorf("joinSorted:\n%s\nwant\n%s", got, want)
	}
	rev := []error{in[4], in[3], in[2], in[1], in[0]}
	if got := joinSorted(rev).Error(); got != want {
		t.Errorf("joinSorted of the same errors in another order:\n%s\nwant\n%s", got, want)
	}
}
