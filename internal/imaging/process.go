package imaging

import (
	"image"
	"sync"

	"golang.org/x/image/draw"
)

// Process returns img after s's geometry: scaled by Resize and Fit,
// cropped at s.Anchor and scaled by Fill. Format and quality are Encode's.
// img is not changed; when s changes nothing (Format, or Fit of an image
// already inside the box) img itself is returned. It is
// NewScaler(img).Process(s): the same pixels, whichever way they are asked
// for.
func Process(img image.Image, s Spec) image.Image { return NewScaler(img).Process(s) }

// A Scaler makes processed versions of one decoded image, sharing the work
// between them: the image converted to RGBA once, and its halvings, each
// made once, when a scale first needs it. It is safe for concurrent use.
//
// Scaling is Catmull-Rom, the best kernel golang.org/x/image/draw offers
// (it has no Lanczos, and a second module for one kernel would be a second
// scaler to keep), with draw's own weights and arithmetic but made row by
// row (scale, catmullrom.go): the same pixels without draw's buffer of 32
// bytes for every pixel of the result's width times the source's height.
// The kernel is widened when scaling down, so fine detail does not alias
// (TestProcessScalesDetail). Pixels are scaled with premultiplied alpha,
// so a transparent edge does not bleed a dark fringe.
//
// A Resize or Fit of the whole image is scaled from the smallest halving
// of the image (each a 2×2 box average of the one before, an odd last row
// or column dropped) still at least one and a half times as wide and high
// as the result, not from the image itself: a widened kernel costs in
// proportion to the pixels it reads. A 3000-pixel photograph made 800 and
// 480 wide is scaled from its 1500 and 750-pixel halvings. The difference from scaling the
// full image is below what JPEG or WebP at quality 75 then change, even on
// a zone plate (TestScalerCloseToDirect); closer than 1.5 times, a box
// halving lets a zone plate's finest rings alias visibly. Which halving a
// result is made from depends on its size alone, never on what else was
// made, so the same spec gives the same pixels in every build, whatever the
// cache held. Decoded JPEGs (YCbCr) are converted to RGBA once, which
// every scale and halving reads. A Fill, which crops, is scaled from the
// full image.
type Scaler struct {
	img image.Image

	mu     sync.Mutex
	levels []*image.RGBA // levels[0]: img as RGBA; levels[i+1]: levels[i] halved
}

// NewScaler returns a Scaler of img, which it does not change.
func NewScaler(img image.Image) *Scaler { return &Scaler{img: img} }

// Process returns the image after s's geometry; see the package function
// Process.
func (sc *Scaler) Process(s Spec) image.Image {
	b := sc.img.Bounds()
	w, h := s.Size(b.Dx(), b.Dy())
	from := b
	if s.Op == OpFill {
		from = cropRect(b, w, h, s.Anchor)
	}
	if from == b && w == b.Dx() && h == b.Dy() {
		return sc.img
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if from.Dx() == w && from.Dy() == h { // a crop alone: copy, do not resample
		draw.Draw(dst, dst.Rect, sc.img, from.Min, draw.Src)
		return dst
	}
	if from != b { // a Fill that crops: from the full image
		full := sc.level(b.Dx(), b.Dy())
		scale(dst, full, from.Sub(b.Min))
		return dst
	}
	src := sc.level(w, h)
	scale(dst, src, src.Rect)
	return dst
}

// level returns the smallest of the image's halvings at least 1.5 times
// w×h, else the image itself as RGBA, making it (and the halvings before
// it) the first time.
func (sc *Scaler) level(w, h int) *image.RGBA {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if len(sc.levels) == 0 {
		sc.levels = []*image.RGBA{toRGBA(sc.img)}
	}
	for i := 0; ; i++ {
		if i+1 == len(sc.levels) {
			if r := sc.levels[i].Rect; 2*(r.Dx()/2) < 3*w || 2*(r.Dy()/2) < 3*h {
				return sc.levels[i]
			}
			sc.levels = append(sc.levels, halve(sc.levels[i]))
		}
		if next := sc.levels[i+1].Rect; 2*next.Dx() < 3*w || 2*next.Dy() < 3*h {
			return sc.levels[i]
		}
	}
}

// toRGBA returns img as an *image.RGBA at the origin, what scale and
// halve read: a decoded JPEG is YCbCr.
func toRGBA(img image.Image) *image.RGBA {
	if rgba, ok := img.(*image.RGBA); ok && rgba.Rect.Min == (image.Point{}) {
		return rgba
	}
	b := img.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Rect, img, b.Min, draw.Src)
	return rgba
}

// halve returns src at half its width and height, each pixel the rounded
// mean of a 2×2 block (premultiplied, so alpha is averaged rightly); an
// odd last row or column is dropped.
func halve(src *image.RGBA) *image.RGBA {
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		a := src.Pix[2*y*src.Stride:]
		b := src.Pix[(2*y+1)*src.Stride:]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		for i := range out {
			j := i/4*8 + i%4
			out[i] = uint8((int(a[j]) + int(a[j+4]) + int(b[j]) + int(b[j+4]) + 2) >> 2)
		}
	}
	return dst
}

// cropRect returns the largest part of b with the ratio w:h, placed at the
// anchor.
func cropRect(b image.Rectangle, w, h int, a Anchor) image.Rectangle {
	cw, ch := b.Dx(), b.Dy()
	if int64(cw)*int64(h) > int64(w)*int64(ch) { // wider than w:h: crop the sides
		cw = min(b.Dx(), scaled(ch, w, h))
	} else { // taller: crop top and bottom
		ch = min(b.Dy(), scaled(cw, h, w))
	}
	x := place(b.Dx()-cw, a == Left || a == TopLeft || a == BottomLeft, a == Right || a == TopRight || a == BottomRight)
	y := place(b.Dy()-ch, a == Top || a == TopLeft || a == TopRight, a == Bottom || a == BottomLeft || a == BottomRight)
	return image.Rect(b.Min.X+x, b.Min.Y+y, b.Min.X+x+cw, b.Min.Y+y+ch)
}

// place returns the offset of a crop in the spare room: 0 at the start,
// all of it at the end, half of it (rounded down) in the middle.
func place(room int, start, end bool) int {
	switch {
	case start:
		return 0
	case end:
		return room
	}
	return room / 2
}
