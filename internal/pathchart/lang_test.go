package pathchart

import (
	"os"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/i18n"
)

// themeStrings loads the default theme's strings (i18n/ at the repository
// root) in English and German.
func themeStrings(t *testing.T) *i18n.Catalog {
	t.Helper()
	c, warnings, err := i18n.Load(os.DirFS("../.."), nil, []string{"en", "de"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		t.Errorf("theme strings: %v", w)
	}
	return c
}

// TestPathSVGThemeEnglish checks that the theme's English strings draw
// the chart as careersite always has (testdata/pathsvg.svg): the strings
// are the same words as SVG's English.
func TestPathSVGThemeEnglish(t *testing.T) {
	c := themeStrings(t)
	got, want := SVG(backEndPath, c.For("en")), SVG(backEndPath, english{})
	if got != want {
		t.Errorf("SVG(backEndPath, en strings) =\n%s\nwant\n%s", got, want)
	}
}

// TestPathSVGGerman checks that the chart's words are the page language's.
func TestPathSVGGerman(t *testing.T) {
	svg := string(SVG(backEndPath, themeStrings(t).For("de")))
	for _, want := range []string{
		`aria-label="Diagramm des Karrierewegs: Fachlaufbahn mit 5 Stufen, von Junior back-end engineer bis Principal engineer; ` +
			`Führungslaufbahn mit 2 Stufen, von Engineering manager bis Director of engineering, Wechsel möglich ab Senior back-end engineer. ` +
			`Darunter sind alle Stufen ausführlich aufgeführt."`,
		`>FACHLAUFBAHN</text>`,
		`>FÜHRUNGSLAUFBAHN</text>`,
		`>Mit Berufserfahrung · 2–5 Jahre</text>`,
		`>Bereichsleitung · 12–20 Jahre</text>`,
		"75.000\u00a0$–105.000\u00a0$ im Jahr</text>",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("German chart lacks %q:\n%s", want, svg)
		}
	}
	for _, english := range []string{"years", " track", "step", "Mid-level", "a year", "Career path", "INDIVIDUAL"} {
		if strings.Contains(svg, english) {
			t.Errorf("German chart has the English %q:\n%s", english, svg)
		}
	}
}

// TestPathSVGYearsGerman checks each form of a range of years in German.
func TestPathSVGYearsGerman(t *testing.T) {
	de := themeStrings(t).For("de")
	one, three := 1, 3
	for _, tc := range []struct {
		in   *career.Years
		want string
	}{
		{&career.Years{Min: 5}, "5+ Jahre"},
		{&career.Years{Min: 1, Max: &one}, "1 Jahr"},
		{&career.Years{Min: 3, Max: &three}, "3 Jahre"},
		{&career.Years{Min: 1, Max: &three}, "1–3 Jahre"},
		{nil, ""},
	} {
		if got := yearsIn(tc.in, de); got != tc.want {
			t.Errorf("yearsIn(%v, de) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
