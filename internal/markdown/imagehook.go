package markdown

import (
	"bytes"

	"github.com/careersite/careersite/internal/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file is the image hook: the caller's chance to write an image's
// HTML itself (internal/convert runs the render-image template there, with
// the image processed), and the warning for an image without alt text.

// An Image is a Markdown image, as an ImageHook is given it.
type Image struct {
	Destination string // as written
	Title       string
	Text        string // the alt text, as plain text
	Ordinal     int    // 0 for the first image of the body, 1 for the next …
	Line, Col   int    // where its "!" is, in the file
}

// A Hooked image is what an ImageHook wrote for an image.
type Hooked struct {
	HTML []byte // written in the image's place
	// Check is the site path the link checker checks in place of the
	// destination (the file the HTML shows); "" keeps the destination.
	Check string
}

// An ImageHook writes the HTML of an image, or returns nil to leave it to
// Markdown. An error is a problem of the page at the image.
type ImageHook func(Image) (*Hooked, error)

// altTextKind is the kind of the warnings of images without alt text.
const altTextKind = "images without alt text"

// hookedImage is an image whose HTML an ImageHook wrote.
type hookedImage struct {
	ast.BaseInline
	html  []byte
	check []byte // the destination links report
	pos   int
}

var kindHookedImage = ast.NewNodeKind("HookedImage")

// Kind implements ast.Node.
func (*hookedImage) Kind() ast.NodeKind { return kindHookedImage }

// Dump implements ast.Node.
func (n *hookedImage) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// Pos is where the image was written.
func (n *hookedImage) Pos() int { return n.pos }

// hookedImages renders hookedImage nodes: an extension every Converter has.
type hookedImages struct{}

func (hookedImages) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(hookedImages{}, 100)))
}

func (hookedImages) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindHookedImage, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*hookedImage).html)
		}
		return ast.WalkSkipChildren, nil
	})
}

// runImageHook calls hook for every image of doc, in document order, and
// puts what it wrote in the image's place; it returns the hook's problems
// and a warning for each image without alt text.
func runImageHook(doc ast.Node, src []byte, pos *positions, hook ImageHook) (probs, warns []*diag.Error) {
	if !bytes.Contains(src, []byte("![")) {
		return nil, nil // every image is written "![", so there is none to walk the page for
	}
	var imgs []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			imgs = append(imgs, img)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for i, n := range imgs {
		off := offsetOf(n, n.Destination, src)
		line, col := pos.at(off)
		img := Image{Destination: string(n.Destination), Title: string(n.Title), Text: headingText(n, src), Ordinal: i, Line: line, Col: col}
		if img.Text == "" {
			warns = append(warns, &diag.Error{Line: line, Col: col, Kind: altTextKind,
				Msg: "image " + img.Destination + " has no alt text: describe what it shows, for readers who cannot see it"})
		}
		if hook == nil {
			continue
		}
		h, err := hook(img)
		if err != nil {
			if de, ok := err.(*diag.Error); ok && de.Line != 0 {
				probs = append(probs, de)
			} else {
				probs = append(probs, &diag.Error{Line: line, Col: col, Msg: err.Error(), Err: err})
			}
			continue
		}
		if h == nil {
			continue
		}
		check := n.Destination
		if h.Check != "" {
			check = []byte(h.Check)
		}
		hooked := &hookedImage{html: h.HTML, check: check, pos: off}
		n.Parent().ReplaceChild(n.Parent(), n, hooked)
	}
	return probs, warns
}

// FirstImage returns the place in the file of the first image of src (a
// body whose first line is line firstLine of its file), without
// converting it; ok is false when it has none. A body whose shortcodes run
// before its Markdown is converted asks it, so that a shortcode can tell
// whether an image is written before its own.
func (c *Converter) FirstImage(src []byte, firstLine int) (line, col int, ok bool) {
	doc := c.parsers.forPage(src).Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(newIDs()))))
	var first *ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, isImg := n.(*ast.Image); isImg && entering {
			first = img
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if first == nil {
		return 0, 0, false
	}
	line, col = newPositions(src, firstLine).at(offsetOf(first, first.Destination, src))
	return line, col, true
}
