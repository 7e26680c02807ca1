package imaging

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
)

// Format is an image format, named as in a spec ("webp") and in a file
// extension (".webp"; ".jpg" for JPEG).
type Format string

// The formats DecodeInfo knows. Encode writes JPEG, PNG and WebP; GIF and
// SVG are published as they are.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	GIF  Format = "gif"
	WebP Format = "webp"
	SVG  Format = "svg"
)

// ErrUnknownFormat is the error for bytes that are none of the formats.
var ErrUnknownFormat = errors.New("not a JPEG, PNG, GIF, WebP or SVG image")

// Ext returns the extension a file of format f is written with.
func (f Format) Ext() string {
	if f == JPEG {
		return ".jpg"
	}
	return "." + string(f)
}

// label is the format's name in a sentence.
func (f Format) label() string {
	switch f {
	case WebP:
		return "WebP"
	case "":
		return "unknown"
	}
	return strings.ToUpper(string(f))
}

// FormatByExt returns the format that name's extension promises, in any
// case (.JPG, .jpeg).
func FormatByExt(name string) (Format, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg":
		return JPEG, true
	case ".png":
		return PNG, true
	case ".gif":
		return GIF, true
	case ".webp":
		return WebP, true
	case ".svg":
		return SVG, true
	}
	return "", false
}

// CheckName reports a file whose bytes are not the format its name says:
// browsers and hosts trust the extension (and the Content-Type it gives),
// so a PNG named team.jpg is an error to fix, not a file to publish.
func CheckName(name string, f Format) error {
	want, ok := FormatByExt(name)
	if !ok {
		return fmt.Errorf("%q has no image extension: name a %s file %s", path.Base(name), f.label(), f.Ext())
	}
	if want == f {
		return nil
	}
	return fmt.Errorf("the file is a %s image but its name says %s: rename it to %s",
		f.label(), want.label(), strings.TrimSuffix(path.Base(name), path.Ext(name))+f.Ext())
}

// sniff tells the format by the first bytes. Anything whose first byte
// past a BOM and white space is '<' is taken for SVG; svgSize then says
// whether it is one.
func sniff(data []byte) (Format, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return JPEG, true
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, true
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return GIF, true
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return WebP, true
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(text) > 0 && text[0] == '<' {
		return SVG, true
	}
	return "", false
}
