package shortcode

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Placeholders.
//
// A placeholder is PREFIX, the decimal index of an output and "E"
// ("SHORTCODE0N3E"); a filler, which stands for nothing and only keeps a
// line, is PREFIX and "E". PREFIX is "SHORTCODE", a number and "N": the
// smallest number for which the page cannot hold PREFIX anywhere else (see
// choosePrefix). Upper-case letters and digits are text to goldmark in every
// position, never markup, an entity or an autolink, so a placeholder comes
// out of Convert as it went in; the heading id made from a heading that
// holds one has it in lower case, which no longer matches, so no output is
// ever written into an attribute by way of an id.

const placeholderEnd = 'E'

// choosePrefix returns the first prefix that appears nowhere in what can
// reach the Markdown from the page: the body as written, its text with
// character references decoded (goldmark decodes "&#83;" in text, so
// "&#83;HORTCODE0N" would become the prefix), and the string arguments of
// its shortcodes (whose escapes may spell it and which templates write into
// Markdown). What the templates themselves write is trusted, as they are.
func choosePrefix(body []byte, nodes []Node) string {
	var texts []string
	if bytes.IndexByte(body, '&') >= 0 {
		texts = append(texts, html.UnescapeString(string(body)))
	}
	texts = appendArgs(texts, nodes)
	for k := 0; ; k++ {
		p := "SHORTCODE" + strconv.Itoa(k) + "N"
		if !bytes.Contains(body, []byte(p)) && !anyContains(texts, p) {
			return p
		}
	}
}

func appendArgs(texts []string, nodes []Node) []string {
	for _, n := range nodes {
		if sc, ok := n.(*Shortcode); ok {
			for _, a := range sc.Args {
				if s, ok := a.Value.(string); ok {
					texts = append(texts, s)
				}
			}
			texts = appendArgs(texts, sc.Inner)
		}
	}
	return texts
}

func anyContains(texts []string, p string) bool {
	for _, t := range texts {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// placeholder returns the placeholder of output i.
func (e *Expansion) placeholder(i int) string {
	return e.prefix + strconv.Itoa(i) + string(placeholderEnd)
}

// Prefix is what every placeholder of the page starts with ("SHORTCODE0N"),
// "" when it has none: markdown.Converter.ConvertPlaceholders counts no
// placeholder as a word.
func (e *Expansion) Prefix() string {
	if e == nil {
		return ""
	}
	return e.prefix
}

// filler returns the placeholder that stands for nothing.
func (e *Expansion) filler() string { return e.prefix + string(placeholderEnd) }

// text is what placeholders are found in: the HTML Convert made, as
// bytes, and the strings of its parts (the table of contents, headings,
// link destinations). The functions below read either without a copy.
type chars interface{ ~string | ~[]byte }

// token reads the placeholder at s[at:], which starts with the prefix: the
// index of its output (-1 for a filler), where it ends, and whether it is
// one of e's. Anything else that starts with the prefix is left as it is.
func token[T chars](e *Expansion, s T, at int) (index, end int, ok bool) {
	i := at + len(e.prefix)
	j := i
	n := 0
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		if j-i < 9 { // past nine digits it is no placeholder, below
			n = n*10 + int(s[j]-'0')
		}
		j++
	}
	if j >= len(s) || s[j] != placeholderEnd || j-i > 9 {
		return 0, 0, false
	}
	if i == j {
		return -1, j + 1, true
	}
	if n >= len(e.outputs) {
		return 0, 0, false
	}
	return n, j + 1, true
}

// hasAt reports whether s holds p at offset i.
func hasAt[T chars](s T, i int, p string) bool {
	return i >= 0 && len(s)-i >= len(p) && string(s[i:i+len(p)]) == p
}

// index is strings.Index or bytes.Index of p in s[from:], from s's start.
func index[T chars](s T, from int, p string) int {
	var j int
	switch v := any(s).(type) {
	case string:
		j = strings.Index(v[from:], p)
	case []byte:
		j = bytes.Index(v[from:], []byte(p))
	default: // a named type of either
		j = strings.Index(string(s[from:]), p)
	}
	if j < 0 {
		return -1
	}
	return from + j
}

// outputBytes is the length of every output: what replacing them may add.
func (e *Expansion) outputBytes() int {
	n := 0
	for _, o := range e.outputs {
		n += len(o)
	}
	return n
}

// HTML returns html, the HTML Convert made of Markdown or a part of it
// (its Summary), with every placeholder replaced by its shortcode's
// output. A paragraph that holds one placeholder and nothing else
// but fillers and white space is replaced by the output alone, without the
// <p> around it (Hugo does the same), and one holding only fillers
// disappears. Without placeholders html comes back as it is.
func (e *Expansion) HTML(html []byte) []byte {
	if e == nil || e.prefix == "" || !bytes.Contains(html, []byte(e.prefix)) {
		return html
	}
	b := make([]byte, 0, len(html)+e.outputBytes())
	for i := 0; ; {
		j := index(html, i, e.prefix)
		if j < 0 {
			return append(b, html[i:]...)
		}
		if start, end, out, ok := paragraph(e, html, j); ok {
			b = append(b, html[i:start]...)
			b = append(b, out...)
			i = end
			continue
		}
		b, i = replaceAt(e, b, html, i, j, nil)
	}
}

// htmlString is HTML of a string: s itself, not a copy, when it holds
// no placeholder, as most shortcodes' outputs do not.
func (e *Expansion) htmlString(s string) string {
	if e.prefix == "" || !strings.Contains(s, e.prefix) {
		return s
	}
	return string(e.HTML([]byte(s)))
}

// Replace returns s with every placeholder replaced by f of its
// shortcode's output (the output itself when f is nil), and every filler
// by nothing, paragraphs untouched: for the table of contents and heading
// texts, where f gives the output's text, and link destinations.
func (e *Expansion) Replace(s string, f func(html string) string) string {
	if e == nil || e.prefix == "" || !strings.Contains(s, e.prefix) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; ; {
		j := index(s, i, e.prefix)
		if j < 0 {
			return string(append(b, s[i:]...))
		}
		b, i = replaceAt(e, b, s, i, j, f)
	}
}

// replaceAt appends s[i:j] and the replacement of what starts with the
// prefix at j to b, and returns it and where to go on from.
func replaceAt[T chars](e *Expansion, b []byte, s T, i, j int, f func(string) string) ([]byte, int) {
	b = append(b, s[i:j]...)
	n, end, ok := token(e, s, j)
	switch {
	case !ok:
		end = j + len(e.prefix)
		b = append(b, s[j:end]...)
	case n >= 0 && f != nil:
		b = append(b, f(e.outputs[n])...)
	case n >= 0:
		b = append(b, e.outputs[n]...)
	}
	return b, end
}

// paragraph reports whether the placeholder at s[at:] starts a paragraph
// that holds at most one output, fillers and white space, and returns
// where the paragraph starts and ends, and the output.
func paragraph[T chars](e *Expansion, s T, at int) (start, end int, out string, ok bool) {
	const open, close = "<p>", "</p>"
	if !hasAt(s, at-len(open), open) {
		return 0, 0, "", false
	}
	outputs := 0
	for i := at; i < len(s); {
		switch {
		case s[i] == ' ' || s[i] == '\n' || s[i] == '\t':
			i++
		case hasAt(s, i, close):
			end = i + len(close)
			if out == "" && end < len(s) && s[end] == '\n' {
				end++ // the paragraph goes, line break and all
			}
			return at - len(open), end, out, true
		case hasAt(s, i, e.prefix):
			n, next, isToken := token(e, s, i)
			if !isToken || (n >= 0 && outputs > 0) {
				return 0, 0, "", false
			}
			if n >= 0 {
				outputs, out = 1, e.outputs[n]
			}
			i = next
		default:
			return 0, 0, "", false
		}
	}
	return 0, 0, "", false
}

// Placed calls f, in order, with the output of every {{< >}} shortcode
// whose placeholder is in the Markdown (the outputs of shortcodes inside
// it are in place in it), and the file line and column of the
// placeholder, the body's first line being firstLine: so that the caller
// can check the links a shortcode writes at its place. A column is the
// placeholder's in the Markdown, the tag's unless another shortcode
// stands before it on the line.
func (e *Expansion) Placed(firstLine int, f func(line, col int, html string)) {
	if e == nil || e.prefix == "" {
		return
	}
	md := e.Markdown
	line, lineStart := firstLine, 0
	for i := 0; ; {
		j := index(md, i, e.prefix)
		if j < 0 {
			return
		}
		for k := bytes.IndexByte(md[i:j], '\n'); k >= 0; k = bytes.IndexByte(md[i:j], '\n') {
			line++
			i += k + 1
			lineStart = i
		}
		n, end, ok := token(e, md, j)
		if !ok {
			i = j + len(e.prefix)
			continue
		}
		if n >= 0 {
			f(e.Line(line), utf8.RuneCount(md[lineStart:j])+1, e.outputs[n])
		}
		i = end
	}
}

// HasTags reports whether body may hold a shortcode tag: without "{{<"
// or "{{%" it holds none, and Parse returns it as one Text.
func HasTags(body []byte) bool { return hasTag(body) }
