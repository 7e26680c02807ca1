package render

import (
	"slices"
	"testing"
)

func TestShortcode(t *testing.T) {
	r := newRenderer(t, map[string]string{
		"layouts/shortcodes/note.html":        "site note {{ .X }}",
		"layouts/shortcodes/career/card.html": "card",
	}, map[string]string{
		"layouts/shortcodes/note.html":   "theme note",
		"layouts/shortcodes/figure.html": "figure",
		"layouts/partials/note.html":     "a partial, never a shortcode",
		"layouts/_default/single.html":   "a page, never a shortcode",
	})
	if got, want := r.Shortcodes(), []string{"career/card", "figure", "note"}; !slices.Equal(got, want) {
		t.Errorf("Shortcodes() = %q, want %q", got, want)
	}
	tests := []struct {
		name, file string
		ok         bool
	}{
		{"note", "layouts/shortcodes/note.html", true},
		{"career/card", "layouts/shortcodes/career/card.html", true},
		{"figure", "layouts/shortcodes/figure.html", true},
		{"single", "layouts/shortcodes/single.html", false},
		{"x/../note", "layouts/shortcodes/x/../note.html", false},
	}
	for _, tt := range tests {
		file, ok := r.Shortcode(tt.name)
		if file != tt.file || ok != tt.ok {
			t.Errorf("Shortcode(%q) = %q, %v, want %q, %v", tt.name, file, ok, tt.file, tt.ok)
		}
	}
	for file, want := range map[string]bool{
		"layouts/shortcodes/figure.html":      true,  // the theme's alone
		"layouts/shortcodes/note.html":        false, // the site's over the theme's
		"layouts/shortcodes/career/card.html": false, // the site's alone
		"layouts/shortcodes/none.html":        false,
	} {
		if got := r.FromTheme(file); got != want {
			t.Errorf("FromTheme(%q) = %v, want %v", file, got, want)
		}
	}
	file, _ := r.Shortcode("note")
	if got := execute(t, r, file, map[string]int{"X": 1}); got != "site note 1" {
		t.Errorf("Execute(%q) = %q, want the site's note", file, got)
	}
}
