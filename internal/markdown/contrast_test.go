package markdown

import (
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

func TestReadableStylesMeetAA(t *testing.T) {
	for _, name := range []string{lightStyle, darkStyle} {
		style := readable(styles.Get(name))
		bg := style.Get(chroma.Background).Background
		for _, tt := range sortedTokenTypes() {
			e := style.Get(tt)
			if !e.Colour.IsSet() || (e.Background.IsSet() && e.Background != bg) {
				continue
			}
			if c := contrast(e.Colour, bg); c < minContrast {
				t.Errorf("%s: %s %s on %s has contrast %.2f, want at least %.1f", name, tt, e.Colour, bg, c, minContrast)
			}
		}
	}
}

func TestLegibleKeepsPassingColours(t *testing.T) {
	bg := chroma.MustParseColour("#ffffff")
	for _, c := range []string{"#000000", "#57606a", "#cf222e"} {
		fg := chroma.MustParseColour(c)
		if got := legible(fg, bg); got != fg {
			t.Errorf("legible(%s, %s) = %s, want it unchanged", fg, bg, got)
		}
	}
	grey := chroma.MustParseColour("#6a737d")
	tinted := chroma.MustParseColour("#f7f7f7")
	if got := legible(grey, tinted); contrast(got, tinted) < minContrast {
		t.Errorf("legible(%s, %s) = %s with contrast %.2f", grey, tinted, got, contrast(got, tinted))
	}
}

func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#6a737d", "#f7f7f7", 4.49},
	} {
		got := contrast(chroma.MustParseColour(tc.a), chroma.MustParseColour(tc.b))
		if got < tc.want-0.01 || got > tc.want+0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}
