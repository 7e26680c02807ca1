package socialcard

import (
	"image"
	"image/color"
)

// A card has three colours and the shades between the background and each
// of the other two that anti-aliasing makes, so it is drawn as coverage (an
// *image.Alpha for the text colour, one for the accent) and written as a
// paletted PNG: one byte a pixel instead of three, and no per-row filter
// search, which made PNG encoding three quarters of a card's time.

// levels is how many shades of each colour over the background the palette
// holds, counting the background and the colour itself: 128, so that the
// background, 127 shades of the text colour and 127 of the accent fit into
// 256 entries. Coverage keeps 7 of its 8 bits.
const levels = 128

// palette is the background (index 0), then the text colour at 1/127 to
// 127/127 over it (indices 1 to 127), then the accent likewise (128 to
// 254); entry 255 repeats the background, unused.
func palette(c Colors) color.Palette {
	p := make(color.Palette, 256)
	p[0], p[255] = c.Background, c.Background
	for k := 1; k < levels; k++ {
		p[k] = blend(c.Background, c.Text, k)
		p[levels-1+k] = blend(c.Background, c.Accent, k)
	}
	return p
}

// blend is fg over bg at k/127 coverage, rounded.
func blend(bg, fg color.RGBA, k int) color.RGBA {
	mix := func(b, f uint8) uint8 {
		return uint8((int(f)*k + int(b)*(levels-1-k) + (levels-1)/2) / (levels - 1))
	}
	return color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 0xff}
}

// level is 8-bit coverage as a shade, 0 to 127, rounded.
func level(a uint8) uint8 { return uint8((int(a)*(levels-1) + 127) / 255) }

// shade is level of every coverage, looked up rather than divided: compose
// asks for it at each of a card's 756,000 pixels.
var shade = func() (t [256]uint8) {
	for a := range t {
		t[a] = level(uint8(a))
	}
	return t
}()

// compose turns the two coverage layers into the card. The layers never
// overlap (the accent's only text is the kind, far from the stripe and the
// other texts); where they would, the accent wins.
func compose(c Colors, text, accent *image.Alpha) *image.Paletted {
	img := image.NewPaletted(text.Rect, palette(c))
	pix, tp := img.Pix, text.Pix[:len(accent.Pix)]
	for i, a := range accent.Pix {
		if a|tp[i] == 0 {
			continue // the background, index 0, as NewPaletted left it
		}
		if k := shade[a]; k != 0 {
			pix[i] = levels - 1 + k
		} else {
			pix[i] = shade[tp[i]]
		}
	}
	return img
}
