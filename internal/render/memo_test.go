package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
)

// TestMemo renders, twice each, two lists that share items. With a Memo,
// a partial run on an item runs once for every list and writes the same
// output each time; one run on the page template's own data, or on a
// value the Memo does not keep, or past its budget, runs every time.
func TestMemo(t *testing.T) {
	type item struct{ Name string }
	type list struct {
		Title string
		Items []*item
		Names []string
	}
	runs := map[string]int{}
	r, err := New(mapFS(map[string]string{
		"layouts/_default/list.html": `<h1>{{ partial "title.html" . }}</h1>` +
			`{{ range .Items }}{{ partial "card.html" . }}{{ end }}` +
			`{{ range .Names }}{{ partial "name.html" . }}{{ end }}`,
		"layouts/partials/title.html": `{{ run "title" }}{{ .Title }}`,
		"layouts/partials/card.html":  `{{ run "card" }}<b>{{ .Name }}</b>`,
		"layouts/partials/name.html":  `{{ run "name" }}<i>{{ . }}</i>`,
	}), nil, template.FuncMap{"run": func(name string) string { runs[name]++; return "" }})
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := &item{"a"}, &item{"b <&>"}, &item{"c"}
	lists := []*list{
		{Title: "one", Items: []*item{a, b}, Names: []string{"x"}},
		{Title: "two", Items: []*item{b, c, a}, Names: []string{"x"}},
	}
	want := []string{
		`<h1>one</h1><b>a</b><b>b &lt;&amp;&gt;</b><i>x</i>`,
		`<h1>two</h1><b>b &lt;&amp;&gt;</b><b>c</b><b>a</b><i>x</i>`,
	}
	runsWith := func(memo *Memo) string {
		t.Helper()
		clear(runs)
		for range 2 {
			for i, l := range lists {
				var out strings.Builder
				if err := r.ExecuteWith(&out, "layouts/_default/list.html", l, memo); err != nil {
					t.Fatal(err)
				}
				if out.String() != want[i] {
					t.Errorf("list %s:\n%s\nwant\n%s", l.Title, &out, want[i])
				}
			}
		}
		return fmt.Sprint(runs)
	}
	pointers := func(v any) bool { return reflect.ValueOf(v).Kind() == reflect.Pointer }
	for _, tt := range []struct {
		name string
		memo *Memo
		want string
	}{
		{"no memo", nil, "map[card:10 name:4 title:4]"},
		{"a memo of pointers", NewMemo(1<<20, pointers), "map[card:3 name:4 title:4]"},
		{"a memo of pointers but b", NewMemo(1<<20, func(v any) bool { return pointers(v) && v != b }),
			"map[card:6 name:4 title:4]"},
		{"a memo with room for one card", NewMemo(int64(len("<b>a</b>")), pointers), "map[card:7 name:4 title:4]"},
	} {
		if got := runsWith(tt.memo); got != tt.want {
			t.Errorf("%s: runs %s, want %s", tt.name, got, tt.want)
		}
	}
}
