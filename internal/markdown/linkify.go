package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/parser"
)

// GFM's extended autolinks (goldmark's extension.Linkify) turn bare URLs,
// "www." names and e-mail addresses into links. goldmark runs its parser at
// every space, tab, "*", "_", "~" and "(" of a page's text, and each time
// it first cuts the text node there, even when nothing follows that could
// be a link: on pages of prose without one, a good part of the conversion
// (issue 23).
//
// Leaving Linkify out changes a page in two ways only. It makes no links,
// and it can only ever make one where the text holds "http:", "https:",
// "ftp:" (the protocols it knows when none is configured), "www." or, for
// an address, "@": it looks for those at the start of what follows the
// trigger. And the text nodes are cut in fewer places, which changes
// nothing written but the end of a line: goldmark trims the spaces at the
// end of a line's last text node only, so with Linkify a line that ends
// in two or more spaces or tabs (other than the two of a hard line break)
// keeps all of them but the last. A page with neither parses to the same
// HTML and the same Result without Linkify. So a Converter holds two
// parsers, with and without it, and parses each page with the one it
// needs. FuzzLinkify checks that the two agree on every page.
type parsers struct {
	linkify parser.Parser // GFM with Linkify
	plain   parser.Parser // the same without Linkify
}

// forPage returns the parser for src.
func (p parsers) forPage(src []byte) parser.Parser {
	if needsLinkify(src) {
		return p.linkify
	}
	return p.plain
}

// needsLinkify reports whether src could parse differently without
// Linkify: it may hold a link Linkify finds ("http" stands for "http:"
// and "https:"), or a line whose end Linkify cuts.
func needsLinkify(src []byte) bool {
	return bytes.IndexByte(src, '@') >= 0 ||
		bytes.Contains(src, []byte("http")) ||
		bytes.Contains(src, []byte("www.")) ||
		bytes.Contains(src, []byte("ftp:")) ||
		hasSpacedLineEnd(src)
}

// hasSpacedLineEnd reports whether a line of src, or src itself, ends in
// two or more of goldmark's spaces (space, tab, vertical tab, form feed),
// not counting carriage returns and the two spaces of a hard line break.
func hasSpacedLineEnd(src []byte) bool {
	for rest := src; ; {
		end := bytes.IndexByte(rest, '\n')
		if end < 0 {
			return endsSpaced(rest, false)
		}
		if endsSpaced(rest[:end], true) {
			return true
		}
		rest = rest[end+1:]
	}
}

// endsSpaced reports whether line (without its "\n", if it has one: then
// newline is true) ends as hasSpacedLineEnd says.
func endsSpaced(line []byte, newline bool) bool {
	spaces, start := 0, len(line)
	for start > 0 && isLineEndSpace(line[start-1]) {
		start--
		if line[start] != '\r' {
			spaces++
		}
	}
	tail := line[start:]
	if newline && (bytes.HasSuffix(tail, []byte("  ")) || bytes.HasSuffix(tail, []byte("  \r"))) {
		spaces -= 2 // a hard line break: goldmark leaves them out
	}
	return spaces >= 2
}

// isLineEndSpace reports whether c is trimmed from the end of a line.
func isLineEndSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'
}
