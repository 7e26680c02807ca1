package lsp

import (
	"slices"
	"strings"
	"testing"
)

// TestPlaceIn: what the cursor (the "|") is on in front matter, read from
// indentation, for lines a parser would refuse.
func TestPlaceIn(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *yamlPlace // nil: in front matter, on nothing; start is the "|" less the prefix
		out  bool       // outside front matter
	}{
		{name: "top-level key", in: "---\ntitle: x\nsen|\n---\n", want: &yamlPlace{prefix: "sen"}},
		{name: "value", in: "---\nseniority: ju|\n---\n", want: &yamlPlace{key: "seniority", value: true, prefix: "ju"}},
		{name: "quoted value", in: "---\nseniority: \"ju|\n---\n", want: &yamlPlace{key: "seniority", value: true, prefix: "ju"}},
		{name: "flow list", in: "---\nskills: [Go, Post|\n---\n", want: &yamlPlace{key: "skills", value: true, prefix: "Post"}},
		{name: "nested key", in: "---\nsalary:\n  currency: USD\n  me|\n---\n", want: &yamlPlace{parents: []string{"salary"}, prefix: "me"}},
		{name: "nested value", in: "---\nsalary:\n  period: ye|\n---\n", want: &yamlPlace{parents: []string{"salary"}, key: "period", value: true, prefix: "ye"}},
		{name: "list item", in: "---\nrelated_roles:\n  - /roles/a/\n  - /ro|\n---\n", want: &yamlPlace{parents: []string{"related_roles"}, value: true, prefix: "/ro"}},
		{name: "key in a list of mappings", in: "---\ncareer_path:\n  - title: A\n    ye|\n---\n", want: &yamlPlace{parents: []string{"career_path"}, prefix: "ye"}},
		{name: "deeper", in: "---\ncareer_path:\n  - title: A\n    years:\n      mi|\n---\n", want: &yamlPlace{parents: []string{"career_path", "years"}, prefix: "mi"}},
		{name: "a comment", in: "---\n# note|\n---\n"},
		{name: "body", in: "---\ntitle: x\n---\nsen|\n", out: true},
	}
	for _, tt := range tests {
		off := strings.Index(tt.in, "|")
		text := []byte(strings.Replace(tt.in, "|", "", 1))
		got, in := placeIn(text, off)
		if in == tt.out {
			t.Errorf("%s: in front matter = %v", tt.name, in)
			continue
		}
		if tt.want == nil || got == nil {
			if got != tt.want && !tt.out {
				t.Errorf("%s: placeIn = %+v, want %+v", tt.name, got, tt.want)
			}
			continue
		}
		if !slices.Equal(got.parents, tt.want.parents) || got.key != tt.want.key || got.value != tt.want.value || got.prefix != tt.want.prefix || got.start != off-len(got.prefix) {
			t.Errorf("%s: placeIn = %+v, want %+v (start %d)", tt.name, *got, *tt.want, off-len(tt.want.prefix))
		}
	}
}
