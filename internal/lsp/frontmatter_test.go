package lsp

import (
	"slices"
	"strings"
	"testing"
)

// TestPlaceIn: what the cursor (the "|") is on in front matter, read from
// indentation (YAML), table headers (TOML) or open braces (JSON), for
// text a parser would refuse.
func TestPlaceIn(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *fieldPlace // nil: in front matter, on nothing; start is the "|" less the prefix
		out  bool        // outside front matter
	}{
		{name: "top-level key", in: "---\ntitle: x\nsen|\n---\n", want: &fieldPlace{prefix: "sen"}},
		{name: "value", in: "---\nseniority: ju|\n---\n", want: &fieldPlace{key: "seniority", value: true, prefix: "ju"}},
		{name: "quoted value", in: "---\nseniority: \"ju|\n---\n", want: &fieldPlace{key: "seniority", value: true, prefix: "ju"}},
		{name: "flow list", in: "---\nskills: [Go, Post|\n---\n", want: &fieldPlace{key: "skills", value: true, prefix: "Post"}},
		{name: "nested key", in: "---\nsalary:\n  currency: USD\n  me|\n---\n", want: &fieldPlace{parents: []string{"salary"}, prefix: "me"}},
		{name: "nested value", in: "---\nsalary:\n  period: ye|\n---\n", want: &fieldPlace{parents: []string{"salary"}, key: "period", value: true, prefix: "ye"}},
		{name: "list item", in: "---\nrelated_roles:\n  - /roles/a/\n  - /ro|\n---\n", want: &fieldPlace{parents: []string{"related_roles"}, value: true, prefix: "/ro"}},
		{name: "key in a list of mappings", in: "---\ncareer_path:\n  - title: A\n    ye|\n---\n", want: &fieldPlace{parents: []string{"career_path"}, prefix: "ye"}},
		{name: "deeper", in: "---\ncareer_path:\n  - title: A\n    years:\n      mi|\n---\n", want: &fieldPlace{parents: []string{"career_path", "years"}, prefix: "mi"}},
		{name: "a comment", in: "---\n# note|\n---\n"},
		{name: "TOML key", in: "+++\ntitle = \"x\"\nsen|\n+++\n", want: &fieldPlace{prefix: "sen"}},
		{name: "TOML value", in: "+++\nseniority = \"ju|\n+++\n", want: &fieldPlace{key: "seniority", value: true, prefix: "ju"}},
		{name: "TOML inline array", in: "+++\nskills = [\"Go\", \"Po|\n+++\n", want: &fieldPlace{key: "skills", value: true, prefix: "Po"}},
		{name: "TOML table", in: "+++\ntitle = \"x\"\n[salary]\ncurrency = \"USD\"\nper|\n+++\n", want: &fieldPlace{parents: []string{"salary"}, prefix: "per"}},
		{name: "TOML dotted key being typed: nothing", in: "+++\n[[career_path]]\nyears.mi|\n+++\n", want: nil},
		{name: "TOML dotted key's value", in: "+++\n[[career_path]]\nyears.min = 1|\n+++\n", want: &fieldPlace{parents: []string{"career_path", "years"}, key: "min", value: true, prefix: "1"}},
		{name: "TOML body", in: "+++\ntitle = \"x\"\n+++\nsen|\n", out: true},
		{name: "JSON key", in: "{\n  \"title\": \"x\",\n  \"sen|\n}\n", want: &fieldPlace{prefix: "sen"}},
		{name: "JSON value", in: "{\n  \"seniority\": \"ju|\n}\n", want: &fieldPlace{key: "seniority", value: true, prefix: "ju"}},
		{name: "JSON bare value", in: "{\"draft\": tr|\n}\n", want: &fieldPlace{key: "draft", value: true, prefix: "tr"}},
		{name: "JSON array", in: "{\"skills\": [\"Go\", \"Po|\n}\n", want: &fieldPlace{key: "skills", value: true, prefix: "Po"}},
		{name: "JSON nested key", in: "{\"salary\": {\"currency\": \"USD\", \"pe|\n}\n", want: &fieldPlace{parents: []string{"salary"}, prefix: "pe"}},
		{name: "JSON list of objects", in: "{\"career_path\": [{\"title\": \"A\"}, {\"ye|\n}\n", want: &fieldPlace{parents: []string{"career_path"}, prefix: "ye"}},
		{name: "JSON after a closed object", in: "{\"salary\": {\"min\": 1}, \"sen|\n}\n", want: &fieldPlace{prefix: "sen"}},
		{name: "JSON body", in: "{\"title\": \"x\"}\nsen|\n", out: true},
		{name: "body", in: "---\ntitle: x\n---\nsen|\n", out: true},
	}
	for _, tt := range tests {
		off := strings.Index(tt.in, "|")
		text := []byte(strings.Replace(tt.in, "|", "", 1))
		got, in := frontMatterPlace(text, off)
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
