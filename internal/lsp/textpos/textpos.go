// Package textpos converts between the three ways a place in a text is
// written: careersite's places (internal/diag: 1-based lines, 1-based
// columns counted in Unicode code points, as the YAML decoder and the
// Markdown positions count them), the Language Server Protocol's positions
// (0-based lines, 0-based characters counted in UTF-16 code units, the
// protocol's default and the only encoding every client supports), and
// byte offsets into the text.
//
// Lines end at "\n" or "\r\n"; a position never lands between the two. A position past the end of its line is the end of
// the line, and one past the last line is the end of the text, as the
// protocol asks of servers. Invalid UTF-8 counts one code point, and one
// UTF-16 unit, per byte.
package textpos

import (
	"bytes"
	"unicode/utf8"
)

// Position is a place as the protocol writes it: 0-based line, 0-based
// character in UTF-16 code units.
type Position struct {
	Line, Character int
}

// lineStart returns the byte offset where 0-based line starts, and false
// when the text has fewer lines.
func lineStart(text []byte, line int) (int, bool) {
	off := 0
	for range line {
		i := bytes.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text), false
		}
		off += i + 1
	}
	return off, true
}

// lineEnd returns the offset of the "\n" or "\r\n" that ends the line
// starting at off, or the end of the text.
func lineEnd(text []byte, off int) int {
	i := bytes.IndexByte(text[off:], '\n')
	if i < 0 {
		return len(text)
	}
	if i > 0 && text[off+i-1] == '\r' {
		i--
	}
	return off + i
}

// FromPlace returns the position of a careersite place: line and col are
// 1-based, col in code points; line 0 is the whole file, its first
// position.
func FromPlace(text []byte, line, col int) Position {
	if line <= 0 {
		return Position{}
	}
	start, ok := lineStart(text, line-1)
	if !ok {
		return At(text, len(text))
	}
	end := lineEnd(text, start)
	off := start
	for n := 1; n < col && off < end; n++ {
		_, size := utf8.DecodeRune(text[off:end])
		off += size
	}
	return Position{Line: line - 1, Character: utf16Len(text[start:off])}
}

// Offset returns the byte offset of p in text.
func Offset(text []byte, p Position) int {
	start, ok := lineStart(text, p.Line)
	if !ok {
		return len(text)
	}
	end := lineEnd(text, start)
	off, units := start, 0
	for off < end && units < p.Character {
		r, size := utf8.DecodeRune(text[off:end])
		units += utf16Units(r, size)
		off += size
	}
	return off
}

// At returns the position of byte offset off in text.
func At(text []byte, off int) Position {
	off = min(max(off, 0), len(text))
	line := bytes.Count(text[:off], []byte("\n"))
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	return Position{Line: line, Character: utf16Len(text[start:off])}
}

// utf16Len counts the UTF-16 code units of b.
func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += utf16Units(r, size)
		b = b[size:]
	}
	return n
}

// utf16Units is how many UTF-16 units the rune r, size bytes of UTF-8,
// takes: two beyond the Basic Multilingual Plane (four bytes), one for any
// other rune and for each byte that is not UTF-8.
func utf16Units(r rune, size int) int {
	if r != utf8.RuneError && size == 4 {
		return 2
	}
	return 1
}
