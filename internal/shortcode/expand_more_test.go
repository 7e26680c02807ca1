package shortcode

import (
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/search"
)

func TestExpandErrors(t *testing.T) {
	tests := []struct{ name, in, want, wantErr string }{
		{"unknown with a suggestion", "Intro.\n\n{{< fgure src=x >}}\n", "<p>Intro.</p>\n",
			`content/x.md:5:1: unknown shortcode "fgure"; did you mean "figure"?`},
		{"unknown without one", `{{< zzzzzz >}}x{{< /zzzzzz >}}`, "",
			`content/x.md:3:1: unknown shortcode "zzzzzz" (no layouts/shortcodes/zzzzzz.html)`},
		{"template fails", "a\n  {{< bad >}} b\n", "<p>a\n b</p>\n",
			`content/x.md:4:3: shortcode "bad": layouts/shortcodes/bad.html:2:4: ` +
				`at <.Nope>: can't evaluate field Nope in type *shortcode.Context`},
		{"every error, in order, the rest expanded", "{{< icn 1 >}}\n{{< icon 2 >}}\n{{% nte %}}x{{% /nte %}}\n{{< bad >}}",
			"<p>\n<span class=\"icon\">2</span></p>\n",
			`content/x.md:3:1: unknown shortcode "icn"; did you mean "icon"?` + "\n" +
				`content/x.md:5:1: unknown shortcode "nte"; did you mean "note"?` + "\n" +
				`content/x.md:6:1: shortcode "bad": layouts/shortcodes/bad.html:2:4: at <.Nope>: can't evaluate field Nope in type *shortcode.Context`},
		{"error inside a shortcode that runs", `{{< details summary="s" >}}{{< fgure >}}{{< /details >}}`,
			"<details><summary>s</summary></details>\n",
			`content/x.md:3:28: unknown shortcode "fgure"; did you mean "figure"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, _, err := pipeline(t, tt.in, 3)
			if got != tt.want {
				t.Errorf("pipeline(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
			var lines []string
			for _, e := range diag.Leaves(err) {
				var d *diag.Error
				if !errors.As(e, &d) {
					t.Errorf("error %v is a %T, want *diag.Error", e, e)
				}
				lines = append(lines, e.Error())
			}
			if got := strings.Join(lines, "\n"); got != tt.wantErr {
				t.Errorf("pipeline(%q) errors:\n%s\nwant:\n%s", tt.in, got, tt.wantErr)
			}
		})
	}
}

// TestExpandKeepsLines checks that links after shortcodes keep the lines
// of the file, whatever the shortcodes span: in the Markdown itself, and
// through Line after {{% %}} output longer than its source.
func TestExpandKeepsLines(t *testing.T) {
	body := strings.Join([]string{
		"{{< details summary=\"s\" >}}", // line 5
		"",
		"[in](/a/)",
		"",
		"{{< /details >}}",
		"a {{< raw >}}x", // line 10
		"",
		"y{{< /raw >}} [b](/b/)",
		"{{% note %}}",
		"z",
		"{{% /note %}}", // line 15
		"{{< figure",
		"  src=\"x\" alt=\"\" >}}",
		"[c](/c/) {{% list 1 2 %}}", // two lines of output for one
		"[d](/d/)",
		"{{% list 3 4 %}} {{% list 5 6 %}}", // line 20, two more
		"{{% list 7 8 %}}",                  // one more
		"[e](/e/)",
		"",
	}, "\n")
	_, exp, res, err := pipeline(t, body, 5)
	if err != nil {
		t.Fatal(err)
	}
	md := string(exp.Markdown)
	before, _, _ := strings.Cut(md, "[c]")
	if got, want := strings.Count(before, "\n"), 13; got != want {
		t.Errorf("Markdown before [c] has %d lines, body %d:\n%s", got, want, md)
	}
	var got []string
	for _, l := range res.Links {
		got = append(got, fmt.Sprintf("%s@%d→%d", l.Dest, l.Line, exp.Line(l.Line)))
	}
	// The link inside details is in its .Inner, not in the page's Markdown.
	want := []string{"/b/@12→12", "/c/@18→18", "/d/@20→19", "/e/@26→22"}
	if !slices.Equal(got, want) {
		t.Errorf("links = %q, want %q\nMarkdown:\n%s", got, want, md)
	}
	for n, want := range map[int]int{18: 18, 19: 18, 20: 19, 21: 20, 22: 20, 23: 20, 24: 21, 25: 21, 26: 22} {
		if got := exp.Line(n); got != want {
			t.Errorf("Line(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestTakesInner(t *testing.T) {
	x, _ := newTestExpander(t)
	for name, want := range map[string]bool{
		"details": true, "note": true, "raw": true, "parent": true,
		"icon": false, "figure": false, "about": false, "missing": false,
	} {
		if got := x.TakesInner(name); got != want {
			t.Errorf("TakesInner(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestReadsInner(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{`{{ .Inner }}`, true},
		{`{{ with $.Inner }}x{{ end }}`, true},
		{`{{ if .Get 0 }}{{ else }}{{ .Inner | printf "%s" }}{{ end }}`, true},
		{`{{ range .Params }}{{ $.Inner }}{{ end }}`, true},
		{`{{ define "x" }}{{ .Inner }}{{ end }}{{ template "x" . }}`, true},
		{`{{ .Parent.Inner }}`, false},
		{`{{ (.Parent).Inner }}`, false},
		{`Inner {{ .Get "Inner" }}`, false},
		{`{{ partial "p" . }}`, false}, // the partial reads .Inner: it is not the shortcode's template
	}
	for _, tt := range tests {
		r, err := renderNew(map[string]string{
			"layouts/shortcodes/s.html": tt.src,
			"layouts/partials/p.html":   `{{ .Inner }}`,
		})
		if err != nil {
			t.Fatal(err)
		}
		set, _ := r.Set("layouts/shortcodes/s.html")
		if got := readsInner(set, "layouts/shortcodes/s.html"); got != tt.want {
			t.Errorf("readsInner(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestExpandAfterConvert covers what a page has besides its HTML: the
// summary, the table of contents, heading texts and the search text.
func TestExpandAfterConvert(t *testing.T) {
	body := "Hello {{< icon \"star\" >}}.\n\n## Pay {{< icon \"$\" >}}\n\n## Other\n\n[x]({{< ref \"a&b\" >}})\n"
	got, exp, res, err := pipeline(t, body, 1)
	if err != nil {
		t.Fatal(err)
	}
	text := func(h string) string { return strings.TrimSpace(search.Text(h)) }
	if got, want := string(exp.HTML(res.Summary)), `<p>Hello <span class="icon">star</span>.</p>`+"\n"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	toc := exp.Replace(string(res.TOC), func(h string) string { return html.EscapeString(text(h)) })
	if want := `<a href="#pay-shortcode0n1e">Pay $</a>`; !strings.Contains(toc, want) {
		t.Errorf("TOC = %q, want it to hold %q", toc, want)
	}
	if got := exp.Replace(res.Headings[0].Text, text); got != "Pay $" {
		t.Errorf("heading text = %q, want %q", got, "Pay $")
	}
	if got := exp.Replace(res.Links[0].Dest, func(h string) string { return html.UnescapeString(h) }); got != "/jobs/a&b/" {
		t.Errorf("link = %q, want /jobs/a&b/", got)
	}
	if s := search.Text(got); strings.Contains(s, "SHORTCODE") || strings.Contains(s, "{{") || !strings.Contains(s, "star") {
		t.Errorf("search text %q, want the shortcodes' text", s)
	}
	if want := []string{"icon", "ref"}; !slices.Equal(exp.Shortcodes, want) {
		t.Errorf("Shortcodes = %q, want %q", exp.Shortcodes, want)
	}
}

// TestExpandNothing checks that a body without shortcodes costs nothing
// after Convert.
func TestExpandNothing(t *testing.T) {
	x, _ := newTestExpander(t)
	body := []byte("Just text {{ not a shortcode }}.\n")
	nodes, _ := Parse(body, x.Options(1))
	exp, err := x.Expand(body, nodes, testPageInfo)
	if err != nil || &exp.Markdown[0] != &body[0] {
		t.Fatalf("Expand = %q, %v; want the body itself", exp.Markdown, err)
	}
	h := []byte("<p>SHORTCODE0N0E</p>")
	if got := exp.HTML(h); &got[0] != &h[0] {
		t.Errorf("HTML copied the page")
	}
	var none *Expansion
	if got := none.Replace("x", nil); got != "x" {
		t.Errorf("nil Replace = %q", got)
	}
}

// TestExpandConcurrent runs one Expander from many goroutines, as a
// build's workers do (run with -race).
func TestExpandConcurrent(t *testing.T) {
	x, _ := newTestExpander(t)
	body := []byte("{{< details summary=\"s\" >}}{{< icon 1 >}}{{< /details >}} {{% note %}}x{{% /note %}}")
	nodes, err := Parse(body, x.Options(1))
	if err != nil {
		t.Fatal(err)
	}
	first, _ := x.Expand(body, nodes, testPageInfo)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			exp, err := x.Expand(body, nodes, testPageInfo)
			if err != nil || string(exp.Markdown) != string(first.Markdown) || !slices.Equal(exp.outputs, first.outputs) {
				t.Errorf("Expand = %q, %v; want %q", exp.Markdown, err, first.Markdown)
			}
		})
	}
	wg.Wait()
}
