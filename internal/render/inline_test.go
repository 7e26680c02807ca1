package render

import (
	"testing"
	"text/template/parse"
)

// TestInlinedPartials runs pages whose partials are called in every way the
// inlining must tell apart, several times over: the first run goes through
// the partial func and escapes the partials, later runs execute the
// rewritten trees. Every run must give the first run's output, and only
// the calls that may be inlined are rewritten.
func TestInlinedPartials(t *testing.T) {
	r := newRenderer(t, map[string]string{
		"layouts/partials/card.html":  `<b title="{{ .name }}">{{ .name }}</b>{{ partial "mark" }}`,
		"layouts/partials/mark.html":  `<i>*</i>`,
		"layouts/partials/attr.html":  `{{ .Title }} "q" <x>`,
		"layouts/partials/tree.html":  `[{{ .N }}{{ range .Kids }}{{ partial "tree.html" . }}{{ end }}]`,
		"layouts/partials/named.html": `{{ partial (print "ma" "rk") }}`,
		"layouts/_default/baseof.html": `<p>{{ partial "card.html" (dict "name" .Title) }}</p>` +
			`<a title="{{ partial "attr.html" . }}">{{ partial "attr.html" . | printf "%s!" }}</a>` +
			`{{ $v := partial "mark" }}{{ $v }}{{ partial "named" }}` +
			`{{ if .Kids }}{{ range .Kids }}{{ partial "tree.html" . }}{{ end }}{{ else }}{{ partial "card" (dict "name" "none") }}{{ end }}` +
			`{{ block "main" . }}{{ end }}`,
		"layouts/_default/single.html": `{{ define "main" }}<div>{{ with .Title }}{{ partial "mark.html" }}{{ end }}</div>` +
			`{{ range $k := .Kids }}{{ partial "mark.html" . }}{{ partial "mark.html" $k }}{{ partial "mark.html" .N }}{{ end }}{{ end }}`,
	}, nil)
	type node struct {
		N    int
		Kids []node
	}
	pages := []struct {
		Title string
		Kids  []node
	}{
		{"a <b> & \"c\"", nil},
		{"", []node{{1, []node{{2, nil}}}, {3, nil}}},
	}
	for _, data := range pages {
		first := execute(t, r, "layouts/_default/single.html", data)
		for range 3 {
			if got := execute(t, r, "layouts/_default/single.html", data); got != first {
				t.Fatalf("a later run gave\n%s\nthe first gave\n%s", got, first)
			}
		}
	}
	want := `<p><b title="a &lt;b&gt; &amp; &#34;c&#34;">a &lt;b&gt; &amp; &#34;c&#34;</b><i>*</i></p>` +
		`<a title="a &lt;b&gt; &amp; &#34;c&#34; &#34;q&#34; ">a &amp;lt;b&amp;gt; &amp;amp; &amp;#34;c&amp;#34; &#34;q&#34; &lt;x&gt;!</a>` +
		`<i>*</i><i>*</i><b title="none">none</b><i>*</i><div><i>*</i></div>`
	if got := execute(t, r, "layouts/_default/single.html", pages[0]); got != want {
		t.Errorf("output\n%s\nwant\n%s", got, want)
	}

	in, err := r.borrow(r.pages["layouts/_default/single.html"])
	if err != nil {
		t.Fatal(err)
	}
	inlined := map[string]int{}
	for _, tmpl := range in.set.Templates() {
		if tmpl.Tree == nil {
			continue
		}
		walkNodes(tmpl.Tree.Root, func(n parse.Node) bool {
			if tn, ok := n.(*parse.TemplateNode); ok {
				inlined[tmpl.Name()+" → "+tn.Name]++
			}
			return true
		})
	}
	// In baseof: card twice (in text, in both branches of the if); not
	// attr (in an attribute, piped), not the mark held in $v, not tree
	// (it includes itself), not named (a computed name). In card: mark.
	// In main: mark, and in the range the mark of .N, not those of the
	// element (dot, $k), which a Memo may hold.
	wantInlined := map[string]int{
		"layouts/_default/baseof.html → layouts/partials/card.html": 2,
		"layouts/partials/card.html → layouts/partials/mark.html":   1,
		"main → layouts/partials/mark.html":                         2,
		"layouts/_default/baseof.html → main":                       1, // the block itself
	}
	for k, n := range wantInlined {
		if inlined[k] != n {
			t.Errorf("%s: %d template actions, want %d", k, inlined[k], n)
		}
	}
	for k, n := range inlined {
		if _, ok := wantInlined[k]; !ok && n > 0 {
			t.Errorf("%s: %d template actions, want none", k, n)
		}
	}
}
