package watch

import "testing"

func TestIgnored(t *testing.T) {
	for _, tc := range []struct {
		name  string
		isDir bool
		want  bool
	}{
		{"a.md", false, false},
		{"single.html", false, false},
		{"site.css", false, false},
		{"_index.md", false, false},
		{"2026", false, false},
		{"4913", false, true}, // vim's write test
		{"5036", false, true}, // the next one vim tries
		{"5037", false, false},
		{"04913", false, false},
		{"4913", true, false},
		{".a.md.swp", false, true},
		{"a.md.swp", false, true},
		{"a.md.swx", false, true},
		{"a.md.swo", false, true},
		{"a.md~", false, true},
		{"#a.md#", false, true},
		{"#", false, false},
		{".#a.md", false, true},
		{"a.md___jb_tmp___", false, true},
		{"a.md___jb_old___", false, true},
		{"a.md.tmp", false, true},
		{".DS_Store", false, true},
		{".git", true, true},
		{"jobs", true, false},
		{"jobs~", true, false},
	} {
		if got := ignored(tc.name, tc.isDir); got != tc.want {
			t.Errorf("ignored(%q, %v) = %v, want %v", tc.name, tc.isDir, got, tc.want)
		}
	}
}
