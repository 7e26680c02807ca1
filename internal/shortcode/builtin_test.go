package shortcode

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/render"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the .html files of testdata/builtin/*.txtar and docs/shortcodes.md")

// themePage and themeSite are .Page and .Site in the built-in tests,
// with the fields the model's *Page and *Site have that the built-ins
// read.
type themePage struct{ Params map[string]any }
type themeSite struct{ Params map[string]any }

var themePageInfo = Page{
	File: "content/guides/x.md",
	Page: themePage{Params: map[string]any{"team_size": 12, "remote": false, "motto": "<ship> & learn"}},
	Site: themeSite{Params: map[string]any{"employer": "Acme"}},
}

// themeFuncs stand in for the functions the build gives the theme:
// markdownify is the real converter, T and the formats the theme's English
// strings, asset a fixed URL; image fails, as these tests process no
// images (internal/site's fixtures do: shortcode-figure.txtar).
func themeFuncs(t *testing.T, conv *markdown.Converter) template.FuncMap {
	type asset struct{ URL, Integrity string }
	stub := func(s string) string { return s }
	catalog, problems, err := i18n.Load(careersite.Theme(), fstest.MapFS{}, []string{"en"}, "en")
	if err != nil || len(problems) > 0 {
		t.Fatalf("the theme's strings: %v %v", err, problems)
	}
	en := catalog.For("")
	return template.FuncMap{
		"T":            en.T,
		"formatDate":   en.Locale().Date,
		"formatNumber": en.Locale().Number,
		"formatMoney": func(n float64, code any) string {
			return en.Locale().Money(n, fmt.Sprint(code))
		},
		"markdownify": func(s string) (template.HTML, error) {
			res, err := conv.Convert([]byte(s), 1)
			// Convert's output, raw HTML omitted: safe as HTML.
			return template.HTML(res.HTML), err
		},
		"asset": func(name string) (asset, error) {
			return asset{URL: "/" + name, Integrity: "sha384-test"}, nil
		},
		"relURL": stub, "absURL": stub, "slugify": stub,
		"careerPathSVG": func(any) template.HTML { return "" },
		"image": func(ref string) (any, error) {
			return nil, fmt.Errorf("image %s: these tests process no images", ref)
		},
	}
}

// themePipeline runs body through parse → expand → convert → HTML with
// the embedded theme's layouts under site's.
func themePipeline(t *testing.T, site fs.FS, body string) (string, error) {
	t.Helper()
	conv := markdown.New(markdown.Options{})
	r, err := render.New(site, careersite.Theme(), themeFuncs(t, conv))
	if err != nil {
		t.Fatal(err)
	}
	x := NewExpander(r)
	nodes, err := Parse([]byte(body), x.Options(1))
	if err != nil {
		return "", err
	}
	exp, err := x.Expand([]byte(body), nodes, themePageInfo)
	res, cerr := conv.Convert(exp.Markdown, 1)
	if cerr != nil {
		t.Fatalf("Convert(%q): %v", exp.Markdown, cerr)
	}
	return string(exp.HTML(res.HTML)), err
}

// TestBuiltins runs every case of testdata/builtin/*.txtar, a file
// CASE.md and the HTML it gives, CASE.html, through the embedded theme;
// go test -update rewrites the .html files.
func TestBuiltins(t *testing.T) {
	files, err := filepath.Glob("testdata/builtin/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/builtin/*.txtar: %v", err)
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var out []txtar.File
		for _, f := range ar.Files {
			name, ok := strings.CutSuffix(f.Name, ".md")
			if !ok {
				continue
			}
			got, err := themePipeline(t, nil, string(f.Data))
			if err != nil {
				t.Errorf("%s: %s: %v", file, f.Name, err)
			}
			out = append(out, f, txtar.File{Name: name + ".html", Data: []byte(got)})
			if *update {
				continue
			}
			want := section(ar, name+".html")
			if want == nil {
				t.Errorf("%s: no %s.html; run go test -update", file, name)
			} else if got != string(want) {
				t.Errorf("%s: %s gives\n%s\nwant\n%s", file, f.Name, got, want)
			}
		}
		if *update {
			ar.Files = out
			if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func section(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// TestBuiltinErrors checks the errors of the built-ins' arguments, each at
// its place, all of them at once, and the template's own.
func TestBuiltinErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown argument", `{{< figure src="/a.png" alt="A" captoin="x" >}}`,
			`content/guides/x.md:1:33: shortcode "figure": unknown argument "captoin"; did you mean "caption"?`},
		{"unknown argument without a suggestion", `{{< details summary="s" colour="red" >}}x{{< /details >}}`,
			`content/guides/x.md:1:25: shortcode "details": unknown argument "colour" ("details" takes summary and open)`},
		{"missing required", `{{< figure alt="A" >}}`,
			`content/guides/x.md:1:1: shortcode "figure": missing required argument "src"`},
		{"no text alternative", `{{< figure src="/a.png" >}}`,
			`content/guides/x.md:1:1: shortcode "figure": give alt, the text alternative that says what the image shows (or a caption, which is then the alt text)`},
		{"missing everything", "a\n\n  {{< youtube >}}",
			`content/guides/x.md:3:3: shortcode "youtube": missing required argument "id"`},
		{"wrong type", `{{< figure src="/a.png" alt="A" width="wide" height=1.5 >}}`,
			`content/guides/x.md:1:33: shortcode "figure": argument "width" is the text "wide"; want a whole number` + "\n" +
				`content/guides/x.md:1:46: shortcode "figure": argument "height" is the number 1.5; want a whole number`},
		{"a number for text", `{{< figure src=2 alt=true >}}`,
			`content/guides/x.md:1:12: shortcode "figure": argument "src" is the number 2; want a text` + "\n" +
				`content/guides/x.md:1:18: shortcode "figure": argument "alt" is the bool true; want a text`},
		{"not a size", `{{< figure src="/a.png" alt="A" width=0 >}}`,
			`content/guides/x.md:1:33: shortcode "figure": argument "width": 0 is not a positive number of pixels`},
		{"bool", `{{< details summary="s" open="yes" >}}x{{< /details >}}`,
			`content/guides/x.md:1:25: shortcode "details": argument "open" is the text "yes"; want true or false`},
		{"bad YouTube id", `{{< youtube "https://youtu.be/dQw4w9WgXcQ" >}}`,
			`content/guides/x.md:1:13: shortcode "youtube": argument "id": "https://youtu.be/dQw4w9WgXcQ" is not a YouTube video id (11 letters, digits, "-" or "_")`},
		{"YouTube id of a bad character", `{{< youtube id="dQw4w9WgXc!" >}}`,
			`content/guides/x.md:1:13: shortcode "youtube": argument "id": "dQw4w9WgXc!" is not a YouTube video id (11 letters, digits, "-" or "_")`},
		{"too many positional", `{{< youtube "dQw4w9WgXcQ" "A title" >}}`,
			`content/guides/x.md:1:27: shortcode "youtube": takes at most 1 positional argument; 2 given`},
		{"no positional", `{{< figure "/a.png" "A" >}}`,
			`content/guides/x.md:1:12: shortcode "figure": takes no positional arguments; name them: src="…"`},
		{"given twice", `{{< figure src="/a.png" alt="A" src="/b.png" >}}`,
			`content/guides/x.md:1:33: shortcode "figure": argument "src" is given twice`},
		{"a linked image needs alt text", `{{< figure src="/a.png" alt="" link="/jobs/" >}}`,
			`content/guides/x.md:1:1: shortcode "figure": an image that is a link needs alt text: it is the link's name; say where the link goes`},
		{"HTML built-ins are written {{< >}}", `{{% details summary="s" %}}x{{% /details %}}`,
			`content/guides/x.md:1:1: shortcode "details": writes HTML: write {{< details >}}, not {{% details %}}`},
		{"a missing param is the template's error", `{{< param "nope" >}}`,
			`content/guides/x.md:1:1: shortcode "param": layouts/shortcodes/param.html:7:41: at <errorf "param %q is neither in the page's front matter nor in site.yaml's params" $name>: ` +
				`error calling errorf: param "nope" is neither in the page's front matter nor in site.yaml's params`},
		{"every error of the page, in order", "{{< figure src=\"/a.png\" >}}\n\n{{< youtube id=\"short\" >}}\n\n{{< fgure >}}",
			`content/guides/x.md:1:1: shortcode "figure": give alt, the text alternative that says what the image shows (or a caption, which is then the alt text)` + "\n" +
				`content/guides/x.md:3:13: shortcode "youtube": argument "id": "short" is not a YouTube video id (11 letters, digits, "-" or "_")` + "\n" +
				`content/guides/x.md:5:1: unknown shortcode "fgure"; did you mean "figure"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := themePipeline(t, nil, tt.in)
			var lines []string
			for _, e := range diag.Leaves(err) {
				var d *diag.Error
				if !errors.As(e, &d) {
					t.Errorf("error %v is a %T, want *diag.Error", e, e)
				}
				lines = append(lines, e.Error())
			}
			if got := strings.Join(lines, "\n"); got != tt.want {
				t.Errorf("pipeline(%q) errors:\n%s\nwant:\n%s", tt.in, got, tt.want)
			}
		})
	}
}

// TestBuiltinExamples checks that the example of every built-in, which
// docs/shortcodes.md shows, runs without an error. Those that read the
// site's pages, data files or images need a real build (needsBuild):
// internal/site's fixture shortcode-builtins.txtar runs their examples,
// and TestBuiltinExamplesInFixture there checks it does.
func TestBuiltinExamples(t *testing.T) {
	theme := careersite.Theme()
	for _, b := range Builtins {
		src, err := fs.ReadFile(theme, "layouts/shortcodes/"+b.Name+".html")
		if err != nil {
			t.Fatal(err)
		}
		if needsBuild(src) {
			continue
		}
		if _, err := themePipeline(t, nil, b.Example); err != nil {
			t.Errorf("example of %q: %v", b.Name, err)
		}
	}
}

// needsBuild reports whether the template src of a built-in reads what
// only a build has: the site's pages or data files (.Site.GetPage,
// .Site.SalaryTable) or its images (the template function image).
func needsBuild(src []byte) bool {
	return bytes.Contains(src, []byte(".Site.GetPage")) || bytes.Contains(src, []byte(".Site.SalaryTable")) ||
		bytes.Contains(src, []byte(":= image "))
}

// TestBuiltinOverridden checks that a site's own template of a built-in
// takes the arguments it likes: the table describes the theme's.
func TestBuiltinOverridden(t *testing.T) {
	site := fstest.MapFS{"layouts/shortcodes/figure.html": {Data: []byte(`<img src="{{ .Get 0 }}" class="{{ .Get 1 }}">`)}}
	got, err := themePipeline(t, site, `{{< figure "/a.png" "wide" >}}`)
	if want := `<img src="/a.png" class="wide">` + "\n"; err != nil || got != want {
		t.Errorf("pipeline = %q, %v, want %q", got, err, want)
	}
}

// TestBuiltinsTable checks that the table and the theme agree: every
// built-in has a theme template, and every theme
// shortcode has an entry; and that the entries are well formed.
func TestBuiltinsTable(t *testing.T) {
	theme := careersite.Theme()
	names := map[string]bool{}
	for _, b := range Builtins {
		if names[b.Name] {
			t.Errorf("built-in %q is declared twice", b.Name)
		}
		names[b.Name] = true
		if _, err := fs.Stat(theme, "layouts/shortcodes/"+b.Name+".html"); err != nil {
			t.Errorf("built-in %q has no theme template: %v", b.Name, err)
		}
		var positions []int
		for _, a := range b.Args {
			if a.Position >= 0 {
				positions = append(positions, a.Position)
			}
			if a.Doc == "" {
				t.Errorf("built-in %q: argument %q has no doc", b.Name, a.Name)
			}
		}
		slices.Sort(positions)
		for i, p := range positions {
			if p != i {
				t.Errorf("built-in %q: positions %v, want 0 to %d, each once", b.Name, positions, len(positions)-1)
				break
			}
		}
	}
	entries, err := fs.ReadDir(theme, "layouts/shortcodes")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := strings.TrimSuffix(e.Name(), ".html"); !names[name] {
			t.Errorf("theme shortcode %q has no entry in Builtins", name)
		}
	}
}

// TestParentParamsOfBuiltin: a shortcode inside a built-in reads the
// built-in's .Params as written (its arguments are checked after the
// shortcodes inside it run), and the built-in runs on the checked ones.
func TestParentParamsOfBuiltin(t *testing.T) {
	site := fstest.MapFS{"layouts/shortcodes/probe.html": {Data: []byte(`{{ printf "%#v" .Parent.Params }}`)}}
	got, err := themePipeline(t, site, "{{< details summary=\"S\" open=\"true\" >}}\n{{< probe >}}\n{{< /details >}}\n")
	if err != nil {
		t.Fatal(err)
	}
	want := `map[string]interface {}{&#34;open&#34;:&#34;true&#34;, &#34;summary&#34;:&#34;S&#34;}`
	if !strings.Contains(got, want) || !strings.Contains(got, "<details class=\"details\" open>") {
		t.Errorf("got\n%s\nwant the probe to print %s inside an open details", got, want)
	}
}
