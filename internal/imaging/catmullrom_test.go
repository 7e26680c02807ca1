package imaging

import (
	"bytes"
	"fmt"
	"image"
	"math/rand/v2"
	"testing"

	xdraw "golang.org/x/image/draw"
)

// TestScaleMatchesDraw: scale gives the bytes of x/image/draw's
// Catmull-Rom, shrinking (the kernel widened), enlarging, at the same
// size and from a part of the source off its origin, on random pixels
// with random alpha (colour above alpha too, which both clamp).
func TestScaleMatchesDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	src := image.NewRGBA(image.Rect(3, 5, 3+301, 5+203))
	for i := range src.Pix {
		src.Pix[i] = uint8(rng.UintN(256))
	}
	for _, tc := range []struct {
		sr     image.Rectangle
		dw, dh int
	}{
		{src.Rect, 160, 107},                   // shrink
		{src.Rect, 37, 211},                    // shrink across, enlarge down
		{src.Rect, 301, 203},                   // the same size
		{src.Rect, 640, 430},                   // enlarge
		{src.Rect, 1, 1},                       // one pixel
		{image.Rect(50, 40, 250, 140), 90, 45}, // a part, off the origin
		{image.Rect(3, 5, 4, 208), 7, 30},      // one column
	} {
		t.Run(fmt.Sprintf("%v to %dx%d", tc.sr, tc.dw, tc.dh), func(t *testing.T) {
			want := image.NewRGBA(image.Rect(0, 0, tc.dw, tc.dh))
			xdraw.CatmullRom.Scale(want, want.Rect, src, tc.sr, xdraw.Src, nil)
			got := image.NewRGBA(want.Rect)
			scale(got, src, tc.sr)
			if !bytes.Equal(got.Pix, want.Pix) {
				n := 0
				for i := range got.Pix {
					if got.Pix[i] != want.Pix[i] {
						n++
					}
				}
				t.Errorf("scale differs from draw.CatmullRom.Scale in %d of %d bytes", n, len(got.Pix))
			}
		})
	}
}

// TestScaleRing: scale keeps a few rows of the horizontal pass, not one
// per source row: shrinking 2000 rows to 1067 reaches at most 6 rows at
// once (the kernel's 4 taps widened 1.87 times, rounded outwards).
func TestScaleRing(t *testing.T) {
	if n := newDistrib(1067, 2000).span(); n > 8 {
		t.Errorf("a result row reaches %d source rows, want at most 8", n)
	}
}
