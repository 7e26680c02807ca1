package generate

import (
	"strings"
	"unicode/utf8"
)

// xmlSafe returns s with every byte that is not UTF-8, and every character
// XML 1.0 does not allow (C0 controls but tab, newline and carriage
// return; U+FFFE and U+FFFF; surrogates), replaced by U+FFFD. encoding/xml
// does this for character data and attributes, but writes a CDATA section
// as it is, and the HTML of a page can hold such characters: Markdown's
// "&#1;" or "&#12;" is decoded to one. A single one would make the whole
// feed invalid, and feed readers reject an invalid feed.
func xmlSafe(s string) string {
	if !strings.ContainsFunc(s, notXMLChar) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // ranging turns every invalid byte into U+FFFD
		if notXMLChar(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// notXMLChar reports whether r is outside XML 1.0's Char production.
func notXMLChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF, r > 0x10FFFF:
		return true
	}
	return false
}
