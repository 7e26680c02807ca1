package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/parser"
)

// GFM's extended autolinks (goldmark's extension.Linkify) turn bare URLs,
// "www." names and e-mail addresses into links. goldmark runs its parser at
// every space, "*", "_", "~" and "(" of a page's text, and each time it
// cuts the text node there, even when nothing follows that could be a link:
// on pages of prose without one, a tenth of the conversion (issue 23).
//
// It can only ever make a link where the text holds "http:", "https:",
// "ftp:" (the protocols it knows when none is configured), "www." or,
// for an address, "@": it looks for those at the start of what follows
// the trigger. A page whose source holds none of them therefore parses to
// the same links without it, and renders the same HTML: the text nodes it
// would have cut are written one after another all the same. So a
// Converter holds two parsers, with and without Linkify, and parses each
// page with the one it needs. FuzzLinkify checks that the two agree on
// every page the plain one is given.
type parsers struct {
	linkify parser.Parser // GFM with Linkify
	plain   parser.Parser // the same without Linkify
}

// forPage returns the parser for src.
func (p parsers) forPage(src []byte) parser.Parser {
	if mayLinkify(src) {
		return p.linkify
	}
	return p.plain
}

// mayLinkify reports whether goldmark's Linkify could find a link in src.
// "http" stands for "http:" and "https:".
func mayLinkify(src []byte) bool {
	return bytes.IndexByte(src, '@') >= 0 ||
		bytes.Contains(src, []byte("http")) ||
		bytes.Contains(src, []byte("www.")) ||
		bytes.Contains(src, []byte("ftp:"))
}
