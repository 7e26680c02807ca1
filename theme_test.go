package careersite

import (
	"io/fs"
	"slices"
	"strings"
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

// TestThemeRunsSiteWidePartsOnHome: the header's search form and the
// footer are the same on every page of a language, so the theme runs them
// on the language's home page, whose output render's Memo keeps for the
// rest of the write: once per language instead of once per page (issue
// 23: about 60 of a page's template calls, 6% of a career-profile build's
// allocations).
func TestThemeRunsSiteWidePartsOnHome(t *testing.T) {
	for file, call := range map[string]string{
		"layouts/partials/header.html": `{{- partial "search-form.html" .Site.Home }}`,
		"layouts/partials/footer.html": `{{ partial "site-footer.html" .Site.Home -}}`,
	} {
		b, err := fs.ReadFile(Theme(), file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), call) {
			t.Errorf("%s does not hold %s", file, call)
		}
	}
}
