package careersite

import (
	"io/fs"
	"slices"
	"testing"
)

// TestThemeHoldsNoExampleContent: the embedded theme's assets are the
// theme's stylesheets, scripts and icon; the example site's pictures stay
// out of it, or every site built with the default theme would publish
// them.
func TestThemeHoldsNoExampleContent(t *testing.T) {
	entries, err := fs.ReadDir(Theme(), "assets")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"css", "favicon.svg", "js"}; !slices.Equal(names, want) {
		t.Errorf("the theme's assets/ holds %v, want %v", names, want)
	}
}
