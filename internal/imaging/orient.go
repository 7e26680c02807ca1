package imaging

import (
	"image"
	"image/draw"
)

// orient returns img as it is displayed under EXIF orientation o: mirrored
// (2, 4), turned half way (3), or transposed and turned (5–8, which swap
// width and height). Orientation 1, or an unknown one, returns img itself.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	src := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(src, src.Rect, img, b.Min, draw.Src) // the standard library's fast paths
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for dy := range dh {
		for dx := range dw {
			sx, sy := storedPixel(o, dx, dy, w, h)
			copy(dst.Pix[dst.PixOffset(dx, dy):][:4], src.Pix[src.PixOffset(sx, sy):][:4])
		}
	}
	return dst
}

// storedPixel returns the pixel of a w×h stored image that is shown at
// (dx, dy) under orientation o. The EXIF standard names each orientation
// by where the stored first row and column are shown: 6, "row 0 at the
// right, column 0 at the top", is a stored image turned 90° clockwise.
func storedPixel(o, dx, dy, w, h int) (sx, sy int) {
	switch o {
	case 2: // mirrored left to right
		return w - 1 - dx, dy
	case 3: // turned 180°
		return w - 1 - dx, h - 1 - dy
	case 4: // mirrored top to bottom
		return dx, h - 1 - dy
	case 5: // transposed
		return dy, dx
	case 6: // turned 90° clockwise
		return dy, h - 1 - dx
	case 7: // transposed the other way
		return w - 1 - dy, h - 1 - dx
	case 8: // turned 90° anticlockwise
		return w - 1 - dy, dx
	}
	return dx, dy
}
