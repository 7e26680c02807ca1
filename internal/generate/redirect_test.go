package generate

import "testing"

func TestAliasPath(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/old/", "/old/", true},
		{"/old", "/old/", true},
		{"/a//b/./c", "/a/b/c/", true},
		{"/old/page.html", "/old/page.html", true},
		{"/", "/", true},
		{"old/", "", false},
		{"//host/x", "", false},
		{"/a/../b", "", false},
		{"/a\\b", "", false},
		{"/a?b", "", false},
		{"/a#b", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := AliasPath(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("AliasPath(%q) = %q, %v, want %q (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
