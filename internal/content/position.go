package content

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// lineIndex turns byte offsets into 1-based lines and columns; columns count
// characters, as yaml.v3 counts them.
type lineIndex struct {
	src    []byte
	starts []int // offset of the first byte of each line
}

func newLineIndex(src []byte) lineIndex {
	starts := make([]int, 1, 1+bytes.Count(src, []byte("\n")))
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts}
}

func (li lineIndex) pos(off int) (line, col int) {
	off = min(max(off, 0), len(li.src))
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return i + 1, 1 + utf8.RuneCount(li.src[li.starts[i]:off])
}
