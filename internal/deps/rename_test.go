package deps

import (
	"maps"
	"slices"
	"testing"

	"github.com/careersite/careersite/internal/model"
)

// TestReadersRename: an output renamed sees the changes it saw under its
// old name, by page, shared and as a reader of anything; the old name
// sees none.
func TestReadersRename(t *testing.T) {
	a, home := &model.Page{}, &model.Page{}
	shared := &Shared{}
	r := NewReaders(
		[]string{"old/index.html", "list.html", "any.html"},
		[]Reads{
			{Pages: []Read{Whole(a), {Page: home, groups: gLink}}, Shared: []*Shared{shared}, All: true},
			{Pages: []Read{{Page: a, groups: gLink}}},
			{All: true},
		})
	r.Rename("old/index.html", "new/index.html")
	for _, tc := range []struct {
		name string
		page *model.Page
		c    Changes
		want []string
	}{
		{"a's body", a, Changes{gContent}, []string{"any.html", "new/index.html"}},
		{"a's title", a, Changes{gLink}, []string{"any.html", "list.html", "new/index.html"}},
		{"home's title", home, Changes{gLink}, []string{"any.html", "new/index.html"}},
	} {
		redo := map[string]bool{}
		r.See(tc.page, tc.c, redo)
		if got := slices.Sorted(maps.Keys(redo)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: redo %v, want %v", tc.name, got, tc.want)
		}
	}
	if _, ok := r.ids["old/index.html"]; ok {
		t.Error("the old name is still an output")
	}
	// Renamed back onto a name taken by an output that read the
	// home page, that output's reads are no more.
	r.Rename("list.html", "new/index.html")
	redo := map[string]bool{}
	r.See(home, Changes{gLink}, redo)
	if got := slices.Sorted(maps.Keys(redo)); !slices.Equal(got, []string{"any.html"}) {
		t.Errorf("home's title after the second rename: redo %v, want [any.html]", got)
	}
}
