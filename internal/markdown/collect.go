package markdown

import (
	"bytes"
	"fmt"

	"github.com/careersite/careersite/internal/diag"
	"github.com/yuin/goldmark/ast"
)

// collector gathers headings, links and words in one walk of the AST.
type collector struct {
	src   []byte
	pos   *positions
	res   *Result
	words wordCounter
	seen  map[string]bool // heading ids so far
	errs  []*diag.Error
}

// collect walks doc once and returns the Result without its HTML, and the
// problems found (repeated heading ids).
func collect(doc ast.Node, src []byte, pos *positions, skip string) (*Result, []*diag.Error) {
	c := &collector{src: src, pos: pos, res: &Result{}, words: wordCounter{skip: []byte(skip)}}
	_ = ast.Walk(doc, c.visit)
	c.words.end()
	c.res.WordCount = c.words.n
	c.res.ReadingTime = (c.words.n + wordsPerMinute - 1) / wordsPerMinute
	return c.res, c.errs
}

// wordsPerMinute is a common estimate of adult silent reading speed.
const wordsPerMinute = 220

func (c *collector) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if n.Type() == ast.TypeBlock {
		c.words.end() // no word runs from one block into the next
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.Heading:
		c.heading(n)
	case *ast.Link:
		c.link(n, n.Destination)
	case *ast.Image:
		c.link(n, n.Destination)
		return ast.WalkSkipChildren, nil // alt text is not read
	case *hookedImage:
		c.addLink(n.check, n.pos)
		c.words.end()
	case *ast.AutoLink:
		c.autoLink(n)
	case *ast.Text:
		c.text(n)
	case *ast.String:
		if !n.IsCode() { // code strings are typographic entities: punctuation
			c.words.add(n.Value)
		}
	case *ast.CodeSpan, *ast.RawHTML:
		c.words.end()
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

func (c *collector) text(n *ast.Text) {
	c.words.add(n.Segment.Value(c.src))
	if n.SoftLineBreak() || n.HardLineBreak() {
		c.words.end()
	}
}

func (c *collector) heading(n *ast.Heading) {
	id := headingID(n)
	if c.seen == nil {
		c.seen = make(map[string]bool)
	}
	if c.seen[id] {
		line, col := c.pos.at(n.Pos())
		c.errs = append(c.errs, &diag.Error{Line: line, Col: col, Msg: fmt.Sprintf("duplicate heading id %q", id)})
	}
	c.seen[id] = true
	c.res.Headings = append(c.res.Headings, Heading{Level: n.Level, ID: id, Text: headingText(n, c.src)})
}

func (c *collector) link(n ast.Node, dest []byte) {
	c.addLink(dest, offsetOf(n, dest, c.src))
}

func (c *collector) addLink(dest []byte, offset int) {
	line, col := c.pos.at(offset)
	c.res.Links = append(c.res.Links, Link{Dest: string(dest), Line: line, Col: col})
}

// autoLink records the href goldmark writes for n: "www." links get their
// protocol, e-mail addresses "mailto:".
func (c *collector) autoLink(n *ast.AutoLink) {
	dest := n.URL(c.src)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
		dest = append([]byte("mailto:"), dest...)
	}
	label := n.Label(c.src)
	offset := offsetOf(n, label, c.src)
	if n.Pos() >= 0 {
		offset = labelOffset(offset, label, c.src)
	}
	c.addLink(dest, offset)
}
