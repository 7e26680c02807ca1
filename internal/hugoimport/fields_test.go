package hugoimport

import "testing"

func TestFieldProblem(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"context and page fields", `{{ .Get "a" }}{{ .Inner }}{{ .Page.Title }}{{ .Page.Params.x }}{{ .Site.Params.y }}`, ""},
		{"front matter field through the page", `{{ .Page.Date.Year }}{{ $.Page.URL }}`, ""},
		{"site lookup", `{{ with .Site.GetPage "a.md" }}{{ .Title }}{{ end }}`, ""},
		{"page method careersite lacks", `{{ .Page.RenderString .Inner }}`, ".Page.RenderString"},
		{"through $ inside with", `{{ with .Get 0 }}{{ $.Page.GetPage . }}{{ end }}`, ".Page.GetPage"},
		{"context field careersite lacks", `{{ .Ordinal }}`, ".Ordinal"},
		{"site field careersite lacks", `{{ .Site.Home.Title }}`, ".Site.Home"},
		{"dot moved by with is not checked", `{{ with .Page }}{{ .Anything }}{{ end }}`, ""},
		{"in a define", `{{ define "x" }}{{ .Page.Scratch }}{{ end }}`, ".Page.Scratch"},
	}
	for _, tt := range tests {
		if got := fieldProblem("x", []byte(tt.in)); got != tt.want {
			t.Errorf("%s: fieldProblem(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
