package imaging

import (
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"runtime"

	"github.com/gen2brain/webp"
)

// DefaultQuality is the quality of JPEG and WebP output when a spec names
// none: Hugo's default, which keeps photographs clean at about a tenth of
// their lossless size.
const DefaultQuality = 75

// webpMethod is libwebp's effort, 0 (fast) to 6 (small). Method 1 rather
// than libwebp's default 4: on photographs at the default widths it costs
// 0.28 of method 4's CPU for files 5% larger at the same PSNR (29.12
// against 29.16 dB), which is Hugo's own output (cgo libwebp, method 4,
// photo preset: 4% larger than method 4 here) within 1%; method 2 is both
// slower and larger than 1, and 3 costs as much as 4. libwebp run as
// WebAssembly costs 3.4 times libwebp native, so at method 4 the WebP
// files alone made a cold build slower than Hugo's. bench/RESULTS.md
// (issue 22) has the figures and the command.
const webpMethod = 1

// The encoders' modules, for EncoderVersion. TestEncoderVersionMatchesGoMod
// fails the day go.mod says otherwise.
const (
	webpModule  = "github.com/gen2brain/webp v0.5.5"
	imageModule = "golang.org/x/image v0.48.0"
)

// EncoderVersion names everything that decides the bytes of a processed
// image besides its source and spec: the Go release (image/jpeg,
// image/png), x/image (the scaler), the WebP module and how it runs
// libwebp. gen2brain/webp uses a system libwebp.so when it finds one and
// its own WebAssembly build otherwise; their bytes may differ, so the two
// have different versions, and a build that must be identical on every
// machine is compiled with -tags nodynamic.
func EncoderVersion() string {
	libwebp := "wasm"
	if webp.Dynamic() == nil {
		libwebp = "system libwebp"
	}
	return runtime.Version() + "; " + imageModule + "; " + webpModule + " (" + libwebp + ")"
}

// Encode writes img to w as f (JPEG, PNG or WebP) at quality (1–100; 0 is
// DefaultQuality; PNG ignores it). It writes pixels and nothing else: no
// EXIF, GPS, XMP, ICC profile or text chunk, since img holds none.
func Encode(w io.Writer, img image.Image, f Format, quality int) error {
	if quality <= 0 {
		quality = DefaultQuality
	}
	quality = min(quality, 100)
	switch f {
	case JPEG:
		return jpeg.Encode(w, img, &jpeg.Options{Quality: quality})
	case PNG:
		return (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(w, img)
	case WebP:
		if err := webp.Encode(w, straightAlpha(img), webp.Options{Quality: quality, Method: webpMethod}); err != nil {
			return fmt.Errorf("encoding WebP: %w", err)
		}
		return nil
	}
	return fmt.Errorf("cannot encode %s: write jpeg, png or webp", f.label())
}

// straightAlpha returns img with straight (not premultiplied) alpha when
// it has transparency: libwebp reads an *image.RGBA's bytes as straight
// alpha, and would darken every half-transparent pixel.
func straightAlpha(img image.Image) image.Image {
	rgba, ok := img.(*image.RGBA)
	if !ok || rgba.Opaque() {
		return img
	}
	n := image.NewNRGBA(rgba.Rect)
	draw.Draw(n, n.Rect, rgba, rgba.Rect.Min, draw.Src)
	return n
}

// WarmUpWebP compiles the WebP encoder's WebAssembly to machine code now
// rather than in the first WebP encoding: about half a second and 37 MB,
// once per process (measured on 2 busy cores; see BenchmarkEncode). A
// build that has WebP to make can call it in a goroutine of its own while
// it reads content. Safe to call more than once, from any goroutine.
func WarmUpWebP() { webp.Init() }
