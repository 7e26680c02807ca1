package imaging

import (
	"encoding/binary"
	"image/color"
	"testing"
)

func TestJPEGOrientation(t *testing.T) {
	plain := encodeJPEG(t, solid(4, 2, color.Gray{128}))
	tests := []struct {
		name string
		in   []byte
		want int
	}{
		{"no EXIF", plain, 1},
		{"big-endian 6", withEXIF(plain, exifAPP1(binary.BigEndian, 6, false)), 6},
		{"little-endian 8", withEXIF(plain, exifAPP1(binary.LittleEndian, 8, false)), 8},
		{"with GPS 3", withEXIF(plain, exifAPP1(binary.BigEndian, 3, true)), 3},
		{"EXIF without orientation", withEXIF(plain, exifAPP1(binary.BigEndian, 0, true)), 1},
		{"orientation 9 is none", withEXIF(plain, exifAPP1(binary.LittleEndian, 9, false)), 1},
		{"truncated in the segment", withEXIF(plain, exifAPP1(binary.BigEndian, 6, false))[:30], 1},
		{"IFD offset past the end", withEXIF(plain, corruptIFDOffset(exifAPP1(binary.BigEndian, 6, false))), 1},
	}
	for _, tt := range tests {
		if got := jpegOrientation(tt.in); got != tt.want {
			t.Errorf("%s: jpegOrientation = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// corruptIFDOffset points IFD0 of an exifAPP1 segment far past its end.
func corruptIFDOffset(seg []byte) []byte {
	seg = append([]byte{}, seg...)
	binary.BigEndian.PutUint32(seg[4+6+4:], 0xfffffff0)
	return seg
}
