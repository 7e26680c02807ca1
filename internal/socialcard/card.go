package socialcard

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The card's size in pixels: the 1.91:1 picture that Facebook, LinkedIn and
// X show for summary_large_image.
const (
	Width  = 1200
	Height = 630
)

// The title's sizes in pixels, tried from the largest down, and the most
// lines it may take.
const (
	MaxTitleSize  = 76
	MinTitleSize  = 40
	TitleSizeStep = 4
	MaxTitleLines = 4
)

// Where things go, in pixels. The title's box is taller when there is no
// salary line under it.
const (
	stripeWidth   = 20
	marginX       = 96
	kindTop       = 64
	titleTop      = 150
	titleBottom   = 456 // with a salary line
	salaryTop     = 470
	footTop       = 530 // the site's name
	textWidth     = Width - 2*marginX
	kindSize      = 34
	salarySize    = 40
	footSize      = 32
	lineSizeRange = 12 // a one-line text shrinks by up to this many pixels to fit
)

// Card is what a card shows. Every text is as the page shows it; Salary may
// be "".
type Card struct {
	Site   string // the site's name: "Career Atlas"
	Kind   string // the kind of page: "Job description"
	Title  string
	Salary string // career.Salary's Range: "$79,850–$211,450 a year"
	Colors Colors
}

// Layout is how a card was laid out.
type Layout struct {
	// Title holds the title's lines as drawn, or the site's name's when
	// the title could not be drawn; TitleSize is their size in pixels.
	Title     []string
	TitleSize int
	// Dropped holds the runes left out of the title (symbols the font
	// lacks, such as emoji).
	Dropped []rune
	// Omitted names the fields not drawn in their own place, in the
	// order "Title", "Site", "Kind", "Salary": they are empty, the font
	// lacks a letter of them, they do not fit (Site, Kind and Salary
	// take one line, at most 12 pixels smaller than usual), or (Site)
	// they stand in the title's place.
	Omitted []string
}

// Render draws c and returns the PNG's bytes. Its errors are a
// *ContrastError for colours that cannot be used, and one wrapping
// ErrTitleTooLong.
func (c Card) Render() ([]byte, error) {
	img, _, err := c.draw()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(64 << 10)
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&out, img); err != nil {
		return nil, fmt.Errorf("socialcard: encoding: %w", err)
	}
	return out.Bytes(), nil
}

// Layout lays c out without drawing it, with Render's errors.
func (c Card) Layout() (Layout, error) {
	p, err := c.plan()
	return p.layout, err
}

// placed is one text laid out at its place on the card.
type placed struct {
	fitted
	x, top int
	accent bool // drawn in the accent colour, else the text colour
}

// plan is everything draw needs.
type plan struct {
	texts  []placed
	layout Layout
}

// draw draws c on a new image.
func (c Card) draw() (*image.Paletted, Layout, error) {
	p, err := c.plan()
	if err != nil {
		return nil, p.layout, err
	}
	r := image.Rect(0, 0, Width, Height)
	text, accent := image.NewAlpha(r), image.NewAlpha(r)
	draw.Draw(accent, image.Rect(0, 0, stripeWidth, Height), image.Opaque, image.Point{}, draw.Src)
	for _, t := range p.texts {
		if t.accent {
			t.drawOn(accent)
		} else {
			t.drawOn(text)
		}
	}
	return compose(c.Colors, text, accent), p.layout, nil
}

// drawOn draws t's lines' coverage, one lineHeight apart, each moved right
// by any ink its first letter has left of the dot so that nothing leaves
// the box.
func (t placed) drawOn(dst *image.Alpha) {
	d := font.Drawer{Dst: dst, Src: image.Opaque, Face: t.face}
	ascent := t.face.Metrics().Ascent
	for i, line := range t.lines {
		bounds, _ := font.BoundString(t.face, line)
		x := fixed.I(t.x) - min(0, bounds.Min.X)
		d.Dot = fixed.Point26_6{X: x, Y: fixed.I(t.top+i*lineHeight(t.size)) + ascent}
		d.DrawString(line)
	}
}

// plan fits c's texts into their boxes, top to bottom.
func (c Card) plan() (plan, error) {
	var p plan
	if err := c.Colors.Check(); err != nil {
		return p, err
	}
	f, err := loadFonts()
	if err != nil {
		return p, err
	}
	kind, kindOK, err := oneLine(f.medium, c.Kind, kindSize)
	if err != nil {
		return p, err
	}
	salary, salaryOK, err := oneLine(f.medium, c.Salary, salarySize)
	if err != nil {
		return p, err
	}
	site, siteOK, err := oneLine(f.bold, c.Site, footSize)
	if err != nil {
		return p, err
	}
	head, titleOK, siteMoved, err := c.headline(f, siteOK, salaryOK, &p.layout)
	if err != nil {
		return p, err
	}
	siteOK = siteOK && !siteMoved
	p.layout.Title, p.layout.TitleSize = head.lines, head.size
	if len(head.lines) > 0 {
		p.texts = append(p.texts, placed{head, marginX, titleTop, false})
	}
	if !titleOK {
		p.layout.Omitted = append(p.layout.Omitted, "Title")
	}
	for _, t := range []struct {
		name string
		ok   bool
		placed
	}{
		{"Site", siteOK, placed{site, marginX, footTop, false}},
		{"Kind", kindOK, placed{kind, marginX, kindTop, true}},
		{"Salary", salaryOK, placed{salary, marginX, salaryTop, false}},
	} {
		if t.ok {
			p.texts = append(p.texts, t.placed)
		} else {
			p.layout.Omitted = append(p.layout.Omitted, t.name)
		}
	}
	return p, nil
}

// headline fits the title into its box, taller when there is no salary
// line, or when the font cannot draw it (titleOK false), the site's name
// (siteMoved true) if that fits. It records in l the runes it left out.
func (c Card) headline(f *fonts, siteOK, salaryOK bool, l *Layout) (head fitted, titleOK, siteMoved bool, err error) {
	b := box{font: f.bold, width: textWidth, height: titleBottom - titleTop,
		maxSize: MaxTitleSize, minSize: MinTitleSize, step: TitleSizeStep, maxLines: MaxTitleLines, breakLetters: true}
	if !salaryOK {
		b.height = footTop - 10 - titleTop
	}
	ws, dropped, titleOK := words(f.bold, c.Title, true)
	l.Dropped = dropped
	if titleOK && len(ws) > 0 {
		head, fits, err := b.fit(ws)
		if err == nil && !fits {
			err = fmt.Errorf("socialcard: title %q: %w: it needs more than %d lines at %d pixels",
				c.Title, ErrTitleTooLong, MaxTitleLines, MinTitleSize)
		}
		return head, true, false, err
	}
	if !siteOK {
		return fitted{}, false, false, nil
	}
	siteWords, _, _ := words(f.bold, c.Site, false)
	b.breakLetters = false
	head, fits, err := b.fit(siteWords)
	return head, false, fits, err
}

// oneLine fits s on one line of the text's width at size pixels or, if it
// is too wide, up to lineSizeRange pixels smaller; ok is false when it is
// empty, the font lacks a rune of it, or it does not fit.
func oneLine(f *opentype.Font, s string, size int) (fitted, bool, error) {
	ws, _, ok := words(f, s, false)
	if !ok || len(ws) == 0 {
		return fitted{}, false, nil
	}
	b := box{font: f, width: textWidth, height: lineHeight(size),
		maxSize: size, minSize: size - lineSizeRange, step: 2, maxLines: 1}
	return b.fit(ws)
}
