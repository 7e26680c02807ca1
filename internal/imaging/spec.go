package imaging

import (
	"fmt"
	"strconv"
	"strings"
)

// Op is the operation a template method names.
type Op int

// The operations, one per template method.
const (
	OpResize Op = iota + 1 // .Resize "800x": to a width, a height, or both
	OpFit                  // .Fit "400x400": within a box, never enlarged
	OpFill                 // .Fill "1200x630 top": exactly a size, cropped
	OpFormat               // .Format "webp": the same pixels, another format
)

var opNames = [...]string{OpResize: "resize", OpFit: "fit", OpFill: "fill", OpFormat: "format"}

// String returns the op's name as a spec's canonical form writes it.
func (o Op) String() string {
	if o < OpResize || o > OpFormat {
		return "op(" + strconv.Itoa(int(o)) + ")"
	}
	return opNames[o]
}

// method is the op as a template calls it: "Fill".
func (o Op) method() string { s := o.String(); return strings.ToUpper(s[:1]) + s[1:] }

// Anchor is the part of an image that Fill keeps.
type Anchor int

// The anchors, spelt as in Hugo.
const (
	Center Anchor = iota
	TopLeft
	Top
	TopRight
	Left
	Right
	BottomLeft
	Bottom
	BottomRight
)

var anchorNames = [...]string{"center", "topleft", "top", "topright", "left", "right", "bottomleft", "bottom", "bottomright"}

func (a Anchor) String() string { return anchorNames[a] }

// MaxSide is the largest width or height a spec may ask for: WebP's limit.
const MaxSide = 16383

// Spec is one processing request.
type Spec struct {
	Op            Op
	Width, Height int    // 0: from the other side and the image's ratio (Resize only)
	Anchor        Anchor // Fill only
	Format        Format // "": the source's format (see Resolve)
	Quality       int    // 1–100 for JPEG and WebP; 0: DefaultQuality
}

// String returns the spec's canonical form, every part in one order:
// "fill 1200x630 top webp q75". Cache keys hash it.
func (s Spec) String() string {
	parts := []string{s.Op.String()}
	if s.Width > 0 || s.Height > 0 {
		parts = append(parts, sizeString(s.Width, s.Height))
	}
	if s.Op == OpFill {
		parts = append(parts, s.Anchor.String())
	}
	if s.Format != "" {
		parts = append(parts, string(s.Format))
	}
	if s.Quality > 0 {
		parts = append(parts, "q"+strconv.Itoa(s.Quality))
	}
	return strings.Join(parts, " ")
}

func sizeString(w, h int) string {
	var b strings.Builder
	if w > 0 {
		b.WriteString(strconv.Itoa(w))
	}
	b.WriteByte('x')
	if h > 0 {
		b.WriteString(strconv.Itoa(h))
	}
	return b.String()
}

// SpecError is a spec that cannot be followed. The caller places it at
// the template call that wrote the spec.
type SpecError struct {
	Op   Op
	Spec string // the spec as written
	Word string // the word that is wrong; "" when the spec as a whole is
	Msg  string // what is wrong and what to write instead
}

func (e *SpecError) Error() string {
	return fmt.Sprintf("%s %q: %s", e.Op.method(), e.Spec, e.Msg)
}

// ParseSpec reads a spec of op in Hugo's syntax: words in any order and
// any case, separated by spaces — at most one size ("800x", "x600",
// "800x600"), one format ("jpeg" or "jpg", "png", "webp"), one quality
// ("q75") and, for Fill, one anchor ("center", "top", "bottomright", …).
// Hugo's words that careersite does not follow (rotation, filters, hints,
// background colours, smart cropping) are errors that say why.
func ParseSpec(op Op, spec string) (Spec, error) {
	p := specParser{s: Spec{Op: op}, spec: spec}
	for _, word := range strings.Fields(spec) {
		if err := p.word(strings.ToLower(word), word); err != nil {
			return Spec{}, err
		}
	}
	if err := p.check(); err != nil {
		return Spec{}, err
	}
	return p.s, nil
}

// specParser holds a spec as its words are read, and which parts were
// written, to report a part written twice.
type specParser struct {
	s                             Spec
	spec                          string
	size, format, quality, anchor string // the word that set each part
}

func (p *specParser) fail(word, format string, args ...any) *SpecError {
	return &SpecError{Op: p.s.Op, Spec: p.spec, Word: word, Msg: fmt.Sprintf(format, args...)}
}

// word reads one word; w is lower case, orig as written.
func (p *specParser) word(w, orig string) error {
	switch {
	case isSize(w):
		return p.setSize(w, orig)
	case len(w) > 1 && w[0] == 'q' && isDigits(w[1:]):
		return p.setQuality(w, orig)
	}
	if f, ok := formatWords[w]; ok {
		if p.format != "" {
			return p.fail(orig, "two formats, %q and %q: write one", p.format, orig)
		}
		p.s.Format, p.format = f, orig
		return nil
	}
	for a, name := range anchorNames {
		if w == name {
			if p.anchor != "" {
				return p.fail(orig, "two anchors, %q and %q: write one", p.anchor, orig)
			}
			p.s.Anchor, p.anchor = Anchor(a), orig
			return nil
		}
	}
	return p.unknown(w, orig)
}

// formatWords are the output formats a spec may name.
var formatWords = map[string]Format{"jpeg": JPEG, "jpg": JPEG, "png": PNG, "webp": WebP}

func (p *specParser) setSize(w, orig string) error {
	if p.size != "" {
		return p.fail(orig, "two sizes, %q and %q: write one", p.size, orig)
	}
	ws, hs, _ := strings.Cut(w, "x")
	var err error
	if p.s.Width, err = sizeNumber(ws); err == nil {
		p.s.Height, err = sizeNumber(hs)
	}
	if err != nil || (ws != "" && p.s.Width == 0) || (hs != "" && p.s.Height == 0) {
		return p.fail(orig, "size %q: a width and a height are whole numbers from 1 to %d", orig, MaxSide)
	}
	p.size = orig
	return nil
}

// sizeNumber reads one side of a size; "" is 0, "not given".
func sizeNumber(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > MaxSide {
		return 0, fmt.Errorf("bad side %q", s)
	}
	return n, nil
}

func (p *specParser) setQuality(w, orig string) error {
	if p.quality != "" {
		return p.fail(orig, "two qualities, %q and %q: write one", p.quality, orig)
	}
	q, err := strconv.Atoi(w[1:])
	if err != nil || q < 1 || q > 100 {
		return p.fail(orig, "quality %q: write q1 to q100 (q75 is the default)", orig)
	}
	p.s.Quality, p.quality = q, orig
	return nil
}

// unknown explains a word that is not part of a spec, naming Hugo's words
// that have no meaning here.
func (p *specParser) unknown(w, orig string) error {
	switch {
	case isDigits(w):
		return p.fail(orig, "%q is not a size: write %q for a width or %q for a height", orig, orig+"x", "x"+orig)
	case w == "smart":
		return p.fail(orig, "smart cropping is not supported: name the part to keep, one of %s", strings.Join(anchorNames[:], ", "))
	case len(w) > 1 && w[0] == 'r' && isDigits(w[1:]):
		return p.fail(orig, "rotation %q is not supported: an image's EXIF orientation is applied for you; turn the file itself to turn the picture", orig)
	case hugoFilters[w]:
		return p.fail(orig, "the resampling filter is not chosen per image (every image is scaled with Catmull-Rom): remove %q", orig)
	case hugoHints[w]:
		return p.fail(orig, "WebP hints are not supported: remove %q", orig)
	case strings.HasPrefix(w, "#"):
		return p.fail(orig, "background colours are not supported: remove %q", orig)
	case w == "gif" || w == "svg" || w == "tif" || w == "tiff" || w == "bmp" || w == "avif":
		return p.fail(orig, "%s is not an output format: write jpeg, png or webp", strings.ToUpper(w))
	}
	return p.fail(orig, "%q is not part of an image spec: write a size (800x, x600, 800x600), a format (jpeg, png, webp), a quality (q75) or, for Fill, an anchor (center, top, topleft, …)", orig)
}

// hugoFilters and hugoHints are words of Hugo's spec syntax.
var (
	hugoFilters = map[string]bool{"nearestneighbor": true, "box": true, "linear": true, "hermite": true, "mitchellnetravali": true,
		"catmullrom": true, "bspline": true, "gaussian": true, "lanczos": true, "hann": true, "hamming": true,
		"blackman": true, "bartlett": true, "welch": true, "cosine": true}
	hugoHints = map[string]bool{"picture": true, "photo": true, "drawing": true, "icon": true, "text": true}
)

// check reports what op needs that the words did not give.
func (p *specParser) check() error {
	s := p.s
	if p.anchor != "" && s.Op != OpFill {
		return p.fail(p.anchor, "an anchor is for Fill only: remove %q", p.anchor)
	}
	switch s.Op {
	case OpResize:
		if p.size == "" {
			return p.fail("", `Resize needs a size: write "800x" for a width, "x600" for a height or "800x600" for both`)
		}
	case OpFit, OpFill:
		if s.Width == 0 || s.Height == 0 {
			return p.fail(p.size, "%s needs a width and a height, as in %q", s.Op.method(), map[Op]string{OpFit: "400x400", OpFill: "1200x630"}[s.Op])
		}
	case OpFormat:
		if p.size != "" {
			return p.fail(p.size, "Format takes no size: to resize too, write Resize %q", p.spec)
		}
		if p.format == "" {
			return p.fail("", "Format needs a format: jpeg, png or webp")
		}
	default:
		return p.fail("", "unknown operation")
	}
	return nil
}

// isSize reports whether w has the shape of a size, "800x", "x600",
// "800x600": digits around one x, at least one of them.
func isSize(w string) bool {
	a, b, ok := strings.Cut(w, "x")
	return ok && (a != "" || b != "") && (a == "" || isDigits(a)) && (b == "" || isDigits(b))
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Resolve fills in what s leaves to the source image, src: the output
// format (the source's own; PNG for a GIF, whose animation processing
// would drop) and the quality (DefaultQuality for JPEG and WebP; none for
// PNG, which is lossless, so a quality meant for photographs is ignored
// there rather than failing a template shared by all images). Cache keys
// and output names are made from resolved specs.
func (s Spec) Resolve(src Format) (Spec, error) {
	if src == SVG {
		return Spec{}, ErrNotRaster
	}
	if s.Format == "" {
		s.Format = src
		if src == GIF {
			s.Format = PNG
		}
	}
	switch {
	case s.Format == PNG:
		s.Quality = 0
	case s.Quality == 0:
		s.Quality = DefaultQuality
	}
	return s, nil
}

// Size returns the size of the result of s on a w×h image (its displayed
// size), without touching a pixel.
func (s Spec) Size(w, h int) (int, int) {
	switch s.Op {
	case OpResize:
		switch {
		case s.Width > 0 && s.Height > 0:
			return s.Width, s.Height
		case s.Width > 0:
			return s.Width, scaled(h, s.Width, w)
		case s.Height > 0:
			return scaled(w, s.Height, h), s.Height
		}
	case OpFit:
		if w <= s.Width && h <= s.Height {
			return w, h
		}
		if int64(w)*int64(s.Height) >= int64(s.Width)*int64(h) { // wider than the box
			return s.Width, scaled(h, s.Width, w)
		}
		return scaled(w, s.Height, h), s.Height
	case OpFill:
		return s.Width, s.Height
	}
	return w, h
}

// scaled returns n×num/den rounded to the nearest whole number, at least 1.
func scaled(n, num, den int) int {
	v := (int64(n)*int64(num)*2 + int64(den)) / (2 * int64(den))
	return int(max(1, v))
}
