package imaging

import (
	"bytes"
	"image"
	"io"
	"testing"

	xdraw "golang.org/x/image/draw"
)

// The benchmarks follow one 2400×1600 photograph, the size a phone's
// picture is after an author's first export, to the 800-pixel width a
// page most often shows. Run them with
//
//	go test -run '^$' -bench . -benchmem ./internal/imaging
//
// and BenchmarkEncodeWebP/1x1 with -benchtime 1x in a fresh process to see
// the WebAssembly start-up that the first WebP encoding pays.

func photoJPEG(b *testing.B) []byte {
	b.Helper()
	return encodeJPEG(b, photo(2400, 1600))
}

func BenchmarkDecodeJPEG(b *testing.B) {
	data := photoJPEG(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := Decode(data, 50e6); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResize: Catmull-Rom from the decoded JPEG (YCbCr 4:2:0) to
// 800×533, pixels only.
func BenchmarkResize(b *testing.B) {
	img, _, err := Decode(photoJPEG(b), 50e6)
	if err != nil {
		b.Fatal(err)
	}
	s := Spec{Op: OpResize, Width: 800}
	for b.Loop() {
		Process(img, s)
	}
}

// BenchmarkResizeJPEGToWebP is the whole of one responsive width: decode
// the 2400×1600 JPEG, scale to 800 wide, encode WebP at quality 75.
func BenchmarkResizeJPEGToWebP(b *testing.B) {
	data := photoJPEG(b)
	s := Spec{Op: OpResize, Width: 800, Format: WebP, Quality: DefaultQuality}
	for b.Loop() {
		img, _, err := Decode(data, 50e6)
		if err != nil {
			b.Fatal(err)
		}
		if err := Encode(io.Discard, Process(img, s), s.Format, s.Quality); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncode compares the encoders on the 800×533 result; 1x1 shows
// what one WebP call costs besides its pixels (a WebAssembly instance).
func BenchmarkEncode(b *testing.B) {
	img, _, err := Decode(photoJPEG(b), 50e6)
	if err != nil {
		b.Fatal(err)
	}
	small := Process(img, Spec{Op: OpResize, Width: 800})
	tiny := image.NewRGBA(image.Rect(0, 0, 1, 1))
	for _, c := range []struct {
		name string
		img  image.Image
		f    Format
	}{
		{"WebP/800", small, WebP},
		{"WebP/1x1", tiny, WebP},
		{"JPEG/800", small, JPEG},
		{"PNG/800", small, PNG},
	} {
		b.Run(c.name, func(b *testing.B) {
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				if err := Encode(&out, c.img, c.f, DefaultQuality); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len()), "bytes")
		})
	}
}

// BenchmarkScale: Catmull-Rom of a 3000×2000 RGBA image to 1600 wide, as
// a photograph's largest default width is made (no halving is used at
// this size), by scale and by x/image/draw: compare B/op.
func BenchmarkScale(b *testing.B) {
	src := image.NewRGBA(image.Rect(0, 0, 3000, 2000))
	for i := range src.Pix {
		src.Pix[i] = uint8(i * 7)
	}
	dst := image.NewRGBA(image.Rect(0, 0, 1600, 1067))
	b.Run("scale", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			scale(dst, src, src.Rect)
		}
	})
	b.Run("xdraw", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			xdraw.CatmullRom.Scale(dst, dst.Rect, src, src.Rect, xdraw.Src, nil)
		}
	})
}
