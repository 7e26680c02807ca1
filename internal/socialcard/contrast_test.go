package socialcard

import (
	"errors"
	"image/color"
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes on white
		{"#777777", "#ffffff", 4.48},
		{"#8db5ff", "#0f1318", 9.04},  // the dark theme: --accent on --bg
		{"#18202a", "#ffffff", 16.42}, // the default theme: --text on --bg
		{"#1b4fb3", "#ffffff", 7.46},  // --accent on --bg
	} {
		a, b := mustHex(t, tt.a), mustHex(t, tt.b)
		if got := Contrast(a, b); math.Abs(got-tt.want) > 0.005 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
		if Contrast(a, b) != Contrast(b, a) {
			t.Errorf("Contrast(%s, %s) depends on the order", tt.a, tt.b)
		}
	}
}

func TestCheck(t *testing.T) {
	def := DefaultColors()
	if err := def.Check(); err != nil {
		t.Fatalf("DefaultColors().Check() = %v, want nil", err)
	}
	grey := mustHex(t, "#777777")
	for _, tt := range []struct {
		name   string
		c      Colors
		which  string
		opaque bool
	}{
		{"text too light", Colors{def.Background, grey, def.Accent}, "text", true},
		{"accent too light", Colors{def.Background, def.Text, grey}, "accent", true},
		{"dark on dark", Colors{mustHex(t, "#0f1318"), def.Text, def.Accent}, "text", true},
		{"translucent background", Colors{color.RGBA{}, def.Text, def.Accent}, "background", false},
		{"translucent text", Colors{def.Background, color.RGBA{0, 0, 0, 0x80}, def.Accent}, "text", false},
	} {
		err := tt.c.Check()
		var ce *ContrastError
		if !errors.As(err, &ce) || ce.Which != tt.which || ce.Opaque != tt.opaque {
			t.Errorf("%s: Check() = %v, want a *ContrastError for %s (opaque %v)", tt.name, err, tt.which, tt.opaque)
			continue
		}
		if _, err := (Card{Title: "T", Colors: tt.c}).Render(); !errors.As(err, &ce) {
			t.Errorf("%s: Render() = %v, want a *ContrastError", tt.name, err)
		}
	}
}

func TestParseHex(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want color.RGBA
		ok   bool
	}{
		{"#1b4fb3", color.RGBA{0x1b, 0x4f, 0xb3, 0xff}, true},
		{"#FFF", color.RGBA{0xff, 0xff, 0xff, 0xff}, true},
		{"#abc", color.RGBA{0xaa, 0xbb, 0xcc, 0xff}, true},
		{"1b4fb3", color.RGBA{}, false},
		{"#1b4fb", color.RGBA{}, false},
		{"#1b4fbz", color.RGBA{}, false},
		{"#+b4fb3", color.RGBA{}, false},
		{"#1b4fb3ff", color.RGBA{}, false},
	} {
		got, err := ParseHex(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseHex(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && Hex(got) != "#"+lowerSix(tt.in) {
			t.Errorf("Hex(ParseHex(%q)) = %q", tt.in, Hex(got))
		}
	}
}

func lowerSix(s string) string {
	h := []byte(s[1:])
	if len(h) == 3 {
		h = []byte{h[0], h[0], h[1], h[1], h[2], h[2]}
	}
	for i, c := range h {
		if 'A' <= c && c <= 'Z' {
			h[i] = c + 'a' - 'A'
		}
	}
	return string(h)
}

func mustHex(t testing.TB, s string) color.RGBA {
	t.Helper()
	c, err := ParseHex(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
