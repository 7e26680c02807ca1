package imaging

import (
	"bytes"
	"encoding/binary"
	"image/color"
	"image/gif"
	"testing"
)

// FuzzDecodeInfo: whatever the bytes, reading a header neither panics nor
// allocates for pixels, and a header it accepts has a size and an
// orientation that make sense. Decode with a small limit must then refuse
// or decode without a panic.
func FuzzDecodeInfo(f *testing.F) {
	f.Add(encodeJPEG(f, solid(3, 2, color.White)))
	f.Add(withEXIF(encodeJPEG(f, solid(2, 1, color.White)), exifAPP1(binary.LittleEndian, 6, true)))
	f.Add(encodePNG(f, solid(3, 2, color.White)))
	var g bytes.Buffer
	if err := gif.Encode(&g, solid(3, 2, color.White), nil); err != nil {
		f.Fatal(err)
	}
	f.Add(g.Bytes())
	f.Add([]byte(`<svg viewBox="0 0 10 20"/>`))
	f.Add([]byte(`<svg width="3mm" viewBox="0,0,1,1"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := DecodeInfo(data)
		if err != nil {
			return
		}
		if info.Width <= 0 || info.Height <= 0 || info.Orientation < 1 || info.Orientation > 8 {
			t.Fatalf("DecodeInfo = %+v", info)
		}
		if img, got, err := Decode(data, 4096); err == nil {
			if b := img.Bounds(); b.Dx() != got.Width || b.Dy() != got.Height {
				t.Fatalf("Decode gave %v for a header of %d×%d", b, got.Width, got.Height)
			}
		}
	})
}
