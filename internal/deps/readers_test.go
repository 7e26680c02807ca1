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

// TestReadersReplace: the outputs whose reads are replaced see changes
// of the pages they read now, and no longer of those they read before;
// the others' reads stay.
func TestReadersReplace(t *testing.T) {
	a, b, home := &model.Page{}, &model.Page{}, &model.Page{}
	r := NewReaders(
		[]string{"a.html", "list.html", "any.html"},
		[]Reads{
			{Pages: []Read{Whole(a)}},
			{Pages: []Read{{Page: a, groups: gLink}, {Page: home, groups: gOrder}}},
			{All: true},
		})
	r.Replace([]string{"list.html", "any.html"}, []Reads{{Pages: []Read{{Page: b, groups: gLink}, {Page: home, groups: gPager}}}, {}})
	for _, tc := range []struct {
		name string
		page *model.Page
		c    Changes
		want []string
	}{
		{"a's title", a, Changes{gLink}, []string{"a.html"}},
		{"b's title", b, Changes{gLink}, []string{"list.html"}},
		{"the home page's lists", home, ListsReordered(), nil},
		{"the home page's pager", home, PagerReordered(), []string{"list.html"}},
	} {
		redo := map[string]bool{}
		r.See(tc.page, tc.c, redo)
		if got := slices.Sorted(maps.Keys(redo)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: redo %v, want %v", tc.name, got, tc.want)
		}
	}
	// Again, by the index of reads by output the first Replace updated.
	r.Replace([]string{"list.html"}, []Reads{{Pages: []Read{{Page: a, groups: gLink}}}})
	for _, tc := range []struct {
		name string
		page *model.Page
		want []string
	}{{"a's title", a, []string{"a.html", "list.html"}}, {"b's title", b, nil}} {
		redo := map[string]bool{}
		r.See(tc.page, Changes{gLink}, redo)
		if got := slices.Sorted(maps.Keys(redo)); !slices.Equal(got, tc.want) {
			t.Errorf("replaced again, %s: redo %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestReadersDrop: an output dropped is keyed again for no page it read,
// and a page dropped has no readers left.
func TestReadersDrop(t *testing.T) {
	a, term := &model.Page{}, &model.Page{}
	r := NewReaders(
		[]string{"a.html", "term.html", "tags.html"},
		[]Reads{
			{Pages: []Read{Whole(a), {Page: term, groups: gLink}}},
			{Pages: []Read{Whole(term), {Page: a, groups: gLink}}},
			{Pages: []Read{{Page: term, groups: gLink}}},
		})
	r.Drop([]string{"term.html"}, []*model.Page{term})
	for _, tc := range []struct {
		name string
		page *model.Page
		want []string
	}{{"a's title", a, []string{"a.html"}}, {"the dropped page's title", term, nil}} {
		redo := map[string]bool{}
		r.See(tc.page, Changes{gLink}, redo)
		if got := slices.Sorted(maps.Keys(redo)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: redo %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestReadersSweep: an output whose reads are replaced again and again
// sees only the changes of the pages it reads now, and the reads it no
// longer makes are swept out of the pages' lists, which stay as long as
// the reads that are current.
func TestReadersSweep(t *testing.T) {
	section, a, b := &model.Page{}, &model.Page{}, &model.Page{}
	names := []string{"a.html", "b.html", "list.html"}
	r := NewReaders(names, []Reads{
		{Pages: []Read{Whole(a), {Page: section, groups: gLink}}},
		{Pages: []Read{Whole(b), {Page: section, groups: gLink}}},
		{Pages: []Read{{Page: a, groups: gLink}, {Page: section, groups: gOrder}}},
	})
	for i := range 100 {
		read := a
		if i%2 == 1 {
			read = b
		}
		r.Replace([]string{"list.html"}, []Reads{{Pages: []Read{{Page: read, groups: gLink}, {Page: section, groups: gOrder}}}})
		for _, tc := range []struct {
			page *model.Page
			want []string
		}{{a, []string{"a.html"}}, {b, []string{"b.html"}}} {
			if tc.page == read {
				tc.want = append(tc.want, "list.html")
			}
			redo := map[string]bool{}
			r.See(tc.page, Changes{gLink}, redo)
			if got := slices.Sorted(maps.Keys(redo)); !slices.Equal(got, tc.want) {
				t.Fatalf("replaced %d times: redo %v, want %v", i+1, got, tc.want)
			}
		}
	}
	if n := len(r.of[section]); n > 2*3 {
		t.Errorf("the section's list holds %d reads of 3 outputs", n)
	}
}
