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

// token reads the placeholder at s[at:], which starts with the prefix: the
// index of its output (-1 for a filler), where it ends, and whether it is
// one of e's. Anything else that starts with the prefix is left as it is.
func (e *Expansion) token(s string, at int) (index, end int, ok bool) {
	i := at + len(e.prefix)
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j >= len(s) || s[j] != placeholderEnd || j-i > 9 {
		return 0, 0, false
	}
	if i == j {
		return -1, j + 1, true
	}
	n, _ := strconv.Atoi(s[i:j])
	if n >= len(e.outputs) {
		return 0, 0, false
	}
	return n, j + 1, true
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
	s := string(html)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; ; {
		j := strings.Index(s[i:], e.prefix)
		if j < 0 {
			b.WriteString(s[i:])
			return []byte(b.String())
		}
		j += i
		if start, end, out, ok := e.paragraph(s, j); ok {
			b.WriteString(s[i:start])
			b.WriteString(out)
			i = end
			continue
		}
		i = e.replaceAt(&b, s, i, j, nil)
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
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; ; {
		j := strings.Index(s[i:], e.prefix)
		if j < 0 {
			b.WriteString(s[i:])
			return b.String()
		}
		i = e.replaceAt(&b, s, i, j+i, f)
	}
}

// replaceAt writes s[i:j] and the replacement of what starts with the
// prefix at j, and returns where to go on from.
func (e *Expansion) replaceAt(b *strings.Builder, s string, i, j int, f func(string) string) int {
	b.WriteString(s[i:j])
	n, end, ok := e.token(s, j)
	switch {
	case !ok:
		end = j + len(e.prefix)
		b.WriteString(s[j:end])
	case n >= 0 && f != nil:
		b.WriteString(f(e.outputs[n]))
	case n >= 0:
		b.WriteString(e.outputs[n])
	}
	return end
}

// paragraph reports whether the placeholder at s[at:] starts a paragraph
// that holds at most one output, fillers and white space, and returns
// where the paragraph starts and ends, and the output.
func (e *Expansion) paragraph(s string, at int) (start, end int, out string, ok bool) {
	const open, close = "<p>", "</p>"
	if !strings.HasSuffix(s[:at], open) {
		return 0, 0, "", false
	}
	outputs := 0
	for i := at; i < len(s); {
		switch {
		case s[i] == ' ' || s[i] == '\n' || s[i] == '\t':
			i++
		case strings.HasPrefix(s[i:], close):
			end = i + len(close)
			if out == "" && end < len(s) && s[end] == '\n' {
				end++ // the paragraph goes, line break and all
			}
			return at - len(open), end, out, true
		case strings.HasPrefix(s[i:], e.prefix):
			n, next, isToken := e.token(s, i)
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
	md := string(e.Markdown)
	line, lineStart := firstLine, 0
	for i := 0; ; {
		j := strings.Index(md[i:], e.prefix)
		if j < 0 {
			return
		}
		j += i
		for k := strings.IndexByte(md[i:j], '\n'); k >= 0; k = strings.IndexByte(md[i:j], '\n') {
			line++
			i += k + 1
			lineStart = i
		}
		n, end, ok := e.token(md, j)
		if !ok {
			i = j + len(e.prefix)
			continue
		}
		if n >= 0 {
			f(e.Line(line), utf8.RuneCountInString(md[lineStart:j])+1, e.outputs[n])
		}
		i = end
	}
}

// HasTags reports whether body may hold a shortcode tag: without "{{<"
// or "{{%" it holds none, and Parse returns it as one Text.
func HasTags(body []byte) bool { return hasTag(body) }
