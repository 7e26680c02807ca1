package markdown

import (
	"os"
	"slices"
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

// TestLineStarts holds lineStarts to a count of every byte.
func TestLineStarts(t *testing.T) {
	docs, err := os.ReadFile("testdata/bench/docs.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{"", "a", "\n", "\n\n", "a\nb", "a\nb\n", "\r\n\r\n", "é\n\nx\n", string(docs)} {
		want := []int{0}
		for i := range len(src) {
			if src[i] == '\n' {
				want = append(want, i+1)
			}
		}
		if got := lineStarts([]byte(src)); !slices.Equal(got, want) {
			t.Errorf("lineStarts(%.20q) = %v, want %v", src, got, want)
		}
	}
}

// BenchmarkLineStarts finds the lines of a documentation-profile page, as
// every page with a link does.
func BenchmarkLineStarts(b *testing.B) {
	src := benchPage(b, "docs.md")
	for b.Loop() {
		lineStarts(src)
	}
}
