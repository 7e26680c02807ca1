package content

import (
	"strings"
	"testing"
)

func TestFindValue(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		key, value string
		line, col  int
	}{
		{"yaml flow list", "---\ntitle: x\naliases: [/a/, /b/]\n", "aliases", "/b/", 3, 16},
		{"yaml block list", "---\naliases:\n  - /a/\n  - \"/b/\"\n", "aliases", "/b/", 4, 5},
		{"toml", "+++\ntags = [\"x\", \"?\"]\n", "tags", "?", 2, 14},
		{"json", "{\n  \"skills\": [\"Go\", \"!\"]\n}\n", "skills", "!", 2, 20},
		{"value inside the key's name is skipped", "---\ntags: [ta]\n", "tags", "ta", 2, 8},
		{"blank value, quoted", "---\ntags: [ok, \"  \"]\n", "tags", "  ", 2, 12},
		{"value not found: the key", "---\ntitle: t\n  tags: [x]\n", "tags", "nope", 3, 3},
		{"no key", "---\ntitle: t\n", "tags", "x", 1, 1},
		{"a later key of the same prefix", "---\ntagsy: [x]\ntags: [x]\n", "tags", "x", 3, 8},
		{"columns count characters", "---\ntags: [é, \"!\"]\n", "tags", "!", 2, 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := findValue(strings.Split(tt.src, "\n"), tt.key, tt.value)
			if line != tt.line || col != tt.col {
				t.Errorf("findValue(%q, %q) = %d:%d, want %d:%d", tt.key, tt.value, line, col, tt.line, tt.col)
			}
		})
	}
}
