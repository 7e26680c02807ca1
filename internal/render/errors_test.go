package render

import (
	"errors"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/diag"
)

func TestParseErrors(t *testing.T) {
	site := map[string]string{
		"layouts/jobs/job.html":        "<h1>{{ .Title }}</h1>\n<p>{{ salary .Params }}</p>\n",
		"layouts/_default/single.html": "{{ define \"main\" }}\n  {{ if .Draft }}draft\n{{ end }}",
		"layouts/partials/card.html":   "{{ define \"x\" }}a{{ end }}\n{{ define \"x\" }}b{{ end }}",
		"layouts/ok.html":              "fine",
	}
	theme := map[string]string{
		"layouts/_default/baseof.html": "<main>\n  {{ block \"main\" . }}{{ end }}\n  <p>{{ $x }}</p>",
		"layouts/_default/home.html":   "café {{ end }}",
	}
	_, err := New(mapFS(site), mapFS(theme), nil)
	want := strings.Join([]string{
		`layouts/_default/baseof.html:3:9: undefined variable "$x"`,
		`layouts/_default/home.html:1:6: unexpected {{end}}`,
		`layouts/_default/single.html:3:10: unexpected EOF`,
		`layouts/jobs/job.html:2:7: function "salary" not defined`,
		`layouts/partials/card.html:2:11: multiple definition of template "x"`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Fatalf("New errors:\n%v\nwant:\n%s", err, want)
	}
	var e *diag.Error
	if !errors.As(err, &e) || e.File != "layouts/_default/baseof.html" || e.Line != 3 || e.Col != 9 {
		t.Errorf("errors.As(*Error) = %+v, want the baseof error", e)
	}
}

func TestExecErrors(t *testing.T) {
	r := newRenderer(t, map[string]string{
		"layouts/_default/field.html":   "<ul>\n  <li>{{ .Title.Name }}</li>",
		"layouts/_default/func.html":    "Café – {{ dateFormat \"2006\" .Date }}",
		"layouts/_default/baseof.html":  `{{ block "main" . }}{{ end }}`,
		"layouts/jobs/job.html":         "{{ define \"main\" }}\n{{ first -1 .List }}{{ end }}",
		"layouts/_default/escape.html":  "<a href=\"{{ .URL }}\n{{ if .X }}<b>{{ end }}<script>{{ .X }}",
		"layouts/_default/missing.html": `{{ template "nope" . }}`,
	}, nil)
	data := map[string]any{"Title": "x", "Date": "next week", "List": []int{1}, "URL": "/", "X": true}
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"field of a string", "layouts/_default/field.html",
			`layouts/_default/field.html:2:16: at <.Title.Name>: can't evaluate field Name in type interface {}`},
		{"func error, column in characters", "layouts/_default/func.html",
			`layouts/_default/func.html:1:11: at <dateFormat "2006" .Date>: error calling dateFormat: ` +
				`cannot parse "next week" as a date (want YYYY-MM-DD or RFC 3339)`},
		{"inside a define: names the block", "layouts/jobs/job.html",
			`layouts/jobs/job.html:2:4: executing "main" at <first -1 .List>: error calling first: want a count of 0 or more, got -1`},
		{"escaping", "layouts/_default/escape.html",
			`layouts/_default/escape.html:2:35: {{.X}} appears in an ambiguous context within a URL`},
		{"undefined template", "layouts/_default/missing.html",
			`layouts/_default/missing.html:1:13: no such template "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := r.Execute(&strings.Builder{}, tt.in, data)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Execute(%q) = %v\nwant %s", tt.in, err, tt.want)
			}
			var e *diag.Error
			if !errors.As(err, &e) {
				t.Errorf("Execute(%q) error is %T, want *Error", tt.in, err)
			}
		})
	}
}

func TestGuessCol(t *testing.T) {
	tests := []struct {
		name, line, msg string
		want            int
	}{
		{"quoted function", `<p>{{ salary . }}</p>`, `function "salary" not defined`, 7},
		{"prefers a match inside an action", `salary: {{ salary . }}`, `function "salary" not defined`, 12},
		{"string literal", `{{ define "x" }}b{{ end }}`, `multiple definition of template "x"`, 11},
		{"keyword action", `a {{- end }}`, `unexpected {{end}}`, 3},
		{"keyword", `{{ with $x := 1 }}{{ define "y" }}`, `unexpected <define> in command`, 22},
		{"truncated token", `{{ "abcdefghijklmn" x }}`, `unexpected "\"abcdefghi"... in operand`, 4},
		{"unexpected EOF", `  {{ if .X }}é`, `unexpected EOF`, 15},
		{"unclosed: last action", `{{ .A }} {{ .B`, `unclosed action`, 10},
		{"no token: first action", `x {{ .A | }} {{ .B }}`, `missing value for command`, 3},
		{"nothing to go by", `plain text`, `unexpected EOF in comment`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := guessCol(tt.line, tt.msg); got != tt.want {
				t.Errorf("guessCol(%q, %q) = %d, want %d", tt.line, tt.msg, got, tt.want)
			}
		})
	}
}
