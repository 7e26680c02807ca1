package content

import (
	"fmt"
	"strings"
	"testing"
)

func TestScanTOML(t *testing.T) {
	src := `title = "a # not a comment" # a comment
"quoted key" = 'lit'
dotted.key = 1
multi = """
line "one"
""" # ends here
lit = '''
x'''
arr = [ 1, [2, 3],
  { n = "x", m = [true] }, # comment
]
when = 1979-05-27 07:32:00Z

[table]
k = "v"

[[jobs]]
title = "a"
[jobs.salary]
min = 1
[[jobs]]
title = "b"
[[jobs.steps]]
years = 2
`
	tests := []struct {
		path string
		want string // key line:col, value line:col (array elements have no key: both are the value's)
	}{
		{"title", "1:1 1:9"},
		{"quoted key", "2:1 2:16"},
		{"dotted", "3:1 3:1"},
		{"dotted.key", "3:1 3:14"},
		{"multi", "4:1 4:9"},
		{"lit", "7:1 7:7"},
		{"arr", "9:1 9:7"},
		{"arr[0]", "9:9 9:9"},
		{"arr[1]", "9:12 9:12"},
		{"arr[1][1]", "9:16 9:16"},
		{"arr[2]", "10:3 10:3"},
		{"arr[2].n", "10:5 10:9"},
		{"arr[2].m", "10:14 10:18"},
		{"arr[2].m[0]", "10:19 10:19"},
		{"when", "12:1 12:8"},
		{"table", "14:1 14:1"},
		{"table.k", "15:1 15:5"},
		{"jobs", "17:1 17:1"},
		{"jobs[0]", "17:1 17:1"},
		{"jobs[0].title", "18:1 18:9"},
		{"jobs[0].salary", "19:1 19:1"},
		{"jobs[0].salary.min", "20:1 20:7"},
		{"jobs[1].title", "22:1 22:9"},
		{"jobs[1].steps[0].years", "24:1 24:9"},
	}
	pos := scanTOML([]byte(src))
	li := newLineIndex([]byte(src))
	for _, tt := range tests {
		p, ok := pos[tomlPath(tt.path)]
		if !ok {
			t.Errorf("scanTOML: no position for %s", tt.path)
			continue
		}
		kl, kc := li.pos(p.key)
		vl, vc := li.pos(p.val)
		if got := fmt.Sprintf("%d:%d %d:%d", kl, kc, vl, vc); got != tt.want {
			t.Errorf("scanTOML: %s at %s, want %s", tt.path, got, tt.want)
		}
	}
}

// tomlPath turns "a.b[1].c" into the scanner's path form.
func tomlPath(s string) string {
	if s == "quoted key" {
		return s
	}
	var path string
	for part := range strings.SplitSeq(s, ".") {
		name, idx, _ := strings.Cut(part, "[")
		path = tomlJoin(path, name)
		for idx != "" {
			var n int
			fmt.Sscanf(idx, "%d]", &n)
			path = tomlIndex(path, n)
			_, idx, _ = strings.Cut(idx, "[")
		}
	}
	return path
}

func TestTOMLNode(t *testing.T) {
	src := "title = \"X\"\ndate = 2024-01-02\n\n[[career_path]]\ntitle = \"Junior\"\n[[career_path]]\ntitle = \"Senior\"\nyears = \"many\"\n"
	n, err := tomlNode([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	top := topMapping(n)
	var keys []string
	for i := 0; i < len(top.Content); i += 2 {
		keys = append(keys, fmt.Sprintf("%s@%d:%d", top.Content[i].Value, top.Content[i].Line, top.Content[i].Column))
	}
	if got, want := strings.Join(keys, " "), "title@1:1 date@2:1 career_path@4:1"; got != want {
		t.Errorf("keys = %s, want %s (in document order)", got, want)
	}
	years := valueNode(valueNode(top, "career_path").Content[1], "years")
	if years.Line != 8 || years.Column != 9 || years.Value != "many" {
		t.Errorf("career_path[1].years = %q at %d:%d, want \"many\" at 8:9", years.Value, years.Line, years.Column)
	}
}
