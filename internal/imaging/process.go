package imaging

import (
	"image"

	"golang.org/x/image/draw"
)

// Process returns img after s's geometry: scaled by Resize and Fit,
// cropped at s.Anchor and scaled by Fill. Format and quality are Encode's.
// img is not changed; when s changes nothing (Format, or Fit of an image
// already inside the box) img itself is returned.
//
// Scaling is Catmull-Rom from golang.org/x/image/draw, the best kernel
// x/image offers (it has no Lanczos, and a second module for one kernel
// would be a second scaler to keep). draw widens the kernel when scaling
// down, so fine detail does not alias (TestProcessScalesDetail). Pixels
// are scaled with premultiplied alpha, so a transparent edge does not
// bleed a dark fringe.
func Process(img image.Image, s Spec) image.Image {
	b := img.Bounds()
	w, h := s.Size(b.Dx(), b.Dy())
	from := b
	if s.Op == OpFill {
		from = cropRect(b, w, h, s.Anchor)
	}
	if from == b && w == b.Dx() && h == b.Dy() {
		return img
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if from.Dx() == w && from.Dy() == h { // a crop alone: copy, do not resample
		draw.Draw(dst, dst.Rect, img, from.Min, draw.Src)
		return dst
	}
	draw.CatmullRom.Scale(dst, dst.Rect, img, from, draw.Src, nil)
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
