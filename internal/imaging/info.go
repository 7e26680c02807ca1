package imaging

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"
)

// Info is what an image's header says.
type Info struct {
	Format        Format
	Width, Height int // as displayed: EXIF orientation applied
	Orientation   int // EXIF orientation, 1–8; 1 for every format but JPEG
}

// Pixels returns Width×Height without overflow.
func (i Info) Pixels() int64 { return int64(i.Width) * int64(i.Height) }

// DecodeInfo returns data's format and displayed size, reading its header
// only: no pixel is decoded.
func DecodeInfo(data []byte) (Info, error) {
	f, ok := sniff(data)
	if !ok {
		return Info{}, ErrUnknownFormat
	}
	if f == SVG {
		w, h, err := svgSize(data)
		return Info{Format: SVG, Width: w, Height: h, Orientation: 1}, err
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		return Info{}, fmt.Errorf("reading the %s header: %w", f.label(), err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, fmt.Errorf("the %s header says %d×%d pixels", f.label(), cfg.Width, cfg.Height)
	}
	info := Info{Format: f, Width: cfg.Width, Height: cfg.Height, Orientation: 1}
	if f == JPEG {
		info.Orientation = jpegOrientation(data)
		if info.Orientation >= 5 {
			info.Width, info.Height = info.Height, info.Width
		}
	}
	return info, nil
}

// decodeConfig calls the format's own header reader. It names the decoder
// rather than going through image.DecodeConfig, whose registry is global:
// gen2brain/webp registers a WebAssembly decoder for "webp" there, and the
// pure-Go x/image/webp is the one wanted for reading.
func decodeConfig(f Format, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.DecodeConfig(r)
	case PNG:
		return png.DecodeConfig(r)
	case GIF:
		return gif.DecodeConfig(r)
	case WebP:
		return webp.DecodeConfig(r)
	}
	return image.Config{}, ErrUnknownFormat
}

// ErrNotRaster is the error for processing an SVG: it is published as it
// is, and its size comes from its viewBox.
var ErrNotRaster = errors.New("an SVG image is published as it is and cannot be resized or converted")

// PixelsError is the error for an image whose header claims more pixels
// than the caller allows.
type PixelsError struct {
	Width, Height int
	Max           int64
}

func (e *PixelsError) Error() string {
	return fmt.Sprintf("the image is %d×%d pixels (%.1f megapixels), more than the limit of %.1f megapixels (limits.image_pixels)",
		e.Width, e.Height, float64(int64(e.Width)*int64(e.Height))/1e6, float64(e.Max)/1e6)
}

// Decode decodes data's pixels, shown as they are displayed (EXIF
// orientation applied). An image of more than maxPixels pixels is refused
// from its header, before any pixel is decoded. A GIF gives its first
// frame; an SVG is ErrNotRaster.
func Decode(data []byte, maxPixels int64) (image.Image, Info, error) {
	info, err := DecodeInfo(data)
	if err != nil {
		return nil, Info{}, err
	}
	if info.Format == SVG {
		return nil, info, ErrNotRaster
	}
	if info.Pixels() > maxPixels {
		return nil, info, &PixelsError{Width: info.Width, Height: info.Height, Max: maxPixels}
	}
	img, err := decodePixels(info.Format, data)
	if err != nil {
		return nil, info, fmt.Errorf("decoding the %s image: %w", info.Format.label(), err)
	}
	return orient(img, info.Orientation), info, nil
}

func decodePixels(f Format, data []byte) (image.Image, error) {
	r := bytes.NewReader(data)
	switch f {
	case JPEG:
		return jpeg.Decode(r)
	case PNG:
		return png.Decode(r)
	case GIF:
		return gifFirstFrame(r)
	case WebP:
		return webp.Decode(r)
	}
	return nil, ErrUnknownFormat
}

// gifFirstFrame returns a GIF's first frame on its logical screen: a frame
// may cover only part of the screen, and the screen is the size a browser
// shows (and DecodeInfo reports). The rest is transparent.
func gifFirstFrame(r io.Reader) (image.Image, error) {
	g, err := gif.DecodeAll(r)
	if err != nil {
		return nil, err
	}
	frame := g.Image[0]
	screen := image.Rect(0, 0, g.Config.Width, g.Config.Height)
	if frame.Rect == screen {
		return frame, nil
	}
	dst := image.NewNRGBA(screen)
	draw.Draw(dst, frame.Rect, frame, frame.Rect.Min, draw.Src)
	return dst, nil
}
