package socialcard

import (
	"errors"
	"math"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// ErrTitleTooLong is wrapped by the error for a title that needs more than
// MaxTitleLines lines at MinTitleSize.
var ErrTitleTooLong = errors.New("title too long for a card")

// lineSpacing is a line's height as a multiple of the font's size.
const lineSpacing = 1.2

// box is a rectangle that a text is fitted into, and the sizes it may take.
type box struct {
	font          *opentype.Font
	width, height int // pixels
	maxSize       int // pixels, tried first
	minSize       int // pixels, tried last
	step          int
	maxLines      int
	breakLetters  bool // at minSize, break a word wider than the box between letters
}

// fitted is a text laid out in a box: its lines at one size.
type fitted struct {
	lines []string
	size  int
	face  font.Face
}

// lineHeight is the distance between two baselines at size pixels.
func lineHeight(size int) int { return int(math.Ceil(float64(size) * lineSpacing)) }

// fit lays ws out in b at the largest size at which every line fits b's
// width and the lines fit its height; ok is false when none does.
func (b box) fit(ws []string) (fitted, bool, error) {
	for size := b.maxSize; size >= b.minSize; size -= b.step {
		face, err := face(b.font, float64(size))
		if err != nil {
			return fitted{}, false, err
		}
		lines := min(b.maxLines, b.height/lineHeight(size))
		breakLetters := b.breakLetters && size-b.step < b.minSize
		if ls, ok := wrap(face, ws, fixed.I(b.width), lines, breakLetters); ok {
			return fitted{lines: ls, size: size, face: face}, true, nil
		}
	}
	return fitted{}, false, nil
}

// wrap fills lines greedily with ws, a space between two words; ok is false
// when a word is wider than width (unless breakLetters) or more than
// maxLines lines are needed.
func wrap(face font.Face, ws []string, width fixed.Int26_6, maxLines int, breakLetters bool) (lines []string, ok bool) {
	line := ""
	for _, w := range ws {
		if line != "" {
			if inkWidth(face, line+" "+w) <= width {
				line += " " + w
				continue
			}
			lines = append(lines, line)
			line = ""
		}
		if inkWidth(face, w) <= width {
			line = w
		} else if breakLetters {
			pieces := breakWord(face, w, width)
			lines = append(lines, pieces[:len(pieces)-1]...)
			line = pieces[len(pieces)-1]
		} else {
			return nil, false
		}
		if len(lines) >= maxLines {
			return nil, false
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines, len(lines) <= maxLines
}

// breakWord cuts w into pieces no wider than width, each as long as it can
// be, never before a combining mark. A piece has at least one letter (and
// its marks) even if that is wider than width; at the sizes a card uses, no
// letter of the Go fonts is.
func breakWord(face font.Face, w string, width fixed.Int26_6) []string {
	var pieces []string
	start := 0
	for i, r := range w {
		if i == start || unicode.IsMark(r) {
			continue
		}
		if inkWidth(face, w[start:i+utf8.RuneLen(r)]) > width {
			pieces = append(pieces, w[start:i])
			start = i
		}
	}
	return append(pieces, w[start:])
}

// inkWidth is how wide s is drawn from its dot: the advance or the ink,
// whichever reaches further, plus any ink left of the dot (which draw
// shifts right).
func inkWidth(face font.Face, s string) fixed.Int26_6 {
	bounds, advance := font.BoundString(face, s)
	return max(advance, bounds.Max.X) - min(0, bounds.Min.X)
}
