package imaging

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"testing"
)

// This file makes the images the tests read: no binary fixtures, so each
// test says what its image holds.

// photo returns a w×h image like a photograph: gradients, fine stripes and
// noise, the same on every run.
func photo(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		for x := range w {
			n := rng.IntN(24)
			stripe := 40 * math.Sin(float64(x*x+y*y)/900)
			img.Pix[img.PixOffset(x, y)+0] = clamp(float64(x*200/w) + stripe + float64(n))
			img.Pix[img.PixOffset(x, y)+1] = clamp(float64(y*200/h) - stripe + float64(n))
			img.Pix[img.PixOffset(x, y)+2] = clamp(128 + stripe/2 + float64(n))
			img.Pix[img.PixOffset(x, y)+3] = 255
		}
	}
	return img
}

func clamp(v float64) uint8 { return uint8(max(0, min(255, v))) }

// solid returns a w×h image of one colour.
func solid(w, h int, c color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, c)
		}
	}
	return img
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withEXIF returns the JPEG data with an EXIF APP1 segment put right after
// its start-of-image marker, as a camera writes it.
func withEXIF(data, app1 []byte) []byte {
	out := append([]byte{}, data[:2]...)
	out = append(out, app1...)
	return append(out, data[2:]...)
}

// gpsLatitude is the latitude the GPS IFD of exifAPP1 holds, 51° 30′ 26″
// N, as its bytes: a published image must not contain them.
var gpsLatitude = []byte{0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 1}

// exifAPP1 returns an APP1 segment holding EXIF, big-endian or
// little-endian: a camera make, the orientation o (0 leaves it out) and,
// when gps is true, a GPS IFD with a latitude.
func exifAPP1(bo binary.ByteOrder, o int, gps bool) []byte {
	type entry struct {
		tag, typ uint16
		count    uint32
		value    []byte // 4 bytes inline, or the data an offset points to
	}
	short := func(v uint16) []byte { b := make([]byte, 4); bo.PutUint16(b, v); return b }
	long := func(v uint32) []byte { b := make([]byte, 4); bo.PutUint32(b, v); return b }
	ifd0 := []entry{{0x010f, 2, 6, []byte("GoCam\x00")}} // Make, ASCII
	if o > 0 {
		ifd0 = append(ifd0, entry{tagOrientation, 3, 1, short(uint16(o))})
	}
	lat := gpsLatitude
	if bo == binary.LittleEndian {
		lat = nil
		for i := 0; i < len(gpsLatitude); i += 4 {
			lat = append(lat, long(binary.BigEndian.Uint32(gpsLatitude[i:]))...)
		}
	}
	gpsIFD := []entry{{1, 2, 2, []byte("N\x00\x00\x00")}, {2, 5, 3, lat}} // GPSLatitudeRef, GPSLatitude
	if gps {
		ifd0 = append(ifd0, entry{0x8825, 4, 1, nil}) // GPSInfo: the offset is filled in below
	}

	var t bytes.Buffer
	if bo == binary.LittleEndian {
		t.WriteString("II*\x00")
	} else {
		t.WriteString("MM\x00*")
	}
	t.Write(long(8))
	ifdSize := func(n int) int { return 2 + 12*n + 4 }
	// Layout: IFD0, its data, the GPS IFD, its data.
	writeIFD := func(entries []entry, at int, next func(i int) []byte) {
		data := at + ifdSize(len(entries))
		var tail bytes.Buffer
		t.Write(short(uint16(len(entries)))[:2])
		for i, e := range entries {
			var b [12]byte
			bo.PutUint16(b[0:], e.tag)
			bo.PutUint16(b[2:], e.typ)
			bo.PutUint32(b[4:], e.count)
			switch v := next(i); {
			case v != nil:
				copy(b[8:], v)
			case len(e.value) <= 4:
				copy(b[8:], e.value)
			default:
				copy(b[8:], long(uint32(data+tail.Len())))
				tail.Write(e.value)
			}
			t.Write(b[:])
		}
		t.Write(long(0))
		t.Write(tail.Bytes())
	}
	writeIFD(ifd0, 8, func(i int) []byte {
		if ifd0[i].tag != 0x8825 {
			return nil
		}
		// The GPS IFD follows IFD0 and IFD0's data (only the make, 6 bytes).
		return long(uint32(8 + ifdSize(len(ifd0)) + 6))
	})
	if gps {
		writeIFD(gpsIFD, t.Len(), func(int) []byte { return nil })
	}

	seg := []byte{0xff, 0xe1, 0, 0}
	seg = append(seg, "Exif\x00\x00"...)
	seg = append(seg, t.Bytes()...)
	binary.BigEndian.PutUint16(seg[2:], uint16(len(seg)-2))
	return seg
}

// jpegSegments returns the markers of data's segments before its first
// scan.
func jpegSegments(t *testing.T, data []byte) []byte {
	t.Helper()
	var markers []byte
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			t.Fatalf("no marker at byte %d", i)
		}
		m := data[i+1]
		markers = append(markers, m)
		if m == 0xda {
			break
		}
		i += 2 + int(binary.BigEndian.Uint16(data[i+2:]))
	}
	return markers
}
