package markdown

import (
	"math"

	"github.com/alecthomas/chroma/v2"
)

// minContrast is the WCAG 2 AA contrast ratio for normal text.
const minContrast = 4.5

// readable returns style with every token colour that falls short of
// minContrast against the style's background moved away from it, step by
// step, until it passes: darker on a light background, lighter on a dark
// one. Colours that already pass are kept, so the style keeps its look; the
// chroma styles we use were made by eye, and a few of their colours (GitHub's
// grey for built-in pseudo names, 4.49:1) miss AA by a hair.
func readable(style *chroma.Style) *chroma.Style {
	bg := style.Get(chroma.Background).Background
	if !bg.IsSet() {
		return style
	}
	b := style.Builder()
	for _, tt := range sortedTokenTypes() {
		entry := style.Get(tt)
		if !entry.Colour.IsSet() || (entry.Background.IsSet() && entry.Background != bg) {
			continue
		}
		if fixed := legible(entry.Colour, bg); fixed != entry.Colour {
			entry.Colour = fixed
			b.AddEntry(tt, entry)
		}
	}
	fixed, err := b.Build()
	if err != nil { // cannot happen: the entries come from a valid style
		return style
	}
	return fixed
}

// legible moves fg away from bg until their contrast is at least minContrast.
func legible(fg, bg chroma.Colour) chroma.Colour {
	step := -0.05 // darken on a light background
	if luminance(bg) < 0.5 {
		step = 0.05
	}
	for range 40 {
		if contrast(fg, bg) >= minContrast {
			return fg
		}
		fg = fg.Brighten(step)
	}
	return fg
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b chroma.Colour) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// luminance is the WCAG 2 relative luminance of c.
func luminance(c chroma.Colour) float64 {
	channel := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(c.Red()) + 0.7152*channel(c.Green()) + 0.0722*channel(c.Blue())
}
