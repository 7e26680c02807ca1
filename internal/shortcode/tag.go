package shortcode

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// tag is one "{{< … >}}" or "{{% … %}}" as written.
type tag struct {
	start, end int // src[start:end] is the whole tag
	markdown   bool
	closing    bool   // {{< /name >}}
	selfClosed bool   // {{< name />}}
	literal    string // the comment form's text; "" otherwise
	isLiteral  bool
	name       string
	args       []Arg
	named      bool
}

// lexer reads tags from a body, collecting the problems it finds.
type lexer struct {
	src  []byte
	pos  *positions
	opts Options
	errs []errAt // offsets and messages, placed by Parse
}

type errAt struct {
	offset int
	msg    string
}

func (l *lexer) errorf(offset int, format string, args ...any) {
	l.errs = append(l.errs, errAt{offset, fmt.Sprintf(format, args...)})
}

// delims returns the opening and closing delimiters of a tag whose opening
// is at start.
func delims(src []byte, start int) (open, close string) {
	if src[start+2] == '%' {
		return "{{%", "%}}"
	}
	return "{{<", ">}}"
}

// lexTag reads the tag that opens at src[start:]; ok is false when it is
// not closed before the end of the body (the rest of the body is then text,
// and the one problem reported is that). A problem inside a tag is reported
// and the tag ends at its next closing delimiter, so one bad argument does
// not hide the rest of the page.
func (l *lexer) lexTag(start int) (tag, bool) {
	open, close := delims(l.src, start)
	n := len(l.errs)
	t, ok := l.lexTagBody(start, open, close)
	if !ok {
		l.errs = l.errs[:n]
		want := close
		if t.isLiteral {
			want = "*/" + close
		}
		l.errorf(start, "shortcode tag is not closed; want %s", want)
	}
	return t, ok
}

func (l *lexer) lexTagBody(start int, open, close string) (tag, bool) {
	t := tag{start: start, markdown: open == "{{%"}
	i := l.space(start + 3)
	if bytes.HasPrefix(l.src[i:], []byte("/*")) {
		return l.lexComment(t, i, open, close)
	}
	if i < len(l.src) && l.src[i] == '/' {
		t.closing = true
		i = l.space(i + 1)
	}
	nameAt := i
	t.name, i = l.word(i, isNameByte)
	if n := len(t.name); n > 1 && t.name[n-1] == '/' && bytes.HasPrefix(l.src[i:], []byte(close)) {
		t.name, i = t.name[:n-1], i-1 // {{< name/>}}
	}
	if t.name == "" || t.name[0] == '/' {
		l.errorf(nameAt, "want a shortcode name after %s", open)
		t.name, t.closing = "", false
		return l.skip(t, i, close)
	}
	return l.lexArgs(t, i, close)
}

// lexComment reads "{{</* … */>}}": text, the tag without its markers.
func (l *lexer) lexComment(t tag, i int, open, close string) (tag, bool) {
	t.isLiteral = true
	end := bytes.Index(l.src[i+2:], []byte("*/"+close))
	if end < 0 {
		end = bytes.Index(l.src[i+2:], []byte("*/ "+close))
		if end < 0 {
			return t, false
		}
	}
	inner := l.src[i+2 : i+2+end]
	t.end = i + 2 + end + 2
	t.end = l.space(t.end) + len(close)
	t.literal = open + string(inner) + close
	return t, true
}

// lexArgs reads the arguments from i to the end of the tag.
func (l *lexer) lexArgs(t tag, i int, close string) (tag, bool) {
	for {
		i = l.space(i)
		switch {
		case i >= len(l.src):
			return t, false
		case bytes.HasPrefix(l.src[i:], []byte(close)):
			t.end = i + len(close)
			return t, true
		case bytes.HasPrefix(l.src[i:], []byte("/"+close)):
			t.selfClosed = true
			t.end = i + 1 + len(close)
			return t, true
		case isOtherClose(l.src[i:], close):
			l.errorf(i, "shortcode tag opened with %s is closed with %s", openOf(close), l.src[i:i+3])
			t.end = i + 3
			return t, true
		}
		if t.closing {
			l.errorf(i, "a closing tag takes no arguments")
			return l.skip(t, i, close)
		}
		a, next, ok := l.arg(i, close)
		if !ok {
			return l.skip(t, next, close)
		}
		if !l.addArg(&t, a) {
			return l.skip(t, next, close)
		}
		i = next
	}
}

// addArg appends a to t's arguments, or reports why it cannot be.
func (l *lexer) addArg(t *tag, a Arg) bool {
	if len(t.args) > 0 && t.named != (a.Name != "") {
		l.errorf(a.Offset, "mixed positional and named arguments")
		return false
	}
	if len(t.args) == l.opts.maxArgs() {
		l.errorf(a.Offset, "more than %d arguments", l.opts.maxArgs())
		return false
	}
	t.named = a.Name != ""
	t.args = append(t.args, a)
	return true
}

// skip ends t at the next closing delimiter at or after i.
func (l *lexer) skip(t tag, i int, close string) (tag, bool) {
	j := bytes.Index(l.src[min(i, len(l.src)):], []byte(close))
	if j < 0 {
		return t, false
	}
	t.end = i + j + len(close)
	if t.closing {
		t.args = nil
	}
	return t, true
}

// arg reads one argument at i: a value, or name=value.
func (l *lexer) arg(i int, close string) (Arg, int, bool) {
	a := Arg{Position: Position{Offset: i}}
	if name, j := l.word(i, isKeyByte); name != "" {
		k := l.space(j)
		if k < len(l.src) && l.src[k] == '=' {
			if k != j || l.space(k+1) != k+1 {
				l.errorf(i, "bad argument: no spaces around = (write %s=value)", name)
				return a, k + 1, false
			}
			a.Name, i = name, k+1
		}
	}
	v, next, ok := l.value(i, close)
	a.Value = v
	return a, next, ok
}

// value reads a quoted string, a raw string or a bare word at i.
func (l *lexer) value(i int, close string) (any, int, bool) {
	if i >= len(l.src) {
		l.errorf(i, "bad argument: want a value")
		return nil, i, false
	}
	switch l.src[i] {
	case '"':
		return l.quoted(i)
	case '`':
		end := bytes.IndexByte(l.src[i+1:], '`')
		if end < 0 {
			l.errorf(i, "bad argument: raw string is not closed; want `")
			return nil, i + 1, false
		}
		s := string(l.src[i+1 : i+1+end])
		return s, i + end + 2, l.sized(i, s)
	}
	j := i
	for j < len(l.src) && !isSpace(l.src[j]) && !bytes.HasPrefix(l.src[j:], []byte(close)) &&
		!bytes.HasPrefix(l.src[j:], []byte("/"+close)) && !isOtherClose(l.src[j:], close) {
		if c := l.src[j]; c == '"' || c == '`' || c == '=' {
			l.errorf(j, "bad argument: unexpected %c in %q", c, l.src[i:j+1])
			return nil, j + 1, false
		}
		j++
	}
	if j == i {
		l.errorf(i, "bad argument: want a value")
		return nil, j, false
	}
	word := string(l.src[i:j])
	return bare(word), j, l.sized(i, word)
}

// quoted reads a double-quoted string with Go's escapes, on one line.
func (l *lexer) quoted(i int) (any, int, bool) {
	j := i + 1
	for ; j < len(l.src) && l.src[j] != '"' && l.src[j] != '\n'; j++ {
		if l.src[j] == '\\' && j+1 < len(l.src) && l.src[j+1] != '\n' {
			j++
		}
	}
	if j >= len(l.src) || l.src[j] != '"' {
		l.errorf(i, "bad argument: string is not closed on its line; want \"")
		return nil, i + 1, false
	}
	s, err := strconv.Unquote(string(l.src[i : j+1]))
	if err != nil {
		l.errorf(i, "bad argument: bad escape in %s", l.src[i:j+1])
		return nil, j + 1, false
	}
	return s, j + 1, l.sized(i, s)
}

// sized reports whether s is within the limit on an argument's size.
func (l *lexer) sized(at int, s string) bool {
	if len(s) > l.opts.maxArgBytes() {
		l.errorf(at, "argument is %d bytes, over the limit of %d", len(s), l.opts.maxArgBytes())
		return false
	}
	return true
}

// bare types a bare word: a bool, an int, a float64 or a string.
func bare(w string) any {
	switch w {
	case "true":
		return true
	case "false":
		return false
	}
	if !isNumber(w) {
		return w
	}
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(w, 64); err == nil {
		return f
	}
	return w // out of range: kept as written
}

// isNumber reports whether w is written as a decimal number: an optional
// sign, digits with at most one point, and an optional exponent. It keeps
// strconv from taking "inf", "0x1p3" or "1_000" as numbers.
func isNumber(w string) bool {
	w = trimSign(w)
	mant, exp, hasExp := cutExp(w)
	if hasExp && !allDigits(trimSign(exp)) {
		return false
	}
	whole, frac, _ := cut(mant, '.')
	return (whole != "" || frac != "") && (whole == "" || allDigits(whole)) && (frac == "" || allDigits(frac))
}

func trimSign(s string) string {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:]
	}
	return s
}

func cutExp(s string) (mant, exp string, ok bool) {
	if m, e, ok := cut(s, 'e'); ok {
		return m, e, true
	}
	return cut(s, 'E')
}

func cut(s string, c byte) (before, after string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// word reads the longest run at i whose characters satisfy ok.
func (l *lexer) word(i int, ok func(rune) bool) (string, int) {
	j := i
	for j < len(l.src) {
		r, size := utf8.DecodeRune(l.src[j:])
		if !ok(r) {
			break
		}
		j += size
	}
	return string(l.src[i:j]), j
}

// space skips white space, line breaks included.
func (l *lexer) space(i int) int {
	for i < len(l.src) && isSpace(l.src[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isKeyByte(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-'
}

func isNameByte(r rune) bool { return isKeyByte(r) || r == '.' || r == '/' }

// isOtherClose reports whether b starts with the closing delimiter of the
// other kind of tag.
func isOtherClose(b []byte, close string) bool {
	other := ">}}"
	if close == ">}}" {
		other = "%}}"
	}
	return bytes.HasPrefix(b, []byte(other))
}

func openOf(close string) string {
	if close == "%}}" {
		return "{{%"
	}
	return "{{<"
}
