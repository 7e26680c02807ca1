package markdown

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// positions maps byte offsets of a body to line:col of its file.
type positions struct {
	src       []byte
	firstLine int
	starts    []int // offset of the start of every line; built on first use
}

func newPositions(src []byte, firstLine int) *positions {
	return &positions{src: src, firstLine: max(firstLine, 1)}
}

// at returns the file line and the 1-based character column of offset.
func (p *positions) at(offset int) (line, col int) {
	if p.starts == nil {
		p.starts = lineStarts(p.src)
	}
	offset = min(max(offset, 0), len(p.src))
	i := sort.SearchInts(p.starts, offset+1) - 1
	return p.firstLine + i, utf8.RuneCount(p.src[p.starts[i]:offset]) + 1
}

// lineStarts returns the offset of the start of every line of src. A
// line of prose is a paragraph, hundreds of bytes: each newline is found
// with bytes.IndexByte rather than by a loop over every byte.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return starts
		}
		off += i + 1
		starts = append(starts, off)
	}
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
