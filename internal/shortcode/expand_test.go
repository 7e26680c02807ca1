package shortcode

import (
	"html/template"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/render"
)

// testTemplates are the shortcodes of the tests, in the theme; the site
// overrides one.
var testTemplates = map[string]string{
	"layouts/shortcodes/icon.html":    `<span class="icon">{{ .Get 0 }}</span>`,
	"layouts/shortcodes/figure.html":  "<figure><img src=\"{{ .Get \"src\" }}\" alt=\"{{ .Get \"alt\" }}\"></figure>\n",
	"layouts/shortcodes/details.html": `<details><summary>{{ .Get "summary" }}</summary>{{ .Inner | markdownify }}</details>`,
	"layouts/shortcodes/note.html":    "**Note:** {{ .Inner }}\n",
	"layouts/shortcodes/list.html":    "- {{ .Get 0 }}\n- {{ .Get 1 }}\n",
	"layouts/shortcodes/raw.html":     `<pre>{{ .Inner }}</pre>`,
	"layouts/shortcodes/about.html":   `{{ .Name }} {{ .Position }} {{ .IsNamedParams }} {{ .Params }} {{ .Page.Title }} {{ .Site.Name }}`,
	"layouts/shortcodes/parent.html":  `[{{ with .Parent }}{{ .Name }} {{ .Get "k" }}{{ else }}top{{ end }}]{{ .Inner }}`,
	"layouts/shortcodes/ref.html":     `/jobs/{{ .Get 0 }}/`,
	"layouts/shortcodes/bad.html":     "<b>\n{{ .Nope }}</b>",
	"layouts/shortcodes/over.html":    "theme",
}

var siteTemplates = map[string]string{
	"layouts/shortcodes/over.html": "site",
}

type testPage struct{ Title string }
type testSite struct{ Name string }

// newTestExpander returns an Expander over the test templates and the
// converter that markdownify uses.
func newTestExpander(t *testing.T) (*Expander, *markdown.Converter) {
	t.Helper()
	conv := markdown.New(markdown.Options{})
	funcs := template.FuncMap{"markdownify": func(s string) (template.HTML, error) {
		res, err := conv.Convert([]byte(s), 1)
		if err != nil {
			return "", err
		}
		// Convert's output, raw HTML omitted: safe as HTML.
		return template.HTML(res.HTML), nil
	}}
	r, err := render.New(mapFS(siteTemplates), mapFS(testTemplates), funcs)
	if err != nil {
		t.Fatal(err)
	}
	return NewExpander(r), conv
}

// renderNew returns a Renderer of the theme files.
func renderNew(files map[string]string) (*render.Renderer, error) {
	return render.New(nil, mapFS(files), nil)
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

var testPageInfo = Page{File: "content/x.md", Page: testPage{"A page"}, Site: testSite{"The site"}}

// pipeline runs body, whose first line is file line firstLine, through
// parse → expand → convert → HTML, as a build does.
func pipeline(t *testing.T, body string, firstLine int) (string, *Expansion, *markdown.Result, error) {
	t.Helper()
	x, conv := newTestExpander(t)
	nodes, err := Parse([]byte(body), x.Options(firstLine))
	if err != nil {
		return "", nil, nil, err
	}
	exp, err := x.Expand([]byte(body), nodes, testPageInfo)
	res, cerr := conv.Convert(exp.Markdown, firstLine)
	if cerr != nil {
		t.Fatalf("Convert(%q): %v", exp.Markdown, cerr)
	}
	return string(exp.HTML(res.HTML)), exp, res, err
}

func TestExpand(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no shortcode", "Just *text*.\n", "<p>Just <em>text</em>.</p>\n"},
		{"inline", `Text {{< icon "star" >}} here.`, `<p>Text <span class="icon">star</span> here.</p>` + "\n"},
		{"block alone has no <p>", "Intro.\n\n{{< figure src=\"/a.png\" alt=\"A\" >}}\n\nAfter.\n",
			"<p>Intro.</p>\n<figure><img src=\"/a.png\" alt=\"A\"></figure>\n<p>After.</p>\n"},
		{"block alone on a line next to text keeps the <p>", "Intro.\n{{< icon \"x\" >}}\n",
			"<p>Intro.\n<span class=\"icon\">x</span></p>\n"},
		{"two alone keep the <p>", "{{< icon 1 >}} {{< icon 2 >}}\n",
			"<p><span class=\"icon\">1</span> <span class=\"icon\">2</span></p>\n"},
		{"self-closing", `{{< icon "y" />}}`, `<span class="icon">y</span>` + "\n"},
		{"named arguments", `{{< figure alt="A" src="/b.png" >}}`, `<figure><img src="/b.png" alt="A"></figure>` + "\n"},
		{"paired < over lines, Inner rendered by the template", "{{< details summary=\"Why?\" >}}\n**Because**.\n\nTwo.\n{{< /details >}}\n\nAfter.\n",
			"<details><summary>Why?</summary><p><strong>Because</strong>.</p>\n<p>Two.</p>\n</details>\n<p>After.</p>\n"},
		{"paired < inline with a blank line stays one paragraph", "a {{< raw >}}x\n\ny{{< /raw >}} b\n",
			"<p>a <pre>x\n\ny</pre>\n\n b</p>\n"},
		{"Inner of < is escaped", "{{< raw >}}<b>x</b> & y{{< /raw >}}", "<pre>&lt;b&gt;x&lt;/b&gt; &amp; y</pre>\n"},
		{"paired %: output is Markdown, Inner as written", "{{% note %}}*hi*{{% /note %}}\n",
			"<p><strong>Note:</strong> <em>hi</em></p>\n"},
		{"raw HTML in % Inner follows the site's rule", "{{% note %}}<script>x</script>{{% /note %}}",
			"<p><strong>Note:</strong> <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"},
		{"% output with more blocks", "{{% list a b %}}\n\nAfter.\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>After.</p>\n"},
		{"% over lines", "{{% note %}}\nline\n{{% /note %}}\n\nAfter.\n",
			"<p><strong>Note:</strong>\nline\n</p>\n<p>After.</p>\n"},
		{"nested < in <", `{{< details summary="s" >}}A {{< icon "x" >}}{{< /details >}}`,
			`<details><summary>s</summary><p>A <span class="icon">x</span></p>` + "\n</details>\n"},
		{"nested < alone in <", "{{< details summary=\"s\" >}}\n{{< figure src=\"/a.png\" alt=\"\" >}}\n{{< /details >}}",
			"<details><summary>s</summary><figure><img src=\"/a.png\" alt=\"\"></figure>\n</details>\n"},
		{"nested < in %", `{{% note %}}see {{< icon "x" >}}{{% /note %}}`,
			`<p><strong>Note:</strong> see <span class="icon">x</span></p>` + "\n"},
		{"nested % in %", `{{% note %}}a {{% note %}}*b*{{% /note %}}{{% /note %}}`,
			"<p><strong>Note:</strong> a <strong>Note:</strong> <em>b</em></p>\n"},
		{"Parent", `{{< parent k="v" >}}{{< parent />}}{{< /parent >}}`, "[top][parent v]\n"},
		{"context", `{{< about 1 "two" >}}`,
			"about content/x.md:1:1 false [1 two] A page The site\n"},
		{"context named", "\n{{< about b=true >}}", "about content/x.md:2:1 true map[b:true] A page The site\n"},
		{"site over theme", "{{< over >}}", "site\n"},
		{"arguments are escaped", `{{< icon "<script>alert(1)</script>" >}}`,
			"<span class=\"icon\">&lt;script&gt;alert(1)&lt;/script&gt;</span>\n"},
		{"argument in an attribute is escaped", `{{< figure src="javascript:alert(1)" alt="x&quot;" >}}`,
			"<figure><img src=\"#ZgotmplZ\" alt=\"x&amp;quot;\"></figure>\n"},
		{"in a link destination", `[A]({{< ref "x" >}})`, `<p><a href="/jobs/x/">A</a></p>` + "\n"},
		{"comment form is literal", `Write {{</* icon "x" */>}}.`, "<p>Write {{&lt; icon &quot;x&quot; &gt;}}.</p>\n"},
		{"code is untouched", "`{{< icon 1 >}}`\n\n```\n{{< icon 2 >}}\n```\n",
			"<p><code>{{&lt; icon 1 &gt;}}</code></p>\n<pre><code>{{&lt; icon 2 &gt;}}\n</code></pre>\n"},
		{"in a list item", "- {{< icon 1 >}}\n- b\n", "<ul>\n<li><span class=\"icon\">1</span></li>\n<li>b</li>\n</ul>\n"},
		{"a lookalike is text", "SHORTCODE0N0E and SHORTCODE0NE {{< icon 1 >}}",
			"<p>SHORTCODE0N0E and SHORTCODE0NE <span class=\"icon\">1</span></p>\n"},
		{"a lookalike by reference is text", "&#83;HORTCODE0N0E {{< icon 1 >}}",
			"<p>SHORTCODE0N0E <span class=\"icon\">1</span></p>\n"},
		{"a lookalike by argument is text", `{{< icon "\u0053HORTCODE0N0E" >}} {{< icon "SHORTCODE1N0E" >}}`,
			"<p><span class=\"icon\">SHORTCODE0N0E</span> <span class=\"icon\">SHORTCODE1N0E</span></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, _, err := pipeline(t, tt.in, 1)
			if err != nil {
				t.Fatalf("pipeline(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("pipeline(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
		})
	}
}
