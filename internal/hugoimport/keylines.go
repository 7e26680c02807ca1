package hugoimport

import (
	"bytes"
	"strings"

	"github.com/careersite/careersite/internal/hugofile"
)

// keyLines returns where each top-level key of sp's front matter is: the
// file line of the key ours came from, else the front matter's first
// line. The report places what needs a person there.
func keyLines(sp *hugofile.Page) func(key string) int {
	lines := map[string]int{}
	for i, l := range bytes.Split(sp.FrontMatter, []byte("\n")) {
		if k := keyOfLine(string(l)); k != "" {
			if _, seen := lines[k]; !seen {
				lines[k] = sp.FrontMatterLine + i
			}
		}
	}
	return func(key string) int {
		key = strings.ToLower(key)
		if n, ok := lines[key]; ok {
			return n
		}
		for _, from := range sortedKeys(renamed) {
			if n, ok := lines[from]; ok && renamed[from] == key {
				return n
			}
		}
		return max(sp.FrontMatterLine-1, 1)
	}
}

// keyOfLine returns the lower-cased key a line of YAML, TOML or JSON
// starts with at its first column ("" when none): `Title: x`, `title = "x"`,
// `  "title": "x"` (JSON keys are indented).
func keyOfLine(l string) string {
	t := strings.TrimLeft(l, " \t")
	if t != l && !strings.HasPrefix(t, `"`) {
		return "" // a nested YAML or TOML key
	}
	t = strings.TrimPrefix(t, `"`)
	end := strings.IndexAny(t, `":= `)
	if end <= 0 {
		return ""
	}
	return strings.ToLower(t[:end])
}
