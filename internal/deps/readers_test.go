package deps

import (
	"maps"
	"slices"
	"testing"

	"github.com/careersite/careersite/internal/model"
)

// TestReadersSee: a change of a page's group reaches the outputs that
// read that group of that page, those that may read anything, and no
// other.
func TestReadersSee(t *testing.T) {
	a, b := &model.Page{}, &model.Page{}
	r := NewReaders(
		[]string{"a.html", "list.html", "b.html", "sitemap.xml", "any.html"},
		[]Reads{
			{Pages: []Read{Whole(a)}},
			{Pages: []Read{{Page: a, groups: gLink}, {Page: b, groups: gLink}}},
			{Pages: []Read{Whole(b), {Page: a, groups: gSummary}}},
			{Pages: []Read{{Page: a, groups: gMeta}, {Page: b, groups: gMeta}}},
			{All: true},
		})
	for _, tc := range []struct {
		name string
		page *model.Page
		c    Changes
		want []string
	}{
		{"a's title", a, Changes{gLink}, []string{"a.html", "any.html", "list.html"}},
		{"a's body", a, Changes{gContent | gSummary}, []string{"a.html", "any.html", "b.html"}},
		{"b's date", b, Changes{gMeta}, []string{"any.html", "b.html", "sitemap.xml"}},
		{"nothing", a, Changes{}, nil},
	} {
		redo := map[string]bool{}
		r.See(tc.page, tc.c, redo)
		if got := slices.Sorted(maps.Keys(redo)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: redo %v, want %v", tc.name, got, tc.want)
		}
	}
}
