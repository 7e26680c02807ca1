package socialcard

import (
	"strings"
	"unicode"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// words splits s, in NFC, into the words f can draw, following the package
// comment's rule for scripts the font lacks. With dropSymbols (the title), a
// missing symbol, punctuation mark or invisible character is left out and
// returned in dropped; any other missing rune makes ok false. Without it,
// every missing rune makes ok false.
func words(f *opentype.Font, s string, dropSymbols bool) (ws []string, dropped []rune, ok bool) {
	var buf sfnt.Buffer
	var w strings.Builder
	afterDropped := false
	for _, r := range norm.NFC.String(s) {
		if breaksLine(r) {
			if w.Len() > 0 {
				ws = append(ws, w.String())
				w.Reset()
			}
			afterDropped = false
			continue
		}
		if hasGlyph(f, &buf, r) {
			w.WriteRune(r)
			afterDropped = false
			continue
		}
		if !dropSymbols || essential(r, afterDropped) {
			return nil, nil, false
		}
		dropped = append(dropped, r)
		afterDropped = true
	}
	if w.Len() > 0 {
		ws = append(ws, w.String())
	}
	return ws, dropped, true
}

// essential reports whether a title without r would read differently: a
// letter or a digit, or a combining mark on a letter that is drawn. A
// variation selector, or a mark on a rune that was left out (the parts of
// an emoji sequence), is not.
func essential(r rune, afterDropped bool) bool {
	switch {
	case unicode.IsLetter(r), unicode.IsNumber(r):
		return true
	case unicode.Is(unicode.Variation_Selector, r):
		return false
	case unicode.IsMark(r):
		return !afterDropped
	}
	return false
}

// breaksLine reports whether r is a space a line may break at: any Unicode
// space but the no-break ones, which hold "CHF 1,000" together.
func breaksLine(r rune) bool {
	switch r {
	case '\u00a0', '\u2007', '\u202f':
		return false
	}
	return unicode.IsSpace(r)
}
