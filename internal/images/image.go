package images

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/careersite/careersite/internal/imaging"
)

// An Image is what a template sees of an image: the value of the template
// function image and the render hook's .Image. Each method that
// processes (Resize, Fit, Fill, Format) works from the source file and
// returns an Image again; the format of the Image it is called on is
// kept unless its spec names one. An Image names its files when a URL
// is asked of it, in the Uses it came from.
type Image struct {
	uses      *Uses
	src       *Source
	spec      imaging.Spec // resolved; Op 0: the source itself
	line, col int          // where it was opened: the place Lazy asks about
}

// Lazy reports whether the image should load lazily (loading="lazy"
// decoding="async"): whether it is not the first image of its page, in
// the order of the body (Uses.Lazy).
func (im *Image) Lazy() bool { return im.uses.Lazy(im.line, im.col) }

// Width and Height are the image's size in pixels, as displayed (EXIF
// orientation applied).
func (im *Image) Width() int { w, _ := im.size(); return w }

// Height: see Width.
func (im *Image) Height() int { _, h := im.size(); return h }

func (im *Image) size() (int, int) {
	if im.spec.Op == 0 {
		return im.src.Info.Width, im.src.Info.Height
	}
	return im.spec.Size(im.src.Info.Width, im.src.Info.Height)
}

// Responsive reports whether the image is a JPEG, PNG or WebP, whose
// files are made at the widths of site.yaml (Srcset); an SVG or a GIF is
// published as it is.
func (im *Image) Responsive() bool {
	f := im.src.Info.Format
	return f != imaging.SVG && f != imaging.GIF
}

// MediaType is the image's MIME type: "image/webp", "image/svg+xml".
func (im *Image) MediaType() string { return mediaType(im.format()) }

func mediaType(f imaging.Format) string {
	if f == imaging.SVG {
		return "image/svg+xml"
	}
	return "image/" + string(f)
}

func (im *Image) format() imaging.Format {
	if im.spec.Op == 0 {
		return im.src.Info.Format
	}
	return im.spec.Format
}

// Source is the path of the source file: "assets/img/team.jpg".
func (im *Image) Source() string { return im.src.Loc.Path }

// URL is the root-relative URL of the image's file, base path included.
// A JPEG, PNG or WebP image is re-encoded at its own size (no metadata is
// published); an SVG or a GIF is published as it is.
func (im *Image) URL() (string, error) {
	o, err := im.Output()
	if err != nil {
		return "", err
	}
	return im.uses.set.URL(o), nil
}

// Output names the image's file in its Uses: the file URL links to.
func (im *Image) Output() (*Output, error) {
	sp := im.spec
	if sp.Op == 0 && im.Responsive() {
		var err error
		if sp, err = (imaging.Spec{Op: imaging.OpResize, Width: im.src.Info.Width}).Resolve(im.src.Info.Format); err != nil {
			return nil, err
		}
		if sp.Format != imaging.PNG {
			sp.Quality = im.uses.set.opts.Quality
		}
	}
	return im.uses.add(im.src, sp)
}

// Resize returns the image scaled to a width, a height or both: "800x",
// "x600", "800x600 webp q80" (Hugo's words; imaging.ParseSpec).
func (im *Image) Resize(spec string) (*Image, error) { return im.process(imaging.OpResize, spec) }

// Fit returns the image scaled to fit in a box, its ratio kept, never
// enlarged: "400x400".
func (im *Image) Fit(spec string) (*Image, error) { return im.process(imaging.OpFit, spec) }

// Fill returns the image cropped to the box's ratio at an anchor and
// scaled to it: "1200x630 center".
func (im *Image) Fill(spec string) (*Image, error) { return im.process(imaging.OpFill, spec) }

// Format returns the image in another format: "webp", "jpeg q90", "png".
func (im *Image) Format(spec string) (*Image, error) { return im.process(imaging.OpFormat, spec) }

func (im *Image) process(op imaging.Op, spec string) (*Image, error) {
	if !im.Responsive() {
		return nil, fmt.Errorf("%s %q: %s: %w", opMethod(op), spec, im.src.Loc.Path, imaging.ErrNotRaster)
	}
	sp, err := imaging.ParseSpec(op, spec)
	if err != nil {
		return nil, err
	}
	if op == imaging.OpFormat && im.spec.Op != 0 { // the geometry of im, another format
		f, q := sp.Format, sp.Quality
		sp = im.spec
		sp.Format, sp.Quality = f, q
	} else if sp.Format == "" && im.spec.Op != 0 {
		sp.Format = im.spec.Format
	}
	given := sp.Quality != 0
	if sp, err = sp.Resolve(im.src.Info.Format); err != nil {
		return nil, err
	}
	if !given && sp.Format != imaging.PNG {
		sp.Quality = im.uses.set.opts.Quality
	}
	return &Image{uses: im.uses, src: im.src, spec: sp, line: im.line, col: im.col}, nil
}

func opMethod(op imaging.Op) string {
	s := op.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// Srcset is the srcset of the image in format ("webp", "jpeg", "png"; ""
// for the image's own): its files at site.yaml's widths below its own
// width and at its own width in place of the larger ones, so nothing is
// enlarged: "/img/team.480w.….webp 480w, /img/team.800w.….webp 800w".
func (im *Image) Srcset(format string) (string, error) {
	outs, err := im.widths(format)
	if err != nil {
		return "", err
	}
	parts := make([]string, len(outs))
	for i, o := range outs {
		parts[i] = im.uses.set.URL(o) + " " + strconv.Itoa(o.Width) + "w"
	}
	return strings.Join(parts, ", "), nil
}

// Largest is the image at the largest width of its Srcset in format (""
// for its own): the src of an <img> whose srcset is Srcset.
func (im *Image) Largest(format string) (*Image, error) {
	if !im.Responsive() {
		return im, nil
	}
	sps, err := im.widthSpecs(format)
	if err != nil {
		return nil, err
	}
	return &Image{uses: im.uses, src: im.src, spec: sps[len(sps)-1]}, nil
}

// Sizes is a sizes attribute for the image shown at most its own width,
// or the largest of site.yaml's widths: "(max-width: 800px) 100vw, 800px".
func (im *Image) Sizes() string {
	w := im.Width()
	if im.Responsive() && len(im.uses.set.opts.Widths) > 0 {
		w = min(w, slices.Max(im.uses.set.opts.Widths))
	}
	return fmt.Sprintf("(max-width: %dpx) 100vw, %dpx", w, w)
}

// widths names the image's files at the srcset widths in format.
func (im *Image) widths(format string) ([]*Output, error) {
	if !im.Responsive() {
		o, err := im.Output()
		if err != nil {
			return nil, err
		}
		return []*Output{o}, nil
	}
	sps, err := im.widthSpecs(format)
	if err != nil {
		return nil, err
	}
	outs := make([]*Output, len(sps))
	for i, sp := range sps {
		if outs[i], err = im.uses.add(im.src, sp); err != nil {
			return nil, err
		}
	}
	return outs, nil
}

// widthSpecs are the specs of the srcset widths of the image in format:
// each Resize to one width, or for a Fill, the Fill of the same ratio.
func (im *Image) widthSpecs(format string) ([]imaging.Spec, error) {
	base := im
	if format != "" {
		var err error
		if base, err = im.Format(format); err != nil {
			return nil, err
		}
	}
	w, h := base.Width(), base.Height()
	var sps []imaging.Spec
	for _, width := range imaging.Widths(im.uses.set.opts.Widths, w) {
		sp := imaging.Spec{Op: imaging.OpResize, Width: width, Format: base.format(), Quality: base.spec.Quality}
		if base.spec.Op == imaging.OpFill {
			sp.Op, sp.Anchor = imaging.OpFill, base.spec.Anchor
			sp.Height = max(1, (h*width+w/2)/w)
		} else if base.spec.Op == imaging.OpFit || base.spec.Op == imaging.OpResize && width == w {
			sp.Height = 0
		}
		if sp.Format != imaging.PNG && sp.Quality == 0 {
			sp.Quality = im.uses.set.opts.Quality
		}
		sps = append(sps, sp)
	}
	return sps, nil
}

// Uses records the files that the Images opened through it named: those
// of one page body's Markdown, or of a build's templates. It is safe for
// concurrent use.
type Uses struct {
	set  *Set
	page string // the content file, "" for templates

	mu    sync.Mutex
	refs  []Use
	outs  map[string]*Output
	named []Named // the outputs in the order named, by ref

	// The first image of the page, which alone loads eagerly (Lazy).
	eager    place // claimed by the first image shown; zero: none yet
	markdown place // of the body's first Markdown image; zero: none
}

// MarkdownLazy is Lazy for a Markdown image, shown after every shortcode
// ran, at its place in the Markdown converted (which the outputs of
// shortcodes may have moved from MarkdownFirst's): it is the first image
// when no shortcode showed one.
func (u *Uses) MarkdownLazy(line, col int) bool {
	u.mu.Lock()
	u.markdown = place{}
	u.mu.Unlock()
	return u.Lazy(line, col)
}

// place is a line and column of a body; the zero place is none.
type place struct{ line, col int }

func (p place) before(q place) bool { return p.line < q.line || (p.line == q.line && p.col < q.col) }

// MarkdownFirst tells u where the body's first Markdown image is, before
// shortcodes run (they run before the Markdown is converted): a shortcode
// after it shows no first image.
func (u *Uses) MarkdownFirst(line, col int) {
	u.mu.Lock()
	u.markdown = place{line, col}
	u.mu.Unlock()
}

// Lazy reports whether an image shown at line:col of the body should load
// lazily: every one but the first of the page, which is above the fold
// more often than not. The first image shown claims the first place,
// unless the body's first Markdown image (MarkdownFirst) comes before it;
// as shortcodes run in the order of the body, and Markdown images after
// them, in order, the claim is the first image of the body whatever wrote
// it. Asking again for the same place gives the same answer.
func (u *Uses) Lazy(line, col int) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	at := place{line, col}
	if u.eager != (place{}) {
		return at != u.eager
	}
	if u.markdown != (place{}) && u.markdown.before(at) {
		return true
	}
	u.eager = at
	return false
}

// Named is an Output as a record of Uses keeps it: the index of the Use
// of its source, and its spec.
type Named struct {
	Use  int
	Spec imaging.Spec
}

// A Use is one image a body showed: what it was found by and read as,
// and where it was first written.
type Use struct {
	Ref       string
	Path      string // of the source
	Sum       [32]byte
	Line, Col int
}

// Uses returns a new record of the images opened in page ("" for
// templates).
func (s *Set) Uses(page string) *Uses {
	return &Uses{set: s, page: page, outs: map[string]*Output{}}
}

// A Body is the data of a template that runs as a page's body is
// converted (a shortcode's, the Markdown image hook's): the template
// function image opens its images in ImageUses, the record of the body's
// images, at the body's line and column that the template runs for.
type Body interface {
	ImageUses() (u *Uses, line, col int)
}

// Page is the page whose images u records.
func (u *Uses) Page() string { return u.page }

// Open finds and reads the image that ref names, written at line:col of
// the page (0:0 for a template). ErrExternal: not one the build processes.
func (u *Uses) Open(ref string, line, col int) (*Image, error) {
	return u.OpenIn(u.page, ref, line, col)
}

// OpenIn is Open with ref resolved in page ("content/x.md"; "" for
// assets/ alone) instead of the page of u: a template's image, given the
// page whose bundle to look in.
func (u *Uses) OpenIn(page, ref string, line, col int) (*Image, error) {
	src, err := u.set.Lookup(page, ref)
	if err != nil {
		return nil, err
	}
	u.mu.Lock()
	u.refs = append(u.refs, Use{Ref: ref, Path: src.Loc.Path, Sum: src.Sum, Line: line, Col: col})
	u.mu.Unlock()
	return &Image{uses: u, src: src, line: line, col: col}, nil
}

// add names the Output of src by sp in u.
func (u *Uses) add(src *Source, sp imaging.Spec) (*Output, error) {
	if sp.Op == 0 && src.Info.Format != imaging.SVG && src.Info.Format != imaging.GIF {
		return nil, errors.New("internal error: a raster image named as it is")
	}
	o := u.set.output(src, sp)
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.outs[o.Name] == nil {
		u.outs[o.Name] = o
		i := slices.IndexFunc(u.refs, func(r Use) bool { return r.Path == src.Loc.Path })
		u.named = append(u.named, Named{Use: i, Spec: sp})
	}
	return o, nil
}

// Named are the outputs named, as Restore takes them.
func (u *Uses) Named() []Named {
	u.mu.Lock()
	defer u.mu.Unlock()
	return slices.Clone(u.named)
}

// Restore makes again the Uses of page that named the outputs named from
// the images refs, as a record kept them: ok is false when an image is
// not there any more or its bytes changed, and the body must be
// converted again.
func (s *Set) Restore(page string, refs []Use, named []Named) (u *Uses, ok bool) {
	u = s.Uses(page)
	srcs := make([]*Source, len(refs))
	for i, r := range refs {
		src, err := s.Lookup(page, r.Ref)
		if err != nil || src.Sum != r.Sum || src.Loc.Path != r.Path {
			return nil, false
		}
		srcs[i] = src
	}
	u.refs = slices.Clone(refs)
	for _, n := range named {
		if n.Use < 0 || n.Use >= len(srcs) {
			return nil, false
		}
		if _, err := u.add(srcs[n.Use], n.Spec); err != nil {
			return nil, false
		}
	}
	return u, true
}

// Current reports whether every image of refs, read in page, still has
// the bytes it had.
func (s *Set) Current(page string, refs []Use) bool {
	for _, r := range refs {
		src, err := s.Lookup(page, r.Ref)
		if err != nil || src.Sum != r.Sum || src.Loc.Path != r.Path {
			return false
		}
	}
	return true
}

// Refs are the images opened, in the order they were.
func (u *Uses) Refs() []Use {
	u.mu.Lock()
	defer u.mu.Unlock()
	return slices.Clone(u.refs)
}

// Outputs are the files named, sorted by name.
func (u *Uses) Outputs() []*Output {
	u.mu.Lock()
	defer u.mu.Unlock()
	outs := make([]*Output, 0, len(u.outs))
	for _, o := range u.outs {
		outs = append(outs, o)
	}
	slices.SortFunc(outs, func(a, b *Output) int { return cmp.Compare(a.Name, b.Name) })
	return outs
}
