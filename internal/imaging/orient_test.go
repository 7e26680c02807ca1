package imaging

import (
	"encoding/binary"
	"image"
	"image/color"
	"strings"
	"testing"
)

// letters maps a letter to a colour and back, so that an image can be
// written and compared as rows of letters.
var letters = map[byte]color.RGBA{
	'a': {255, 0, 0, 255}, 'b': {0, 255, 0, 255}, 'c': {0, 0, 255, 255},
	'd': {255, 255, 0, 255}, 'e': {0, 255, 255, 255}, 'f': {255, 0, 255, 255},
}

func letterImage(rows ...string) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, len(rows[0]), len(rows)))
	for y, row := range rows {
		for x := range len(row) {
			img.SetRGBA(x, y, letters[row[x]])
		}
	}
	return img
}

func imageLetters(img image.Image) string {
	var rows []string
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		var row []byte
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			l := byte('?')
			for k, v := range letters {
				if v == c {
					l = k
				}
			}
			row = append(row, l)
		}
		rows = append(rows, string(row))
	}
	return strings.Join(rows, "/")
}

// TestOrient checks each orientation against the picture the EXIF
// standard describes for it, worked out by hand for the stored image
// abc/def.
func TestOrient(t *testing.T) {
	want := map[int]string{
		1: "abc/def",
		2: "cba/fed",  // mirrored left to right
		3: "fed/cba",  // turned 180°
		4: "def/abc",  // mirrored top to bottom
		5: "ad/be/cf", // transposed
		6: "da/eb/fc", // turned 90° clockwise: the left column, read upwards, is the top row
		7: "fc/eb/da", // transposed the other way
		8: "cf/be/ad", // turned 90° anticlockwise: the right column, read downwards, is the top row
		0: "abc/def",  // not an orientation: as stored
		9: "abc/def",
	}
	for o, w := range want {
		if got := imageLetters(orient(letterImage("abc", "def"), o)); got != w {
			t.Errorf("orient(abc/def, %d) = %s, want %s", o, got, w)
		}
	}
}

// TestDecodeAppliesOrientation: a 2×1 JPEG, black then white, that says it
// is turned (6: 90° clockwise; 8: anticlockwise) is 1×2 once decoded, with
// its pixels where the camera's viewer saw them, and DecodeInfo says so
// from the header alone.
func TestDecodeAppliesOrientation(t *testing.T) {
	stored := image.NewGray(image.Rect(0, 0, 2, 1))
	stored.Pix[0], stored.Pix[1] = 0, 255 // luma only: JPEG keeps it at full resolution
	tests := []struct {
		o        int
		top, bot uint8 // the displayed pixels: 0 black, 255 white
	}{
		{6, 0, 255},
		{8, 255, 0},
	}
	for _, tt := range tests {
		data := withEXIF(encodeJPEG(t, stored), exifAPP1(binary.BigEndian, tt.o, true))
		info, err := DecodeInfo(data)
		if err != nil {
			t.Fatal(err)
		}
		if info.Width != 1 || info.Height != 2 || info.Orientation != tt.o {
			t.Errorf("orientation %d: DecodeInfo = %+v, want 1×2", tt.o, info)
		}
		img, _, err := Decode(data, 100)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 1 || b.Dy() != 2 {
			t.Fatalf("orientation %d: decoded %v, want 1×2", tt.o, b)
		}
		top, bot := color.GrayModel.Convert(img.At(0, 0)).(color.Gray).Y, color.GrayModel.Convert(img.At(0, 1)).(color.Gray).Y
		if near(top, tt.top) && near(bot, tt.bot) {
			continue
		}
		t.Errorf("orientation %d: top %d, bottom %d, want %d and %d", tt.o, top, bot, tt.top, tt.bot)
	}
}

// near reports whether a JPEG's pixel is within its ringing of want.
func near(got, want uint8) bool { return max(got, want)-min(got, want) < 64 }
