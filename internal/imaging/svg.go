package imaging

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// errSVGSize is the error for an SVG that says nothing of its size: a
// browser then draws it 300×150 or stretches it, and the page shifts.
var errSVGSize = errors.New(`the svg element has no viewBox and no width and height: add viewBox="0 0 WIDTH HEIGHT" to it`)

// maxSVGSide bounds an SVG's stated size, so that a mistyped width of
// 1e300 is an error and not an overflow.
const maxSVGSide = 1 << 20

// svgSize returns an SVG's size in CSS pixels: its width and height
// attributes when both are absolute lengths, else its viewBox, scaled to
// whichever of the two is given.
func svgSize(data []byte) (w, h int, err error) {
	root, err := svgRoot(data)
	if err != nil {
		return 0, 0, err
	}
	var vbW, vbH float64
	var haveVB bool
	var width, height float64
	for _, a := range root.Attr {
		if a.Name.Space != "" && a.Name.Space != "http://www.w3.org/2000/svg" {
			continue
		}
		switch a.Name.Local {
		case "viewBox":
			if vbW, vbH, err = parseViewBox(a.Value); err != nil {
				return 0, 0, err
			}
			haveVB = true
		case "width":
			width = svgLength(a.Value)
		case "height":
			height = svgLength(a.Value)
		}
	}
	switch {
	case width > 0 && height > 0:
	case haveVB && width > 0:
		height = width * vbH / vbW
	case haveVB && height > 0:
		width = height * vbW / vbH
	case haveVB:
		width, height = vbW, vbH
	default:
		return 0, 0, errSVGSize
	}
	if width > maxSVGSide || height > maxSVGSide {
		return 0, 0, fmt.Errorf("the svg element says it is %g×%g pixels, more than %d on a side", width, height, maxSVGSide)
	}
	return max(1, int(math.Round(width))), max(1, int(math.Round(height))), nil
}

// svgRoot returns the first element, which must be <svg>. The decoder is
// not strict, so the entities that drawing programs declare in a DOCTYPE
// (xmlns="&ns_svg;") do not stop it; it never expands them.
func svgRoot(data []byte) (xml.StartElement, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, fmt.Errorf("not an SVG image: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "svg" {
				return xml.StartElement{}, fmt.Errorf("not an SVG image: its first element is <%s>, not <svg>", se.Name.Local)
			}
			return se, nil
		}
	}
}

// parseViewBox reads "min-x min-y width height", separated by white space
// or commas.
func parseViewBox(s string) (w, h float64, err error) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	bad := fmt.Errorf(`viewBox %q: write four numbers, "min-x min-y width height", with a positive width and height`, s)
	if len(f) != 4 {
		return 0, 0, bad
	}
	var n [4]float64
	for i, v := range f {
		if n[i], err = strconv.ParseFloat(v, 64); err != nil || math.IsInf(n[i], 0) || math.IsNaN(n[i]) {
			return 0, 0, bad
		}
	}
	if n[2] <= 0 || n[3] <= 0 {
		return 0, 0, bad
	}
	return n[2], n[3], nil
}

// svgUnits are CSS's absolute units in pixels.
var svgUnits = map[string]float64{"": 1, "px": 1, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "pt": 96.0 / 72, "pc": 16}

// svgLength returns an absolute length in pixels, or 0 for a relative one
// (100%, 2em): that size depends on the page, so the viewBox decides.
func svgLength(s string) float64 {
	s = strings.TrimSpace(s)
	num := strings.TrimRight(s, "abcdefghijklmnopqrstuvwxyz%")
	unit, ok := svgUnits[s[len(num):]]
	if !ok {
		return 0
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v <= 0 {
		return 0
	}
	return v * unit
}
