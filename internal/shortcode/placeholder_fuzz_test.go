package shortcode

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The placeholder replacement as it was written first, on strings, kept
// as the reference that the byte version (placeholder.go) must agree
// with: FuzzPlaceholders.

type refExpansion struct{ *Expansion }

// token reads the placeholder at s[at:], which starts with the prefix: the
// index of its output (-1 for a filler), where it ends, and whether it is
// one of e's. Anything else that starts with the prefix is left as it is.
func (e refExpansion) token(s string, at int) (index, end int, ok bool) {
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
func (e refExpansion) refHTML(html []byte) []byte {
	if e.Expansion == nil || e.prefix == "" || !strings.Contains(string(html), e.prefix) {
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

// Replace returns s with every placeholder replaced by f of its
// shortcode's output (the output itself when f is nil), and every filler
// by nothing, paragraphs untouched: for the table of contents and heading
// texts, where f gives the output's text, and link destinations.
func (e refExpansion) refReplace(s string, f func(html string) string) string {
	if e.Expansion == nil || e.prefix == "" || !strings.Contains(s, e.prefix) {
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
func (e refExpansion) replaceAt(b *strings.Builder, s string, i, j int, f func(string) string) int {
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
func (e refExpansion) paragraph(s string, at int) (start, end int, out string, ok bool) {
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
func (e refExpansion) refPlaced(firstLine int, f func(line, col int, html string)) {
	if e.Expansion == nil || e.prefix == "" {
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

// FuzzPlaceholders: HTML, Replace and Placed give what the string
// versions gave, on any text and outputs, placeholders or not.
func FuzzPlaceholders(f *testing.F) {
	f.Add("<p>SHORTCODE0N0E</p>\n<p>a SHORTCODE0N1E b SHORTCODE0NE</p>\n", "<div>x</div>", "y")
	f.Add("<p>SHORTCODE0NE\nSHORTCODE0N0E</p>\nSHORTCODE0N99E SHORTCODE0N1234567890E", "", "<a href=\"/x\">")
	f.Add("é\nSHORTCODE0N0Eé SHORTCODE0N1E\n<p>\tSHORTCODE0N0E SHORTCODE0N1E </p>", "a", "b")
	f.Fuzz(func(t *testing.T, s, out0, out1 string) {
		e := &Expansion{prefix: "SHORTCODE0N", outputs: []string{out0, out1}, Markdown: []byte(s)}
		ref := refExpansion{e}
		if got, want := string(e.HTML([]byte(s))), string(ref.refHTML([]byte(s))); got != want {
			t.Errorf("HTML(%q) = %q, want %q", s, got, want)
		}
		upper := func(s string) string { return strings.ToUpper(s) + "!" }
		if got, want := e.Replace(s, upper), ref.refReplace(s, upper); got != want {
			t.Errorf("Replace(%q) = %q, want %q", s, got, want)
		}
		var got, want []string
		e.Placed(3, func(line, col int, html string) { got = append(got, strconv.Itoa(line)+":"+strconv.Itoa(col)+":"+html) })
		ref.refPlaced(3, func(line, col int, html string) {
			want = append(want, strconv.Itoa(line)+":"+strconv.Itoa(col)+":"+html)
		})
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Placed(%q) = %q, want %q", s, got, want)
		}
	})
}
