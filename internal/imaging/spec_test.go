package imaging

import (
	"errors"
	"testing"
)

func TestParseSpec(t *testing.T) {
	tests := []struct {
		op   Op
		in   string
		want Spec
	}{
		{OpResize, "800x", Spec{Op: OpResize, Width: 800}},
		{OpResize, "x600", Spec{Op: OpResize, Height: 600}},
		{OpResize, "800x600", Spec{Op: OpResize, Width: 800, Height: 600}},
		{OpResize, "  webp   800x  q75 ", Spec{Op: OpResize, Width: 800, Format: WebP, Quality: 75}},
		{OpResize, "800X JPG Q90", Spec{Op: OpResize, Width: 800, Format: JPEG, Quality: 90}},
		{OpFit, "400x400", Spec{Op: OpFit, Width: 400, Height: 400}},
		{OpFill, "1200x630", Spec{Op: OpFill, Width: 1200, Height: 630, Anchor: Center}},
		{OpFill, "1200x630 center", Spec{Op: OpFill, Width: 1200, Height: 630, Anchor: Center}},
		{OpFill, "TopLeft 100x100 png", Spec{Op: OpFill, Width: 100, Height: 100, Anchor: TopLeft, Format: PNG}},
		{OpFill, "100x50 bottomright", Spec{Op: OpFill, Width: 100, Height: 50, Anchor: BottomRight}},
		{OpFormat, "webp", Spec{Op: OpFormat, Format: WebP}},
		{OpFormat, "jpeg q60", Spec{Op: OpFormat, Format: JPEG, Quality: 60}},
	}
	for _, tt := range tests {
		got, err := ParseSpec(tt.op, tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSpec(%s, %q) = %+v, %v, want %+v", tt.op, tt.in, got, err, tt.want)
		}
	}
}

// TestParseSpecErrors: each error names the call, the spec and the word,
// and says what to write instead.
func TestParseSpecErrors(t *testing.T) {
	tests := []struct {
		op   Op
		in   string
		word string
		want string
	}{
		{OpResize, "", "", `Resize "": Resize needs a size: write "800x" for a width, "x600" for a height or "800x600" for both`},
		{OpResize, "webp", "", `Resize "webp": Resize needs a size: write "800x" for a width, "x600" for a height or "800x600" for both`},
		{OpResize, "800", "800", `Resize "800": "800" is not a size: write "800x" for a width or "x800" for a height`},
		{OpResize, "800y", "800y", `Resize "800y": "800y" is not part of an image spec: write a size (800x, x600, 800x600), a format (jpeg, png, webp), a quality (q75) or, for Fill, an anchor (center, top, topleft, …)`},
		{OpResize, "0x", "0x", `Resize "0x": size "0x": a width and a height are whole numbers from 1 to 16383`},
		{OpResize, "20000x", "20000x", `Resize "20000x": size "20000x": a width and a height are whole numbers from 1 to 16383`},
		{OpResize, "800x 400x", "400x", `Resize "800x 400x": two sizes, "800x" and "400x": write one`},
		{OpResize, "800x webp png", "png", `Resize "800x webp png": two formats, "webp" and "png": write one`},
		{OpResize, "800x q0", "q0", `Resize "800x q0": quality "q0": write q1 to q100 (q75 is the default)`},
		{OpResize, "800x q101", "q101", `Resize "800x q101": quality "q101": write q1 to q100 (q75 is the default)`},
		{OpResize, "800x q75 q80", "q80", `Resize "800x q75 q80": two qualities, "q75" and "q80": write one`},
		{OpResize, "800x top", "top", `Resize "800x top": an anchor is for Fill only: remove "top"`},
		{OpResize, "800x r90", "r90", `Resize "800x r90": rotation "r90" is not supported: an image's EXIF orientation is applied for you; turn the file itself to turn the picture`},
		{OpResize, "800x Lanczos", "Lanczos", `Resize "800x Lanczos": the resampling filter is not chosen per image (every image is scaled with Catmull-Rom): remove "Lanczos"`},
		{OpResize, "800x photo", "photo", `Resize "800x photo": WebP hints are not supported: remove "photo"`},
		{OpResize, "800x #fff", "#fff", `Resize "800x #fff": background colours are not supported: remove "#fff"`},
		{OpResize, "800x gif", "gif", `Resize "800x gif": GIF is not an output format: write jpeg, png or webp`},
		{OpFit, "400x", "400x", `Fit "400x": Fit needs a width and a height, as in "400x400"`},
		{OpFill, "x630", "x630", `Fill "x630": Fill needs a width and a height, as in "1200x630"`},
		{OpFill, "1200x630 smart", "smart", `Fill "1200x630 smart": smart cropping is not supported: name the part to keep, one of center, topleft, top, topright, left, right, bottomleft, bottom, bottomright`},
		{OpFill, "1200x630 top left", "left", `Fill "1200x630 top left": two anchors, "top" and "left": write one`},
		{OpFormat, "800x webp", "800x", `Format "800x webp": Format takes no size: to resize too, write Resize "800x webp"`},
		{OpFormat, "q80", "", `Format "q80": Format needs a format: jpeg, png or webp`},
	}
	for _, tt := range tests {
		_, err := ParseSpec(tt.op, tt.in)
		var se *SpecError
		if !errors.As(err, &se) {
			t.Errorf("ParseSpec(%s, %q) = %v, want a *SpecError", tt.op, tt.in, err)
			continue
		}
		if se.Error() != tt.want || se.Word != tt.word {
			t.Errorf("ParseSpec(%s, %q) error = %q (word %q),\nwant %q (word %q)", tt.op, tt.in, se.Error(), se.Word, tt.want, tt.word)
		}
	}
}

func TestSpecString(t *testing.T) {
	tests := []struct {
		op       Op
		in, want string
	}{
		{OpResize, "webp 800x", "resize 800x webp"},
		{OpResize, "Q80 x600 JPG", "resize x600 jpeg q80"},
		{OpFill, "1200x630", "fill 1200x630 center"},
		{OpFill, "topright 10x10 webp q9", "fill 10x10 topright webp q9"},
		{OpFormat, "png", "format png"},
	}
	for _, tt := range tests {
		s, err := ParseSpec(tt.op, tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.String(); got != tt.want {
			t.Errorf("ParseSpec(%s, %q).String() = %q, want %q", tt.op, tt.in, got, tt.want)
		}
		// The canonical form reads back as the same spec, without its op word.
		if again, err := ParseSpec(tt.op, tt.want[len(tt.op.String()):]); err != nil || again != s {
			t.Errorf("the canonical form %q reads back as %+v, %v, want %+v", tt.want, again, err, s)
		}
	}
}

func TestSpecSize(t *testing.T) {
	tests := []struct {
		op           Op
		spec         string
		w, h         int
		wantW, wantH int
	}{
		{OpResize, "800x", 2400, 1600, 800, 533},
		{OpResize, "x600", 2400, 1600, 900, 600},
		{OpResize, "800x600", 2400, 1600, 800, 600},
		{OpResize, "800x", 400, 300, 800, 600}, // asked for: a template may enlarge, Widths never does
		{OpResize, "1x", 3000, 10, 1, 1},       // never 0 pixels high
		{OpFit, "400x400", 2400, 1600, 400, 267},
		{OpFit, "400x400", 1600, 2400, 267, 400},
		{OpFit, "400x400", 300, 200, 300, 200}, // inside the box: not enlarged
		{OpFit, "400x400", 500, 200, 400, 160},
		{OpFill, "1200x630", 800, 600, 1200, 630},
		{OpFormat, "webp", 640, 480, 640, 480},
	}
	for _, tt := range tests {
		s, err := ParseSpec(tt.op, tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		if w, h := s.Size(tt.w, tt.h); w != tt.wantW || h != tt.wantH {
			t.Errorf("%s %q on %d×%d: Size = %d×%d, want %d×%d", tt.op, tt.spec, tt.w, tt.h, w, h, tt.wantW, tt.wantH)
		}
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		spec Spec
		src  Format
		want Spec
	}{
		{Spec{Op: OpResize, Width: 8}, JPEG, Spec{Op: OpResize, Width: 8, Format: JPEG, Quality: DefaultQuality}},
		{Spec{Op: OpResize, Width: 8, Quality: 90}, PNG, Spec{Op: OpResize, Width: 8, Format: PNG}},
		{Spec{Op: OpResize, Width: 8}, GIF, Spec{Op: OpResize, Width: 8, Format: PNG}},
		{Spec{Op: OpFormat, Format: WebP}, PNG, Spec{Op: OpFormat, Format: WebP, Quality: DefaultQuality}},
		{Spec{Op: OpFormat, Format: WebP, Quality: 50}, JPEG, Spec{Op: OpFormat, Format: WebP, Quality: 50}},
	}
	for _, tt := range tests {
		if got, err := tt.spec.Resolve(tt.src); err != nil || got != tt.want {
			t.Errorf("%+v.Resolve(%s) = %+v, %v, want %+v", tt.spec, tt.src, got, err, tt.want)
		}
	}
	if _, err := (Spec{Op: OpResize, Width: 8}).Resolve(SVG); !errors.Is(err, ErrNotRaster) {
		t.Errorf("Resolve(SVG) = %v, want ErrNotRaster", err)
	}
}
