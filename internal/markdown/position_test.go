package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

func TestPositionsAt(t *testing.T) {
	src := []byte("one\nCafé [x]\n\nlast")
	tests := []struct {
		name              string
		offset            int
		wantLine, wantCol int
	}{
		{"start", 0, 10, 1},
		{"end of first line", 3, 10, 4},
		{"second line start", 4, 11, 1},
		{"after a two-byte character", 10, 11, 6},
		{"newline ends its line", 13, 11, 9},
		{"empty line", 14, 12, 1},
		{"last line", 17, 13, 3},
		{"past the end", 99, 13, 5},
		{"negative", -1, 10, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := newPositions(src, 10).at(tt.offset)
			if line != tt.wantLine || col != tt.wantCol {
				t.Errorf("at(%d) = %d:%d, want %d:%d", tt.offset, line, col, tt.wantLine, tt.wantCol)
			}
		})
	}
	// One positions asked for them all, in order, backwards and shuffled:
	// each answer is the same as a fresh one's.
	p := newPositions(src, 10)
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 8}, {8, 7, 6, 5, 4, 3, 2, 1, 0}, {4, 0, 7, 2, 8, 1, 5, 3, 6}} {
		for _, i := range order {
			tt := tests[i]
			if line, col := p.at(tt.offset); line != tt.wantLine || col != tt.wantCol {
				t.Errorf("%v: at(%d) = %d:%d, want %d:%d", order, tt.offset, line, col, tt.wantLine, tt.wantCol)
			}
		}
	}
}

// TestPositionsReadOnlyBefore asks for a position near the start of a long
// body: no more than what lies before it is read, nor any table of the
// body's lines made.
func TestPositionsReadOnlyBefore(t *testing.T) {
	src := []byte("[a](/a/)\n" + strings.Repeat("a line of the body\n", 1000))
	allocs := testing.AllocsPerRun(10, func() {
		if line, col := newPositions(src, 1).at(4); line != 1 || col != 5 {
			t.Fatalf("at(4) = %d:%d, want 1:5", line, col)
		}
	})
	if allocs > 0 {
		t.Errorf("at allocated %v times, want none", allocs)
	}
}

// A link node that carries no position is found by its destination in the
// lines of the enclosing block.
func TestOffsetOfWithoutPosition(t *testing.T) {
	src := []byte("intro\nsee /a/ and more\n")
	tests := []struct {
		name string
		dest string
		want int
	}{
		{"found on the second line", "/a/", 10},
		{"not found: first line of the block", "/zzz/", 0},
		{"empty destination", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			para := ast.NewParagraph()
			para.Lines().Append(text.NewSegment(0, 6))
			para.Lines().Append(text.NewSegment(6, len(src)))
			link := ast.NewLink()
			link.Destination = []byte(tt.dest)
			para.AppendChild(para, link)
			if got := offsetOf(link, link.Destination, src); got != tt.want {
				t.Errorf("offsetOf(%q) = %d, want %d", tt.dest, got, tt.want)
			}
		})
	}
}
