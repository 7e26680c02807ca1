package imaging

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image/color"
	"image/gif"
	"strings"
	"testing"
)

func TestDecodeInfo(t *testing.T) {
	var gifData bytes.Buffer
	if err := gif.Encode(&gifData, solid(30, 20, color.White), nil); err != nil {
		t.Fatal(err)
	}
	var webpData bytes.Buffer
	if err := Encode(&webpData, solid(33, 17, color.White), WebP, 0); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   []byte
		want Info
	}{
		{"jpeg", encodeJPEG(t, solid(40, 30, color.White)), Info{JPEG, 40, 30, 1}},
		{"png", encodePNG(t, solid(7, 9, color.White)), Info{PNG, 7, 9, 1}},
		{"gif", gifData.Bytes(), Info{GIF, 30, 20, 1}},
		{"webp", webpData.Bytes(), Info{WebP, 33, 17, 1}},
		{"svg viewBox", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"/>`), Info{SVG, 120, 40, 1}},
		{"svg viewBox with commas", []byte(`<svg viewBox="-5,-5,100.4,50.6"></svg>`), Info{SVG, 100, 51, 1}},
		{"svg width and height win", []byte(`<svg width="64" height="32px" viewBox="0 0 16 16"/>`), Info{SVG, 64, 32, 1}},
		{"svg width alone keeps the viewBox ratio", []byte(`<svg width="200" viewBox="0 0 100 50"/>`), Info{SVG, 200, 100, 1}},
		{"svg relative width falls back to viewBox", []byte(`<svg width="100%" height="100%" viewBox="0 0 30 10"/>`), Info{SVG, 30, 10, 1}},
		{"svg absolute units", []byte(`<svg width="1in" height="72pt"/>`), Info{SVG, 96, 96, 1}},
		{"svg with prolog, BOM, doctype and comment", []byte("\ufeff<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY ns \"x\">]>\n<!-- logo -->\n<svg xmlns=\"&ns;\" viewBox=\"0 0 10 20\"/>"), Info{SVG, 10, 20, 1}},
	}
	for _, tt := range tests {
		got, err := DecodeInfo(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%s: DecodeInfo = %+v, %v, want %+v", tt.name, got, err, tt.want)
		}
	}
}

func TestDecodeInfoErrors(t *testing.T) {
	png := encodePNG(t, solid(8, 8, color.White))
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "not a JPEG, PNG, GIF, WebP or SVG image"},
		{"text", []byte("hello"), "not a JPEG, PNG, GIF, WebP or SVG image"},
		{"truncated png header", png[:20], "reading the PNG header: unexpected EOF"},
		{"svg without size", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`), `the svg element has no viewBox and no width and height: add viewBox="0 0 WIDTH HEIGHT" to it`},
		{"svg with one side and no viewBox", []byte(`<svg width="10"/>`), `add viewBox="0 0 WIDTH HEIGHT"`},
		{"svg with a bad viewBox", []byte(`<svg viewBox="0 0 10"/>`), `viewBox "0 0 10": write four numbers, "min-x min-y width height"`},
		{"svg with a zero viewBox", []byte(`<svg viewBox="0 0 0 10"/>`), `with a positive width and height`},
		{"html is not svg", []byte(`<!doctype html><html></html>`), "not an SVG image: its first element is <html>, not <svg>"},
		{"svg too large", []byte(`<svg width="1e300" height="10"/>`), "more than 1048576 on a side"},
	}
	for _, tt := range tests {
		_, err := DecodeInfo(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: DecodeInfo error = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

// TestDecodeRefusesBombs: the pixel limit is checked from the header, so a
// file claiming 100 000 × 100 000 pixels is refused whatever follows it.
func TestDecodeRefusesBombs(t *testing.T) {
	data := encodePNG(t, solid(10, 10, color.White))
	if _, _, err := Decode(data, 100); err != nil {
		t.Fatalf("Decode at the limit: %v", err)
	}
	_, _, err := Decode(data, 99)
	var pe *PixelsError
	if !errors.As(err, &pe) || pe.Width != 10 || pe.Height != 10 {
		t.Fatalf("Decode over the limit = %v, want a *PixelsError for 10×10", err)
	}

	// A PNG header claiming 100000×100000, and no pixel data at all: with
	// the check, a cheap error; without it, a 40 GB allocation.
	bomb := append([]byte{}, data[:33]...)
	copy(bomb[16:], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	binary.BigEndian.PutUint32(bomb[29:], crc32.ChecksumIEEE(bomb[12:29])) // IHDR's checksum
	_, _, err = Decode(bomb, 50_000_000)
	if !errors.As(err, &pe) {
		t.Fatalf("Decode(bomb) = %v, want a *PixelsError", err)
	}
	if want := "the image is 100000×100000 pixels (10000.0 megapixels), more than the limit of 50.0 megapixels (limits.image_pixels)"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

func TestDecodeErrors(t *testing.T) {
	png := encodePNG(t, photo(64, 64))
	if _, _, err := Decode(png[:len(png)-40], 1e6); err == nil || !strings.HasPrefix(err.Error(), "decoding the PNG image: ") {
		t.Errorf("Decode(truncated PNG) = %v, want a decoding error", err)
	}
	if _, _, err := Decode([]byte(`<svg viewBox="0 0 1 1"/>`), 1e6); !errors.Is(err, ErrNotRaster) {
		t.Errorf("Decode(SVG) = %v, want ErrNotRaster", err)
	}
}

func TestCheckName(t *testing.T) {
	tests := []struct {
		name string
		f    Format
		want string // "" for no error
	}{
		{"team.jpg", JPEG, ""},
		{"team.JPEG", JPEG, ""},
		{"logo.svg", SVG, ""},
		{"content/team.jpg", PNG, "the file is a PNG image but its name says JPEG: rename it to team.png"},
		{"a.webp", JPEG, "the file is a JPEG image but its name says WebP: rename it to a.jpg"},
		{"notes.txt", GIF, `"notes.txt" has no image extension: name a GIF file .gif`},
	}
	for _, tt := range tests {
		err := CheckName(tt.name, tt.f)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckName(%q, %s) = %q, want %q", tt.name, tt.f, got, tt.want)
		}
	}
}
