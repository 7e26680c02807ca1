package imaging

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"

	xdraw "golang.org/x/image/draw"
)

var (
	red  = color.RGBA{255, 0, 0, 255}
	blue = color.RGBA{0, 0, 255, 255}
)

func mustSpec(t *testing.T, op Op, spec string) Spec {
	t.Helper()
	s, err := ParseSpec(op, spec)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestProcessSizes(t *testing.T) {
	src := photo(240, 160)
	tests := []struct {
		op           Op
		spec         string
		wantW, wantH int
	}{
		{OpResize, "80x", 80, 53},
		{OpResize, "x40", 60, 40},
		{OpResize, "100x100", 100, 100},
		{OpFit, "50x50", 50, 33},
		{OpFit, "1000x1000", 240, 160},
		{OpFill, "50x50", 50, 50},
		{OpFill, "240x10", 240, 10},
	}
	for _, tt := range tests {
		b := Process(src, mustSpec(t, tt.op, tt.spec)).Bounds()
		if b.Dx() != tt.wantW || b.Dy() != tt.wantH {
			t.Errorf("Process(240×160, %s %q) is %d×%d, want %d×%d", tt.op, tt.spec, b.Dx(), b.Dy(), tt.wantW, tt.wantH)
		}
	}
}

// TestProcessNoEnlarge: Fit of an image inside the box, and Format, give
// the image itself: no pixel is resampled or copied.
func TestProcessNoEnlarge(t *testing.T) {
	src := photo(30, 20)
	for _, s := range []Spec{mustSpec(t, OpFit, "400x400"), mustSpec(t, OpFormat, "webp")} {
		if got := Process(src, s); got != image.Image(src) {
			t.Errorf("Process(30×20, %s) made a new %v image, want the source itself", s, got.Bounds())
		}
	}
}

// halves returns a w×h image whose first half is a and second half b,
// split left and right (across) or top and bottom.
func halves(w, h int, across bool, a, b color.RGBA) *image.RGBA {
	img := solid(w, h, a)
	r := image.Rect(w/2, 0, w, h)
	if !across {
		r = image.Rect(0, h/2, w, h)
	}
	draw.Draw(img, r, image.NewUniform(b), image.Point{}, draw.Src)
	return img
}

// TestProcessFillAnchor crops a square out of an image that is red on one
// half and blue on the other: the anchor decides which colour is kept,
// and center keeps both, split in the middle.
func TestProcessFillAnchor(t *testing.T) {
	wide := halves(200, 100, true, red, blue)  // red left, blue right
	tall := halves(100, 200, false, red, blue) // red top, blue bottom
	tests := []struct {
		src         *image.RGBA
		anchor      string
		first, last color.RGBA // the result's top-left and bottom-right pixels
	}{
		{wide, "left", red, red},
		{wide, "topleft", red, red},
		{wide, "right", blue, blue},
		{wide, "bottomright", blue, blue},
		{wide, "center", red, blue},
		{wide, "top", red, blue}, // top of a wide image: the horizontal middle
		{tall, "top", red, red},
		{tall, "topright", red, red},
		{tall, "bottom", blue, blue},
		{tall, "center", red, blue},
		{tall, "left", red, blue},
	}
	for _, tt := range tests {
		got := Process(tt.src, mustSpec(t, OpFill, "100x100 "+tt.anchor))
		if b := got.Bounds(); b.Dx() != 100 || b.Dy() != 100 {
			t.Fatalf("Fill 100x100 %s: %v", tt.anchor, b)
		}
		first, last := got.At(0, 0), got.At(99, 99)
		if first != tt.first || last != tt.last {
			t.Errorf("Fill of %v at %s: corners %v and %v, want %v and %v", tt.src.Rect.Size(), tt.anchor, first, last, tt.first, tt.last)
		}
	}
	// Center splits in the middle: pixel 49 red, pixel 50 blue.
	got := Process(wide, mustSpec(t, OpFill, "100x100"))
	if got.At(49, 50) != red || got.At(50, 50) != blue {
		t.Errorf("Fill 100x100 center: middle pixels %v, %v, want red then blue", got.At(49, 50), got.At(50, 50))
	}
}

// TestProcessFillScales: Fill of a larger image crops to the ratio and
// then scales, keeping the anchor's side.
func TestProcessFillScales(t *testing.T) {
	wide := halves(400, 100, true, red, blue)
	got := Process(wide, mustSpec(t, OpFill, "50x50 right"))
	if b := got.Bounds(); b.Dx() != 50 || b.Dy() != 50 {
		t.Fatalf("bounds %v", b)
	}
	if c := color.RGBAModel.Convert(got.At(25, 25)).(color.RGBA); c != blue {
		t.Errorf("Fill 50x50 right of red|blue: middle %v, want blue", c)
	}
}

// TestProcessScalesDetail: scaling down averages stripes one pixel wide to
// the grey between them instead of aliasing them to black or white, which
// a kernel that does not widen when scaling down would.
func TestProcessScalesDetail(t *testing.T) {
	src := image.NewGray(image.Rect(0, 0, 400, 40))
	for y := range 40 {
		for x := range 400 {
			src.Pix[y*400+x] = uint8(255 * (x % 2))
		}
	}
	got := Process(src, mustSpec(t, OpResize, "100x"))
	for x := 2; x < 98; x++ {
		if c := color.GrayModel.Convert(got.At(x, 5)).(color.Gray).Y; c < 112 || c > 144 {
			t.Fatalf("pixel %d is %d after scaling stripes down by 4, want grey (about 128)", x, c)
		}
	}
}

// psnr is the peak signal-to-noise ratio of b against a, in dB, over the
// colour channels.
func psnr(a, b *image.RGBA) float64 {
	var se float64
	for i := range a.Pix {
		if i%4 != 3 {
			d := float64(a.Pix[i]) - float64(b.Pix[i])
			se += d * d
		}
	}
	return 10 * math.Log10(255*255/(se/float64(len(a.Pix)*3/4)))
}

// TestScalerCloseToDirect: a width made from a halving is within 40 dB
// PSNR of the same width scaled from the full image, even on a zone plate
// (photo's rings): a smaller difference than JPEG or WebP at quality 75
// make (about 35 dB).
func TestScalerCloseToDirect(t *testing.T) {
	src := photo(1200, 800)
	sc := NewScaler(src)
	for _, w := range []int{560, 400, 240, 120} {
		s := Spec{Op: OpResize, Width: w, Format: JPEG}
		got := sc.Process(s).(*image.RGBA)
		bw, bh := s.Size(1200, 800)
		direct := image.NewRGBA(image.Rect(0, 0, bw, bh))
		xdraw.CatmullRom.Scale(direct, direct.Rect, src, src.Rect, xdraw.Src, nil)
		if p := psnr(direct, got); p < 40 {
			t.Errorf("Resize %dx: %.1f dB PSNR against scaling from the full image, want 40 or more", w, p)
		}
	}
}

// TestScalerUsesHalvings: widths of at most a third of a halving are scaled
// from its halvings (the fast path is taken), and a width's pixels do not
// depend on what the Scaler made before.
func TestScalerUsesHalvings(t *testing.T) {
	src := photo(1200, 800)
	sc := NewScaler(src)
	var made []*image.RGBA
	for _, w := range []int{800, 400, 200} {
		made = append(made, sc.Process(Spec{Op: OpResize, Width: w}).(*image.RGBA))
	}
	if len(sc.levels) != 3 { // 1200 (for 800), 600 (for 400), 300 (for 200)
		t.Errorf("the Scaler made %d levels, want 3 (the image, 600 and 300 wide)", len(sc.levels))
	}
	alone := NewScaler(src).Process(Spec{Op: OpResize, Width: 200}).(*image.RGBA)
	if !bytes.Equal(alone.Pix, made[2].Pix) {
		t.Error("Resize 200x after 800x and 400x differs from Resize 200x alone")
	}
}

// TestHalve: each pixel is the rounded mean of its 2×2 block; an odd last
// column and row are dropped.
func TestHalve(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 3, 3))
	for i := range src.Pix {
		src.Pix[i] = uint8(i)
	}
	got := halve(src)
	if got.Rect.Dx() != 1 || got.Rect.Dy() != 1 {
		t.Fatalf("halve(3×3) is %v, want 1×1", got.Rect)
	}
	// The block is pixels (0,0), (1,0), (0,1), (1,1): bytes 0, 4, 12, 16 for red.
	if want := uint8((0 + 4 + 12 + 16 + 2) / 4); got.Pix[0] != want {
		t.Errorf("halve: red %d, want %d", got.Pix[0], want)
	}
}
