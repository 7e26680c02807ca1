package generate

import (
	"testing"

	"github.com/careersite/careersite/internal/model"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"one two, three", 10, "one two…"},
		{"abcdefghijkl", 5, "abcd…"},
		{"ééé ééé ééé", 6, "ééé…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestSearchOptionsRules(t *testing.T) {
	tests := []struct {
		site      *model.Site
		wantPlain bool
	}{
		{nil, false},
		{&model.Site{}, false},
		{&model.Site{Language: "en"}, false},
		{&model.Site{Language: "en-GB"}, false},
		{&model.Site{Language: "de"}, true},
		{&model.Site{Language: "pt-BR"}, true},
	}
	for _, tt := range tests {
		if got := SearchPlain(tt.site); got != tt.wantPlain {
			t.Errorf("SearchPlain(%+v) = %t, want %t", tt.site, got, tt.wantPlain)
		}
	}
}
