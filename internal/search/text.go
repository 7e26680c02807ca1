package search

import (
	"html"
	"strings"
	"unicode/utf8"
)

// Text returns the text of an HTML fragment as our Markdown renderer writes
// it (well-formed, attribute values quoted and escaped): tags are dropped,
// character references decoded, and a tag that is not inline (</p>, <li>,
// <br>, <td> …) separates words, so that "<li>Go</li><li>SQL</li>" is
// "Go SQL", while "<em>back</em>-end" stays "back-end" and the spans of
// highlighted code do not split its identifiers. Comments and the
// contents of <script> and <style> are dropped.
func Text(h string) string { return text(h, false) }

// foldedText is Fold(Text(h)), made in one pass and one string: Fold
// works a rune at a time, and Text cuts h only at ASCII bytes, which in
// valid UTF-8 never split a rune. (In h that is not, the bytes of a rune
// may lie on both sides of a tag.)
func foldedText(h string) string {
	if !utf8.ValidString(h) {
		return Fold(Text(h))
	}
	return text(h, true)
}

func text(h string, fold bool) string {
	var b strings.Builder
	b.Grow(len(h))
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			writeText(&b, h, fold)
			return b.String()
		}
		writeText(&b, h[:i], fold)
		h = h[i:]
		if strings.HasPrefix(h, "<!--") {
			end := strings.Index(h, "-->")
			if end < 0 {
				return b.String()
			}
			h = h[end+3:]
			continue
		}
		end := strings.IndexByte(h, '>')
		if end < 0 {
			return b.String()
		}
		name, opening := tagName(h[1:end]), h[1] != '/'
		if !inlineTags[name] {
			b.WriteByte(' ')
		}
		h = h[end+1:]
		if opening && (name == "script" || name == "style") {
			// Raw HTML (unsafe_html: true) may hold code, which is not text.
			close := strings.Index(strings.ToLower(h), "</"+name)
			if close < 0 {
				return b.String()
			}
			h = h[close:]
		}
	}
}

// writeText writes text with its character references decoded, folded
// when fold is set.
func writeText(b *strings.Builder, text string, fold bool) {
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	if fold {
		foldInto(b, text)
		return
	}
	b.WriteString(text)
}

// tagName is the lower-case name of the tag whose text (between < and >)
// is t: "/em" → "em", `a href="…"` → "a".
func tagName(t string) string {
	t = strings.TrimPrefix(t, "/")
	if i := strings.IndexAny(t, " \t\n/"); i >= 0 {
		t = t[:i]
	}
	return strings.ToLower(t)
}

// inlineTags are the elements that do not end a word.
var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "del": true, "dfn": true, "em": true, "i": true, "ins": true, "kbd": true,
	"mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "time": true, "u": true, "var": true,
}
