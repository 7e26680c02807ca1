package deps

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/render"
)

// TestDeps analyses small template sets.
func TestDeps(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		partials   map[string]string
		want       string // the reads, one per line: "path groups"; "global" first when global
	}{
		{name: "own fields only", page: `{{ .Title }}{{ .Content }}{{ .Site.Title }}`, want: ""},
		{name: "parent link", page: `{{ with .Parent }}<a href="{{ .URL }}">{{ .Title }}</a>{{ end }}`, want: "Page.Parent link"},
		{name: "list cards", page: `{{ range .Paginator.Pages }}{{ .Summary }}{{ .Date }}{{ end }}`,
			want: "Page.Paginator 0\nPage.Paginator.Pages meta|summary"},
		{name: "through a variable and a partial", page: `{{ $s := .Site }}{{ partial "x.html" (dict "site" $s "p" .) }}`,
			partials: map[string]string{"x.html": `{{ range .site.Sections }}{{ .Title }}{{ end }}{{ .p.Next.Content }}`},
			want:     "Page.Next content\nSite.Sections link"},
		{name: "term lookup", page: `{{ with .Site.Taxonomy "skills" }}{{ with .Term $.Title }}{{ .URL }}{{ end }}{{ end }}`,
			want: "Site.Taxonomy(skills) 0\nSite.Taxonomy(skills).Term(*) termlink"},
		{name: "a page printed whole", page: `{{ printf "%v" .Parent }}`, want: "global\nPage.Parent 0"},
		{name: "an unknown function", page: `{{ call .Parent }}`, want: "global\nPage.Parent 0"},
		{name: "a partial by a name not known", page: `{{ partial .Title . }}`, want: "global"},
		{name: "money runs money.html on its arguments", page: `{{ money .Title .Title .Next.Title }}`,
			partials: map[string]string{"money.html": `{{ .amount }}{{ .max }}{{ with .currency }}{{ $.Site.Title }}{{ end }}`},
			want:     "Page.Next link"},
		{name: "money when money.html reads a page", page: `{{ money .Title .Title .Next }}`,
			partials: map[string]string{"money.html": `{{ .max.Content }}`},
			want:     "Page.Next content"},
		{name: "asset", page: `{{ with asset "css/site.css" }}{{ .URL }}{{ end }}`, want: "asset"},
		{name: "image", page: `{{ with image "team.jpg" . }}{{ (.Resize "800x").URL }}{{ end }}`, want: "asset"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := fstest.MapFS{"layouts/_default/single.html": {Data: []byte(tc.page)}}
			for name, text := range tc.partials {
				site["layouts/partials/"+name] = &fstest.MapFile{Data: []byte(text)}
			}
			r, err := render.New(site, nil, stubFuncs)
			if err != nil {
				t.Fatal(err)
			}
			d := newAnalyzer(r).page("layouts/_default/single.html")
			var lines []string
			if d.global {
				lines = append(lines, "global")
			}
			if d.asset {
				lines = append(lines, "asset")
			}
			for _, rd := range d.sortedReads() {
				lines = append(lines, rd.key+" "+groupNames(rd.groups))
			}
			if got := strings.Join(lines, "\n"); got != tc.want {
				t.Errorf("reads\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func groupNames(g group) string {
	if g == 0 {
		return "0"
	}
	var names []string
	for _, n := range []struct {
		g    group
		name string
	}{{gLink, "link"}, {gMeta, "meta"}, {gSummary, "summary"}, {gContent, "content"}, {gDerived, "derived"},
		{gFeeds, "feeds"}, {gOther, "other"}, {gTaxLink, "taxlink"}, {gTermLink, "termlink"},
		{gTermCount, "termcount"}, {gPaginator, "paginator"}} {
		if g&n.g != 0 {
			names = append(names, n.name)
		}
	}
	return strings.Join(names, "|")
}

// stubFuncs stand for the template functions of the pipeline, which the
// analysis knows by name.
var stubFuncs = template.FuncMap{
	"relURL": strings.ToLower, "absURL": strings.ToLower, "slugify": strings.ToLower,
	"asset":         func(string) (struct{ URL string }, error) { return struct{ URL string }{}, nil },
	"image":         func(string, ...any) (any, error) { return nil, nil },
	"careerPathSVG": func(any) string { return "" },
}

// TestReadsPaginator: a list template is cut into pagers when it, or a
// partial it calls, reads its own .Paginator, or when it may read anything.
func TestReadsPaginator(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		partials   map[string]string
		want       bool
	}{
		{name: "ranges over .Pages", page: `{{ range .Pages }}{{ .Title }}{{ end }}`, want: false},
		{name: "ranges over .Paginator.Pages", page: `{{ range .Paginator.Pages }}{{ .Title }}{{ end }}`, want: true},
		{name: "in a partial", page: `{{ partial "nav.html" . }}`,
			partials: map[string]string{"nav.html": `{{ with .Paginator }}{{ .Next }}{{ end }}`}, want: true},
		{name: "in a partial given a dict", page: `{{ partial "nav.html" (dict "page" .) }}`,
			partials: map[string]string{"nav.html": `{{ .page.Paginator.TotalPages }}`}, want: true},
		{name: "another page's", page: `{{ .Parent.Paginator.TotalPages }}`, want: false},
		{name: "a page printed whole", page: `{{ printf "%v" . }}{{ range .Pages }}{{ end }}`, want: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := fstest.MapFS{"layouts/_default/list.html": {Data: []byte(tc.page)}}
			for name, text := range tc.partials {
				site["layouts/partials/"+name] = &fstest.MapFile{Data: []byte(text)}
			}
			r, err := render.New(site, nil, stubFuncs)
			if err != nil {
				t.Fatal(err)
			}
			if got := NewTemplates(r).Page("layouts/_default/list.html").ReadsPaginator(); got != tc.want {
				t.Errorf("ReadsPaginator() of %s = %v, want %v", tc.page, got, tc.want)
			}
		})
	}
}
