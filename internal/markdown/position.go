package markdown

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// positions maps byte offsets of a body to line:col of its file. The
// offsets asked for come in the order of the text, most of them (a walk
// of the AST meets links in order): it counts the lines from the offset
// asked for before, forward or back, and reads no more of the body than
// lies before the last position asked for.
type positions struct {
	src       []byte
	firstLine int
	off       int // the offset asked for before
	line      int // its line, 0 for the first
	lineStart int // the offset where that line starts
}

func newPositions(src []byte, firstLine int) *positions {
	return &positions{src: src, firstLine: max(firstLine, 1)}
}

// at returns the file line and the 1-based character column of offset.
func (p *positions) at(offset int) (line, col int) {
	offset = min(max(offset, 0), len(p.src))
	if offset >= p.off {
		between := p.src[p.off:offset]
		if i := bytes.LastIndexByte(between, '\n'); i >= 0 {
			p.line += bytes.Count(between, []byte{'\n'})
			p.lineStart = p.off + i + 1
		}
	} else {
		p.line -= bytes.Count(p.src[offset:p.off], []byte{'\n'})
		p.lineStart = bytes.LastIndexByte(p.src[:offset], '\n') + 1
	}
	p.off = offset
	return p.firstLine + p.line, utf8.RuneCount(p.src[p.lineStart:offset]) + 1
}

// offsetOf returns where the inline node n (a link, image or autolink with
// destination dest) is written. goldmark records the start of these nodes;
// for one that carries no position, dest is looked for in the lines of the
// enclosing block, else the block's first line is used.
func offsetOf(n ast.Node, dest []byte, src []byte) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	block := n.Parent()
	for block != nil && block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	if block == nil {
		return 0
	}
	return findInLines(block, dest, src)
}

// labelOffset moves offset, where goldmark says an autolink starts, onto its
// label. A URL that linkify found is positioned at the character that
// triggered the search (the space or "(" before it), not at the URL.
func labelOffset(offset int, label, src []byte) int {
	const slack = 2 // "<" of <https://…>, or the trigger character
	end := min(offset+len(label)+slack, len(src))
	if offset < 0 || offset >= end {
		return offset
	}
	if j := bytes.Index(src[offset:end], label); j > 0 {
		return offset + j
	}
	return offset
}

func findInLines(block ast.Node, dest, src []byte) int {
	lines := block.Lines()
	if lines.Len() == 0 {
		return max(block.Pos(), 0)
	}
	for i := range lines.Len() {
		seg := lines.At(i)
		if j := bytes.Index(src[seg.Start:seg.Stop], dest); j >= 0 && len(dest) > 0 {
			return seg.Start + j
		}
	}
	return lines.At(0).Start
}
