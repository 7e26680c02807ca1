package convert

import (
	"html/template"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/render"
)

// TestSalaryTableRowsOnce: in a build, the rows of one data file are one
// table, and the theme's salary-table-rows.html runs once for it in each
// language, its output written on every page; a site's own source.html,
// which the rows run, makes them run on every page.
func TestSalaryTableRowsOnce(t *testing.T) {
	theme := fstest.MapFS{
		"layouts/shortcodes/table.html":           {Data: []byte(`{{ with .Site.SalaryTable (.Get "data") "" }}{{ $rows := partial "salary-table-rows.html" . }}{{ $rows }}{{ end }}`)},
		"layouts/partials/salary-table-rows.html": {Data: []byte(`{{ ran }}{{ range .Rows }}<tr>{{ T "role" }} {{ .Role }} {{ partial "source.html" .Source }}</tr>{{ end }}`)},
		"layouts/partials/source.html":            {Data: []byte(`{{ .Name }}`)},
		"layouts/partials/money.html":             {Data: []byte(`{{ .amount }}`)},
	}
	data := map[string]any{"salaries": map[string]any{"x": []any{map[string]any{
		"role": "Tester", "currency": "USD", "period": "year", "median": 2, "p10": 1, "p90": 3, "source": "BLS"}}}}
	words := map[string]string{"en": "Role", "de": "Rolle"}
	for _, tc := range []struct {
		name string
		site fstest.MapFS
		runs int64
	}{
		{"theme's partials", fstest.MapFS{}, 2},
		{"site's source.html", fstest.MapFS{"layouts/partials/source.html": {Data: []byte(`from {{ .Name }}`)}}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var runs atomic.Int64
			funcs := template.FuncMap{
				"ran": func() string { runs.Add(1); return "" },
				"T": render.ExecFunc(func(data func() any) any {
					return func(key string) string {
						l, _ := data().(interface{ LanguageCode() string })
						if l == nil {
							return key
						}
						return words[l.LanguageCode()]
					}
				}),
			}
			r, err := render.New(tc.site, theme, funcs)
			if err != nil {
				t.Fatal(err)
			}
			cfg := &config.Config{BaseURL: "https://example.org/", Language: "en"}
			links, err := model.NewLinker(cfg.BaseURL)
			if err != nil {
				t.Fatal(err)
			}
			cv := New(tc.site, nil, deps.Digest{}, false)
			cv.Configure(cfg, deps.Digest{}, links)
			cv.SetTemplates(r)
			cv.SetData(data, deps.Digest{})
			cv.SetPages(nil, time.Time{})
			for _, p := range []struct{ path, lang, want string }{
				{"content/a.md", "en", "<tr>Role Tester "},
				{"content/b.md", "en", "<tr>Role Tester "},
				{"content/a.de.md", "de", "<tr>Rolle Tester "},
			} {
				c := cv.Convert(Source{Path: p.path, Page: &content.Page{Path: p.path, Language: p.lang, BodyLine: 1,
					Body: []byte("{{< table data=\"salaries.x\" >}}\n")}})
				if len(c.Problems()) > 0 {
					t.Fatal(c.Problems())
				}
				if got, _ := c.HTML(); !strings.Contains(string(got), p.want) {
					t.Errorf("%s: HTML() = %q, want it to hold %q", p.path, got, p.want)
				}
			}
			if got := runs.Load(); got != tc.runs {
				t.Errorf("the rows ran %d times for three pages in two languages, want %d", got, tc.runs)
			}
			a, err := cv.site.SalaryTable("salaries.x", "")
			if err != nil {
				t.Fatal(err)
			}
			if b, _ := cv.site.SalaryTable("salaries.x", ""); a != b {
				t.Errorf("SalaryTable(%q) made a second table in a build", "salaries.x")
			}
			cv.SetData(data, deps.Digest{}) // the next build
			if b, _ := cv.site.SalaryTable("salaries.x", ""); a == b {
				t.Errorf("SalaryTable(%q) gave the next build the table of the last", "salaries.x")
			}
		})
	}
}
