package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter is goldmark's html.DefaultWriter, through which every text
// node, code span and link title of a page is written, with a shortcut.
// DefaultWriter looks at each byte twice: Write for backslash escapes,
// character references and NUL, then RawWrite to escape the five bytes
// HTML needs escaped. Text holding none of those bytes (NUL, '"', '&',
// '<', '>' and '\\') comes out of both as it went in, so textWriter writes
// it as it is after one look, and hands the rest to DefaultWriter
// (issue 23: most text nodes of prose hold none of them).
type textWriter struct{}

// special marks the bytes DefaultWriter's Write or RawWrite does
// something with (html.go of goldmark: util.EscapeHTMLByte's table, and
// Write's '\\', '&' and NUL).
var special = [256]bool{0: true, '"': true, '&': true, '<': true, '>': true, '\\': true}

// verbatim reports whether DefaultWriter writes b as it is.
func verbatim(b []byte) bool {
	for _, c := range b {
		if special[c] {
			return false
		}
	}
	return true
}

func (textWriter) Write(w util.BufWriter, source []byte) {
	if verbatim(source) {
		_, _ = w.Write(source)
		return
	}
	html.DefaultWriter.Write(w, source)
}

func (textWriter) RawWrite(w util.BufWriter, source []byte) {
	if verbatim(source) {
		_, _ = w.Write(source)
		return
	}
	html.DefaultWriter.RawWrite(w, source)
}

func (textWriter) SecureWrite(w util.BufWriter, source []byte) {
	html.DefaultWriter.SecureWrite(w, source)
}
