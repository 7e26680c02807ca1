package imaging

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"slices"
	"sync"
	"testing"
)

// TestEncodeStripsMetadata: a camera's JPEG with EXIF (make, orientation,
// GPS position) goes through Decode and Encode in every output format, and
// no byte of its metadata comes out.
func TestEncodeStripsMetadata(t *testing.T) {
	src := withEXIF(encodeJPEG(t, photo(64, 48)), exifAPP1(binary.BigEndian, 6, true))
	for _, secret := range [][]byte{[]byte("Exif"), []byte("GoCam"), gpsLatitude} {
		if !bytes.Contains(src, secret) {
			t.Fatalf("the source lacks %q: the test would prove nothing", secret)
		}
	}
	img, _, err := Decode(src, 1e6)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{JPEG, PNG, WebP} {
		var out bytes.Buffer
		if err := Encode(&out, img, f, 80); err != nil {
			t.Fatal(err)
		}
		for _, secret := range [][]byte{[]byte("Exif"), []byte("GoCam"), gpsLatitude} {
			if bytes.Contains(out.Bytes(), secret) {
				t.Errorf("%s output contains %q", f, secret)
			}
		}
		info, err := DecodeInfo(out.Bytes())
		if err != nil || info.Format != f || info.Width != 48 || info.Height != 64 || info.Orientation != 1 {
			t.Errorf("%s output: DecodeInfo = %+v, %v, want %s 48×64 (turned once, and only once)", f, info, err, f)
		}
		switch f {
		case JPEG:
			for _, m := range jpegSegments(t, out.Bytes()) {
				if m >= 0xe1 && m <= 0xef { // APP1 (EXIF, XMP) to APP15; APP0 is JFIF
					t.Errorf("JPEG output has an APP%d segment", m-0xe0)
				}
			}
		case PNG:
			if got := pngChunks(out.Bytes()); !slices.Equal(slices.Compact(got), []string{"IHDR", "IDAT", "IEND"}) {
				t.Errorf("PNG output chunks %v, want IHDR, IDAT…, IEND only", got)
			}
		case WebP:
			for _, c := range webpChunks(out.Bytes()) {
				if c != "VP8 " && c != "VP8L" && c != "VP8X" && c != "ALPH" {
					t.Errorf("WebP output has a %q chunk", c)
				}
			}
		}
	}
}

func pngChunks(data []byte) []string {
	var names []string
	for i := 8; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		names = append(names, string(data[i+4:i+8]))
		i += 12 + n
	}
	return names
}

func webpChunks(data []byte) []string {
	var names []string
	for i := 12; i+8 <= len(data); {
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		names = append(names, string(data[i:i+4]))
		i += 8 + n + n%2
	}
	return names
}

// TestEncodeDeterministic: the same pixels give the same bytes, in every
// format, so that a build is byte-identical on every run.
func TestEncodeDeterministic(t *testing.T) {
	img := Process(photo(300, 200), Spec{Op: OpResize, Width: 120})
	for _, f := range []Format{JPEG, PNG, WebP} {
		var a, b bytes.Buffer
		if err := Encode(&a, img, f, 75); err != nil {
			t.Fatal(err)
		}
		if err := Encode(&b, img, f, 75); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two encodings of one image differ", f)
		}
	}
}

// TestEncodeWebPTransparency: a half-transparent red pixel stays red in
// WebP, not the dark red that premultiplied bytes read as straight would
// give.
func TestEncodeWebPTransparency(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 16, 16))
	for i := 0; i < len(src.Pix); i += 4 {
		copy(src.Pix[i:], []byte{255, 0, 0, 128})
	}
	scaled := Process(src, Spec{Op: OpResize, Width: 8}) // an *image.RGBA, premultiplied
	var out bytes.Buffer
	if err := Encode(&out, scaled, WebP, 100); err != nil {
		t.Fatal(err)
	}
	img, _, err := Decode(out.Bytes(), 1e6)
	if err != nil {
		t.Fatal(err)
	}
	c := color.NRGBAModel.Convert(img.At(4, 4)).(color.NRGBA)
	if c.R < 200 || c.G > 40 || c.B > 40 || c.A < 120 || c.A > 136 { // premultiplied bytes read as straight: R about 128
		t.Errorf("half-transparent red came back as %v, want about {255 0 0 128}", c)
	}
}

func TestEncodeFormats(t *testing.T) {
	var out bytes.Buffer
	if err := Encode(&out, photo(4, 4), GIF, 0); err == nil || err.Error() != "cannot encode GIF: write jpeg, png or webp" {
		t.Errorf("Encode(GIF) = %v", err)
	}
}

// TestEncodeWebPConcurrently: encodings on several goroutines at once
// (a build encodes on all cores, each call in a WebAssembly instance of
// its own) give the bytes one encoding alone gives.
func TestEncodeWebPConcurrently(t *testing.T) {
	img := photo(64, 48)
	var want bytes.Buffer
	if err := Encode(&want, img, WebP, 75); err != nil {
		t.Fatal(err)
	}
	got := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			var b bytes.Buffer
			if err := Encode(&b, img, WebP, 75); err == nil {
				got[i] = b.Bytes()
			}
		})
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want.Bytes()) {
			t.Errorf("concurrent encoding %d differs from the one alone (%d bytes, want %d)", i, len(g), want.Len())
		}
	}
}
