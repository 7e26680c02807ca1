package markdown

import "testing"

func TestFirstImage(t *testing.T) {
	for _, tc := range []struct {
		name, in  string
		line, col int
		ok        bool
	}{
		{"none", "Text only.\n", 0, 0, false},
		{"after a paragraph", "Intro.\n\nSee ![A](a.png) and ![B](b.png).\n", 12, 5, true},
		{"not in code", "```\n![A](a.png)\n```\n\n![B](b.png)\n", 14, 1, true},
		{"in a list", "- one\n- ![A](a.png)\n", 11, 3, true},
	} {
		line, col, ok := New(Options{}).FirstImage([]byte(tc.in), 10)
		if line != tc.line || col != tc.col || ok != tc.ok {
			t.Errorf("%s: FirstImage(%q) = %d:%d, %v; want %d:%d, %v", tc.name, tc.in, line, col, ok, tc.line, tc.col, tc.ok)
		}
	}
}
