package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// wordCounter counts words in text fed to it piece by piece: a word is a run
// of non-space characters with at least one letter or digit, so "--", "·"
// or an entity such as "&mdash;" standing alone is not a word.
type wordCounter struct {
	n     int
	alnum bool // the current run has a letter or digit

	// skip, when set, is the prefix of the placeholders of a page's
	// shortcodes (internal/shortcode): a placeholder is not a word.
	skip []byte
}

func (w *wordCounter) add(b []byte) {
	for len(b) > 0 {
		if c := b[0]; c < utf8.RuneSelf && c != '&' && (len(w.skip) == 0 || c != w.skip[0]) {
			// ASCII, the most of any text, classed without a call:
			// unicode.IsSpace, IsLetter and IsDigit of these.
			switch {
			case c == ' ', '\t' <= c && c <= '\r':
				w.end()
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
				w.alnum = true
			}
			b = b[1:]
			continue
		}
		if n := w.placeholderLen(b); n > 0 {
			b = b[n:] // stands for a shortcode's output, not a word of the text
			continue
		}
		if b[0] == '&' {
			if n := entityLen(b); n > 0 {
				b = b[n:] // punctuation: it neither starts nor ends a word
				continue
			}
		}
		r, size := rune(b[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b)
		}
		b = b[size:]
		switch {
		case unicode.IsSpace(r):
			w.end()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w.alnum = true
		}
	}
}

// end closes the current run of characters.
func (w *wordCounter) end() {
	if w.alnum {
		w.n++
	}
	w.alnum = false
}

// entityLen returns the length of the character reference ("&amp;",
// "&#8212;") at the start of b, or 0.
func entityLen(b []byte) int {
	const longest = 32
	for i := 1; i < len(b) && i < longest; i++ {
		c := b[i]
		switch {
		case c == ';':
			if i == 1 {
				return 0
			}
			return i + 1
		case c == '#' && i == 1, 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		default:
			return 0
		}
	}
	return 0
}

// placeholderLen returns the length of the shortcode placeholder at the
// start of b (the prefix, digits, "E"), or 0. It is asked at every byte
// of a page with shortcodes, so the first byte is compared on its own
// before the prefix.
func (w *wordCounter) placeholderLen(b []byte) int {
	if len(w.skip) == 0 || len(b) == 0 || b[0] != w.skip[0] || !bytes.HasPrefix(b, w.skip) {
		return 0
	}
	i := len(w.skip)
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	if i < len(b) && b[i] == 'E' {
		return i + 1
	}
	return 0
}
