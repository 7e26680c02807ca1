package socialcard

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// fonts are the two parsed faces' fonts. They are parsed once per process:
// an *opentype.Font is read-only after parsing and safe for concurrent use
// (each Face made from it has its own buffers), so sharing it holds no state.
type fonts struct {
	bold, medium *opentype.Font
	digest       [sha256.Size]byte // of the fonts' bytes, for Key
}

var loadFonts = sync.OnceValues(func() (*fonts, error) {
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("socialcard: parsing Go Bold: %w", err)
	}
	medium, err := opentype.Parse(gomedium.TTF)
	if err != nil {
		return nil, fmt.Errorf("socialcard: parsing Go Medium: %w", err)
	}
	h := sha256.New()
	h.Write(gobold.TTF)
	h.Write(gomedium.TTF)
	f := &fonts{bold: bold, medium: medium}
	h.Sum(f.digest[:0])
	return f, nil
})

// face is f at size pixels (72 dpi, so a point is a pixel), unhinted so that
// a line measures the same wherever it is drawn.
func face(f *opentype.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// hasGlyph reports whether f draws r with a glyph of its own (glyph 0 is
// the "missing" box).
func hasGlyph(f *opentype.Font, buf *sfnt.Buffer, r rune) bool {
	i, err := f.GlyphIndex(buf, r)
	return err == nil && i != 0
}
