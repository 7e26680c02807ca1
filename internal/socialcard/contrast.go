package socialcard

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
)

// MinContrast is the least contrast ratio between the text (or accent) and
// the background: WCAG 2's level AA for normal text, 4.5:1.
const MinContrast = 4.5

// Colors are a card's colours, all opaque.
type Colors struct {
	Background color.RGBA
	Text       color.RGBA // title, salary and site name
	Accent     color.RGBA // the stripe and the kind label, so text too
}

// DefaultColors are the default theme's light colours, from
// assets/css/site.css: --bg #ffffff, --text #18202a, --accent #1b4fb3.
func DefaultColors() Colors {
	return Colors{
		Background: color.RGBA{0xff, 0xff, 0xff, 0xff},
		Text:       color.RGBA{0x18, 0x20, 0x2a, 0xff},
		Accent:     color.RGBA{0x1b, 0x4f, 0xb3, 0xff},
	}
}

// ContrastError is the error for colours a card cannot use: a colour that
// is not opaque, or a text colour too close to the background.
type ContrastError struct {
	Which  string // "text" or "accent"; "background" when it is not opaque
	Color  color.RGBA
	Ratio  float64 // against the background; 0 when a colour is not opaque
	Opaque bool
}

func (e *ContrastError) Error() string {
	if !e.Opaque {
		return fmt.Sprintf("socialcard: %s colour %s is not opaque", e.Which, Hex(e.Color))
	}
	return fmt.Sprintf("socialcard: %s colour %s has a contrast of %.2f:1 with the background, want at least %.1f:1",
		e.Which, Hex(e.Color), e.Ratio, MinContrast)
}

// Check returns a *ContrastError for the first of Background, Text and
// Accent that is not opaque or, for Text and Accent, has less than
// MinContrast with Background; nil when the colours can be used.
func (c Colors) Check() error {
	for _, x := range []struct {
		which string
		col   color.RGBA
	}{{"background", c.Background}, {"text", c.Text}, {"accent", c.Accent}} {
		if x.col.A != 0xff {
			return &ContrastError{Which: x.which, Color: x.col}
		}
	}
	if r := Contrast(c.Text, c.Background); r < MinContrast {
		return &ContrastError{Which: "text", Color: c.Text, Ratio: r, Opaque: true}
	}
	if r := Contrast(c.Accent, c.Background); r < MinContrast {
		return &ContrastError{Which: "accent", Color: c.Accent, Ratio: r, Opaque: true}
	}
	return nil
}

// Contrast is WCAG 2's contrast ratio of two opaque colours, from 1 (the
// same luminance) to 21 (black and white): (L1 + 0.05) / (L2 + 0.05), L1
// the lighter colour's relative luminance.
func Contrast(a, b color.RGBA) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Luminance is WCAG 2's relative luminance of an opaque sRGB colour, from 0
// (black) to 1 (white).
func Luminance(c color.RGBA) float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// linear undoes sRGB's transfer function. WCAG 2.1 writes the threshold as
// 0.03928, sRGB as 0.04045; no 8-bit value lies between the two.
func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// ParseHex reads a CSS hex colour, "#1b4fb3" or "#fff", as an opaque colour.
func ParseHex(s string) (color.RGBA, error) {
	h, ok := strings.CutPrefix(s, "#")
	if ok && len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if !ok || len(h) != 6 {
		return color.RGBA{}, fmt.Errorf("socialcard: colour %q: want #rrggbb or #rgb", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return color.RGBA{}, fmt.Errorf("socialcard: colour %q: want #rrggbb or #rgb", s)
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}, nil
}

// Hex writes c as CSS does, "#1b4fb3", ignoring alpha.
func Hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
