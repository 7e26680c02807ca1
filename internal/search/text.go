package search

import (
	"html"
	"strings"
)

// Text returns the text of an HTML fragment as our Markdown renderer writes
// it (well-formed, attribute values quoted and escaped): tags are dropped,
// character references decoded, and a tag that is not inline (</p>, <li>,
// <br>, <td> …) separates words, so that "<li>Go</li><li>SQL</li>" is
// "Go SQL", while "<em>back</em>-end" stays "back-end" and the spans of
// highlighted code do not split its identifiers. Comments and the
// contents of <script> and <style> are dropped.
func Text(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	eachText(h, func(s string) { b.WriteString(s) })
	return b.String()
}

// eachText calls write with the pieces of Text(h), in order, without
// making the whole: the analysis splits them into words as they come.
func eachText(h string, write func(string)) {
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			writeDecoded(h, write)
			return
		}
		writeDecoded(h[:i], write)
		h = h[i:]
		if strings.HasPrefix(h, "<!--") {
			end := strings.Index(h, "-->")
			if end < 0 {
				return
			}
			h = h[end+3:]
			continue
		}
		end := strings.IndexByte(h, '>')
		if end < 0 {
			return
		}
		name, opening := tagName(h[1:end]), h[1] != '/'
		if !isInline(name) {
			write(" ")
		}
		h = h[end+1:]
		if opening && (name == "script" || name == "style") {
			// Raw HTML (unsafe_html: true) may hold code, which is not text.
			close := strings.Index(strings.ToLower(h), "</"+name)
			if close < 0 {
				return
			}
			h = h[close:]
		}
	}
}

// writeDecoded calls write with text, its character references decoded.
func writeDecoded(text string, write func(string)) {
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	write(text)
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

// isInline reports whether the element named name does not end a word.
func isInline(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
		"mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var":
		return true
	}
	return false
}
