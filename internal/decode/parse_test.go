package decode

import (
	"testing"

	"github.com/careersite/careersite/internal/diag"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"unclosed quote", "title: x\ndate: \"2024\nfoo: 1\n", "2:1: invalid YAML: found unexpected end of stream"},
		{"unclosed flow list", "title: x\ntags: [a, b\nfoo: 1\n", "2:1: invalid YAML: did not find expected ',' or ']'"},
		{"unclosed flow list later", "a: 1\nb: 2\nc: 3\nd: [1, 2\ne: 5\n", "4:1: invalid YAML: did not find expected ',' or ']'"},
		{"bad indentation", "title: x\n  date: y\nfoo: bar\n", "2:1: invalid YAML: mapping values are not allowed in this context"},
		{"tab indentation", "title: x\nfoo:\n\t- a\n", "3:1: invalid YAML: found character that cannot start any token"},
		{"list after mapping", "title: x\ndate: 2024\n- a\n", "3:1: invalid YAML: did not find expected key"},
		{"list after mapping on line 1", "title: x\n- a\n", "2:1: invalid YAML: did not find expected key"},
		{"unknown anchor", "a: 1\nb: [x, *nope]\n", "2:8: invalid YAML: unknown anchor 'nope' referenced"},
		{"invalid UTF-8", "a: 1\nb: x\xffy\n", "2:5: invalid UTF-8"},
		{"control character", "a: 1\nbé: \x01\n", `2:5: character '\x01' is not allowed in YAML`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if err == nil {
				t.Fatalf("Parse(%q) succeeded, want %q", tt.in, tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseOK(t *testing.T) {
	n, err := Parse([]byte("\ufefftitle: x\r\ndate: 2024-01-02\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Title string `yaml:"title"`
		Date  string `yaml:"date"`
	}
	if errs := Node(n, &v); len(errs) > 0 || v.Title != "x" || v.Date != "2024-01-02" {
		t.Errorf("Node = %+v, %v", v, errs)
	}
}

func TestErrorIn(t *testing.T) {
	tests := []struct {
		name string
		in   *diag.Error
		want string
	}{
		{"shifted", (&diag.Error{Line: 2, Col: 3, Path: "date", Msg: "bad"}).In("content/x.md", 5), "content/x.md:7:3: date: bad"},
		{"whole file", (&diag.Error{Msg: "cannot read"}).In("content/x.md", 5), "content/x.md: cannot read"},
	}
	for _, tt := range tests {
		if got := tt.in.Error(); got != tt.want {
			t.Errorf("%s: Error() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseFindsTheBreakingLine(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"under-indented key in a list item", "title: x\nmenu:\n  - name: Jobs\n    url: /jobs/\n   weight: 1\n", "5:1: invalid YAML: did not find expected '-' indicator"},
		{"under-indented key in a mapping", "a: 1\nb:\n  c: 1\n  d: 2\n e: 3\n", "5:1: invalid YAML: did not find expected key"},
		{"after a multi-line string", "a: 1\nb:\n  c: \"x\n   y\"\n  d: [1,\n  2]\n  e: f: g\n", "7:1: invalid YAML: mapping values are not allowed in this context"},
		{"missing comma in a flow mapping", "a: {x: 1,\n  y: 2\nb: 3\n", "3:1: invalid YAML: did not find expected ',' or '}'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("Parse(%q) = %v, want %q", tt.in, err, tt.want)
			}
		})
	}
}
