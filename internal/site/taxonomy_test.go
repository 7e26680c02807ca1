package site

import "testing"

func TestTermSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"PostgreSQL", "postgresql"},
		{"  Postgre SQL!", "postgre-sql"},
		{"Node.js", "node-js"},
		{"Café au lait", "café-au-lait"},
		{"C++", "c-plus-plus"},
		{"C#", "c-sharp"},
		{"F# and C++ 17", "f-sharp-and-c-plus-plus-17"},
		{"C", "c"},
		{"#remote", "remote"},
		{"a + b", "a-b"},
		{"!!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := TermSlug(tt.in); got != tt.want {
			t.Errorf("TermSlug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMostCommon(t *testing.T) {
	tests := []struct {
		name string
		in   map[string]int
		want string
	}{
		{"most used", map[string]int{"postgresql": 1, "PostgreSQL": 3}, "PostgreSQL"},
		{"tie goes to byte order", map[string]int{"go": 2, "Go": 2}, "Go"},
		{"one", map[string]int{"x": 1}, "x"},
	}
	for _, tt := range tests {
		if got := mostCommon(tt.in); got != tt.want {
			t.Errorf("%s: mostCommon(%v) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
