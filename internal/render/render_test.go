package render

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// mapFS builds a file system from path → content.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// newRenderer builds a Renderer or fails the test.
func newRenderer(t *testing.T, site, theme map[string]string) *Renderer {
	t.Helper()
	r, err := New(mapFS(site), mapFS(theme), nil)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return r
}

// execute runs page template name with data and returns the output.
func execute(t *testing.T, r *Renderer, name string, data any) string {
	t.Helper()
	var b strings.Builder
	if err := r.Execute(&b, name, data); err != nil {
		t.Fatalf("Execute(%q): %v", name, err)
	}
	return b.String()
}

func TestFind(t *testing.T) {
	site := map[string]string{
		"layouts/_default/single.html":  "site default single",
		"layouts/_default/special.html": "site special",
		"layouts/roles/role.html":       "site role",
		"layouts/guides/section.html":   "site guides section",
		"layouts/_default/404.html":     "site 404",
		"layouts/partials/single.html":  "a partial, never a page",
	}
	theme := map[string]string{
		"layouts/jobs/job.html":           "theme job",
		"layouts/jobs/single.html":        "theme jobs single",
		"layouts/jobs/wide.html":          "theme jobs wide",
		"layouts/_default/wide.html":      "theme wide",
		"layouts/_default/section.html":   "theme section",
		"layouts/_default/home.html":      "theme home",
		"layouts/_default/404.html":       "theme 404",
		"layouts/_default/baseof.html":    "theme baseof",
		"layouts/_default/article.html":   "theme article",
		"layouts/certifications/cert.xml": "not a layout",
	}
	r := newRenderer(t, site, theme)
	tests := []struct {
		name string
		in   Lookup
		want string
	}{
		{"site default beats theme section type", Lookup{Kind: "single", Section: "jobs", Type: "job"}, "layouts/_default/single.html"},
		{"site section type", Lookup{Kind: "single", Section: "roles", Type: "role"}, "layouts/roles/role.html"},
		{"layout in site default", Lookup{Kind: "single", Section: "roles", Type: "role", Layout: "special"}, "layouts/_default/special.html"},
		{"any site candidate beats a theme layout", Lookup{Kind: "single", Section: "jobs", Type: "job", Layout: "wide"}, "layouts/_default/single.html"},
		{"layout in theme section", Lookup{Kind: "section", Section: "jobs", Type: "job", Layout: "wide"}, "layouts/jobs/wide.html"},
		{"layout in theme default", Lookup{Kind: "section", Section: "roles", Type: "role", Layout: "wide"}, "layouts/_default/wide.html"},
		{"missing layout falls back to kind", Lookup{Kind: "single", Section: "roles", Type: "role", Layout: "nope"}, "layouts/roles/role.html"},
		{"layout cannot reach the base template", Lookup{Kind: "single", Section: "x", Type: "article", Layout: "baseof"}, "layouts/_default/single.html"},
		{"layout cannot leave its folder", Lookup{Kind: "single", Section: "jobs", Layout: "../roles/role"}, "layouts/_default/single.html"},
		{"page outside a section", Lookup{Kind: "single", Type: "article"}, "layouts/_default/single.html"},
		{"site section list", Lookup{Kind: "section", Section: "guides", Type: "article"}, "layouts/guides/section.html"},
		{"theme default section", Lookup{Kind: "section", Section: "jobs", Type: "job"}, "layouts/_default/section.html"},
		{"home from theme", Lookup{Kind: "home"}, "layouts/_default/home.html"},
		{"404 site shadows theme", Lookup{Kind: "404"}, "layouts/_default/404.html"},
		{"partials are not pages", Lookup{Kind: "single", Section: "partials"}, "layouts/_default/single.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Find(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("Find(%+v) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestFindShadowedFileRunsSiteVersion(t *testing.T) {
	r := newRenderer(t,
		map[string]string{"layouts/_default/home.html": "site"},
		map[string]string{"layouts/_default/home.html": "theme"})
	name, err := r.Find(Lookup{Kind: "home"})
	if err != nil {
		t.Fatal(err)
	}
	if got := execute(t, r, name, nil); got != "site" {
		t.Errorf("Execute(%q) = %q, want %q", name, got, "site")
	}
}

func TestFindErrors(t *testing.T) {
	r := newRenderer(t, nil, map[string]string{"layouts/jobs/job.html": "x"})
	tests := []struct {
		name string
		in   Lookup
		want string
	}{
		{"not found", Lookup{Kind: "single", Section: "roles", Type: "role", Layout: "wide"},
			"no template for single page: looked for layouts/roles/wide.html, layouts/_default/wide.html, " +
				"layouts/roles/role.html, layouts/roles/single.html, layouts/_default/role.html, layouts/_default/single.html"},
		{"repeats listed once", Lookup{Kind: "section", Section: "roles", Layout: "section"},
			"no template for section page: looked for layouts/roles/section.html, layouts/_default/section.html"},
		{"home", Lookup{Kind: "home"}, "no template for home page: looked for layouts/_default/home.html"},
		{"unknown kind", Lookup{Kind: "page"}, `unknown page kind "page" (want home, section, single, taxonomy, term or 404)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Find(tt.in)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Find(%+v) = %q, %v, want error %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestNoLayouts(t *testing.T) {
	r, err := New(fstest.MapFS{}, nil, nil)
	if err != nil {
		t.Fatalf("New with no layouts: %v", err)
	}
	if _, err := r.Find(Lookup{Kind: "home"}); err == nil {
		t.Error("Find in an empty renderer: no error")
	}
	if err := r.Execute(&strings.Builder{}, "layouts/x.html", nil); err == nil ||
		err.Error() != `render: no page template "layouts/x.html"` {
		t.Errorf("Execute of unknown template: %v", err)
	}
}

func TestIgnoredFiles(t *testing.T) {
	r := newRenderer(t, map[string]string{
		"layouts/_default/.#home.html": "{{ broken",
		"layouts/.cache/home.html":     "{{ broken",
		"layouts/_default/home.html~":  "{{ broken",
		"layouts/_default/home.html":   "\uFEFFa\r\nb\r\n",
	}, nil)
	if got, want := execute(t, r, "layouts/_default/home.html", nil), "a\nb\n"; got != want {
		t.Errorf("home = %q, want %q (no BOM, LF line endings)", got, want)
	}
}

func TestBaseof(t *testing.T) {
	theme := map[string]string{
		"layouts/_default/baseof.html": `<title>{{ block "title" . }}{{ .Title }}{{ end }}</title>` +
			`<main>{{ block "main" . }}theme default{{ end }}</main>`,
		"layouts/jobs/baseof.html":     `jobs base: {{ block "main" . }}{{ end }}`,
		"layouts/_default/single.html": "\n{{ define \"main\" }}single {{ .Title }}{{ end }}\n{{/* a comment */}}\n",
		"layouts/_default/home.html":   `{{ define "title" }}Home{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}{{ end }}`,
		"layouts/_default/plain.html":  `plain {{ .Title }}{{ define "main" }}unused{{ end }}`,
		"layouts/jobs/job.html":        `{{ define "main" }}job {{ .Title }}{{ end }}`,
		"layouts/roles/role.html":      `{{ define "main" }}role {{ .Title }}{{ end }}`,
	}
	site := map[string]string{
		"layouts/roles/baseof.html": `site roles base: {{ block "main" . }}{{ end }}`,
	}
	r := newRenderer(t, site, theme)
	data := map[string]string{"Title": "A & B"}
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"page blocks fill the default base", "layouts/_default/single.html", "<title>A &amp; B</title><main>single A &amp; B</main>"},
		{"base block defaults stay", "layouts/_default/home.html", "<title>Home</title><main>theme default</main>"},
		{"empty define keeps the default", "layouts/_default/list.html", "<title>A &amp; B</title><main>theme default</main>"},
		{"text outside define: runs alone", "layouts/_default/plain.html", "plain A &amp; B"},
		{"section base", "layouts/jobs/job.html", "jobs base: job A &amp; B"},
		{"site base beats theme base", "layouts/roles/role.html", "site roles base: role A &amp; B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := execute(t, r, tt.in, data); got != tt.want {
				t.Errorf("Execute(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBaseofSiteDefaultBeatsThemeSection(t *testing.T) {
	r := newRenderer(t,
		map[string]string{"layouts/_default/baseof.html": `site: {{ block "main" . }}{{ end }}`},
		map[string]string{
			"layouts/jobs/baseof.html": `theme jobs: {{ block "main" . }}{{ end }}`,
			"layouts/jobs/job.html":    `{{ define "main" }}job{{ end }}`,
		})
	if got, want := execute(t, r, "layouts/jobs/job.html", nil), "site: job"; got != want {
		t.Errorf("Execute(job) = %q, want %q", got, want)
	}
}

func TestDefineOnlyWithoutBaseof(t *testing.T) {
	r := newRenderer(t, map[string]string{"layouts/jobs/job.html": `{{ define "main" }}x{{ end }}`}, nil)
	err := r.Execute(&strings.Builder{}, "layouts/jobs/job.html", nil)
	want := "layouts/jobs/job.html:1:1: the file has only {{define}} blocks but no base template to run in " +
		"(looked for layouts/jobs/baseof.html, layouts/_default/baseof.html)"
	if err == nil || err.Error() != want {
		t.Errorf("Execute = %v, want %q", err, want)
	}
}

func TestPartials(t *testing.T) {
	theme := map[string]string{
		"layouts/partials/header.html":   `theme header {{ .Title }}`,
		"layouts/partials/footer.html":   `theme footer`,
		"layouts/partials/card.html":     `<b>{{ .name }}</b>`,
		"layouts/partials/tree.html":     `[{{ .N }}{{ range .Kids }}{{ partial "tree.html" . }}{{ end }}]`,
		"layouts/partials/nodata.html":   `{{ if . }}data{{ else }}none{{ end }}`,
		"layouts/_default/baseof.html":   `{{ partial "header.html" . }}|{{ block "main" . }}{{ end }}|{{ partial "footer" }}`,
		"layouts/_default/single.html":   `{{ define "main" }}{{ partial "card.html" (dict "name" .Title) }}{{ end }}`,
		"layouts/_default/tree.html":     `{{ partial "tree.html" . }} {{ partial "nodata.html" }}`,
		"layouts/_default/template.html": `{{ template "layouts/partials/card.html" (dict "name" "x") }}`,
	}
	site := map[string]string{
		"layouts/partials/footer.html": `site footer`,
	}
	r := newRenderer(t, site, theme)
	type node struct {
		N    int
		Kids []node
	}
	tests := []struct {
		name string
		in   string
		data any
		want string
	}{
		{"site partial shadows theme partial", "layouts/_default/single.html", map[string]string{"Title": "<x>"},
			"theme header &lt;x&gt;|<b>&lt;x&gt;</b>|site footer"},
		{"recursive partial", "layouts/_default/tree.html", node{1, []node{{2, nil}, {3, []node{{4, nil}}}}},
			"[1[2][3[4]]] none"},
		{"partial by template action", "layouts/_default/template.html", nil, "<b>x</b>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := execute(t, r, tt.in, tt.data); got != tt.want {
				t.Errorf("Execute(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPartialErrors(t *testing.T) {
	r := newRenderer(t, map[string]string{
		"layouts/partials/loop.html":  "x\n  {{ partial \"loop.html\" . }}",
		"layouts/partials/inner.html": "line 1\n<p>{{ add 1 .Missing }}</p>",
		"layouts/partials/outer.html": `{{ partial "inner.html" . }}`,
		"layouts/_default/loop.html":  `{{ partial "loop.html" . }}`,
		"layouts/_default/inner.html": "\n\n  {{ partial \"outer.html\" . }}",
		"layouts/_default/none.html":  `{{ partial "nope.html" . }}`,
		"layouts/_default/args.html":  `{{ partial "inner.html" 1 2 }}`,
	}, nil)
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"recursion limit", "layouts/_default/loop.html",
			`layouts/partials/loop.html:2:6: at <partial "loop.html" .>: error calling partial: ` +
				"partials nested more than 100 deep; a partial that includes itself needs a condition that stops it"},
		{"error inside a nested partial", "layouts/_default/inner.html",
			`layouts/partials/inner.html:2:7: at <add 1 .Missing>: error calling add: want a number, got nil`},
		{"missing partial", "layouts/_default/none.html",
			`layouts/_default/none.html:1:4: at <partial "nope.html" .>: error calling partial: ` +
				`no partial "nope.html" (looked for layouts/partials/nope.html)`},
		{"too many arguments", "layouts/_default/args.html",
			`layouts/_default/args.html:1:4: at <partial "inner.html" 1 2>: error calling partial: ` +
				"want a partial name and at most one data argument, got 3 arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := r.Execute(&strings.Builder{}, tt.in, map[string]any{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("Execute(%q) = %v\nwant %s", tt.in, err, tt.want)
			}
		})
	}
}

func TestPagesDefiningTheSameBlockDoNotCollide(t *testing.T) {
	files := map[string]string{
		"layouts/_default/baseof.html": `{{ block "main" . }}{{ end }}`,
	}
	for i := range 20 {
		files[fmt.Sprintf("layouts/s%d/single.html", i)] = fmt.Sprintf(`{{ define "main" }}page %d{{ end }}`, i)
	}
	r := newRenderer(t, files, nil)
	for i := range 20 {
		name := fmt.Sprintf("layouts/s%d/single.html", i)
		if got, want := execute(t, r, name, nil), fmt.Sprintf("page %d", i); got != want {
			t.Errorf("Execute(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestConcurrentExecute is meant for -race: many goroutines run the same and
// different pages, with partials, at once.
func TestConcurrentExecute(t *testing.T) {
	r := newRenderer(t, nil, map[string]string{
		"layouts/_default/baseof.html": `<h1>{{ partial "title.html" . }}</h1>{{ block "main" . }}{{ end }}`,
		"layouts/_default/single.html": `{{ define "main" }}{{ range .Items }}{{ partial "item.html" . }}{{ end }}{{ end }}`,
		"layouts/jobs/job.html":        `{{ define "main" }}job {{ number .N }}{{ end }}`,
		"layouts/partials/title.html":  `{{ upper .Title }}`,
		"layouts/partials/item.html":   `<i>{{ . }}</i>`,
	})
	pages := []string{"layouts/_default/single.html", "layouts/jobs/job.html"}
	want := []string{"<h1>T3</h1><i>a</i><i>b</i>", "<h1>T3</h1>job 85,000"}
	data := map[string]any{"Title": "t3", "Items": []string{"a", "b"}, "N": 85000}
	var wg sync.WaitGroup
	errs := make(chan error, 64*10)
	for g := range 64 {
		wg.Go(func() {
			for i := range 10 {
				k := (g + i) % len(pages)
				var b strings.Builder
				if err := r.Execute(&b, pages[k], data); err != nil {
					errs <- err
				} else if b.String() != want[k] {
					errs <- fmt.Errorf("Execute(%q) = %q, want %q", pages[k], b.String(), want[k])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCallerFuncsOverrideBuiltins(t *testing.T) {
	funcs := template.FuncMap{
		"upper":  func(s string) string { return "custom " + s },
		"relURL": func(s string) string { return "/base" + s },
	}
	r, err := New(mapFS(map[string]string{
		"layouts/_default/home.html": `{{ upper "x" }} {{ relURL "/jobs/" }}`,
	}), nil, funcs)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := execute(t, r, "layouts/_default/home.html", nil), "custom x /base/jobs/"; got != want {
		t.Errorf("home = %q, want %q", got, want)
	}
}

func BenchmarkExecute(b *testing.B) {
	r, err := New(mapFS(map[string]string{
		"layouts/_default/baseof.html": `<title>{{ .Title }}</title>{{ partial "nav.html" . }}{{ block "main" . }}{{ end }}`,
		"layouts/_default/single.html": `{{ define "main" }}{{ range .Tags }}{{ partial "tag.html" . }}{{ end }}{{ end }}`,
		"layouts/partials/nav.html":    `<nav>{{ range .Menu }}<a href="{{ . }}">{{ . }}</a>{{ end }}</nav>`,
		"layouts/partials/tag.html":    `<span>{{ . }}</span>`,
	}), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	data := map[string]any{"Title": "Dev", "Tags": []string{"go", "sql", "k8s"}, "Menu": []string{"/jobs/", "/roles/"}}
	b.RunParallel(func(pb *testing.PB) {
		var w strings.Builder
		for pb.Next() {
			w.Reset()
			if err := r.Execute(&w, "layouts/_default/single.html", data); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// TestRenderOutputIsItsOwn checks that what Render returns stays as it was
// after later renders, which reuse the buffers of the earlier ones, and
// that the partials each page includes are its own.
func TestRenderOutputIsItsOwn(t *testing.T) {
	r := newRenderer(t, map[string]string{
		"layouts/_default/single.html": `<h1>{{ .T }}</h1>{{ partial "p.html" .T }}`,
		"layouts/partials/p.html":      `<p>{{ . }}</p>`,
	}, nil)
	var outs [][]byte
	for _, title := range []string{"first", "second page", "3"} {
		out, err := r.Render("layouts/_default/single.html", map[string]string{"T": title}, nil)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, out)
	}
	for i, want := range []string{"<h1>first</h1><p>first</p>", "<h1>second page</h1><p>second page</p>", "<h1>3</h1><p>3</p>"} {
		if string(outs[i]) != want {
			t.Errorf("render %d = %q, want %q", i+1, outs[i], want)
		}
	}
	if _, err := r.Render("layouts/none.html", nil, nil); err == nil {
		t.Error("Render of a missing template succeeded")
	}
}
