package render

import (
	"errors"
	htmltemplate "html/template"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/diag"
)

// located matches the errors of text/template ("template: NAME:LINE: msg",
// "template: NAME:LINE:COL: msg") and html/template ("html/template:NAME:LINE:COL: msg").
// The column, when present, is a 0-based byte offset.
var located = regexp.MustCompile(`(?s)^(?:html/)?template: ?(.+?):(\d+)(?::(\d+))?: (.*)$`)

// parseError turns an error from parsing file name into an *diag.Error.
func (f *files) parseError(name string, err error) *diag.Error {
	if e := f.locate(err); e != nil {
		return e
	}
	return &diag.Error{File: name, Msg: trimPrefix(err.Error()), Err: err}
}

// execError turns an error from executing page template name into an
// *diag.Error at the innermost position: where a partial failed rather than
// where it was called. A write error is returned as it is.
func (f *files) execError(name string, err error) error {
	inner := innermost(err)
	if inner == nil {
		return err
	}
	if e := f.locate(inner); e != nil {
		e.Err = err
		return e
	}
	// No position: "template: NAME: msg", NAME often the page itself.
	msg := strings.TrimPrefix(trimPrefix(inner.Error()), name+": ")
	return &diag.Error{File: name, Msg: msg, Err: err}
}

// innermost returns the last template error in err's chain, nil if none.
// A failing partial is wrapped by the execution that called it, and so on
// up to the page.
func innermost(err error) error {
	var last error
	for ; err != nil; err = errors.Unwrap(err) {
		switch err.(type) {
		case template.ExecError, *htmltemplate.Error:
			last = err
		}
	}
	return last
}

// locate parses the position out of a template error about one of our files.
func (f *files) locate(err error) *diag.Error {
	m := located.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	src, ok := f.src[m[1]]
	if !ok {
		return nil
	}
	line, _ := strconv.Atoi(m[2])
	msg := trimPrefix(m[4])
	msg = strings.TrimPrefix(msg, "executing "+strconv.Quote(m[1])+" ")
	col := guessCol(lineText(src, line), msg)
	if m[3] != "" {
		off, _ := strconv.Atoi(m[3])
		col = runeCol(lineText(src, line), off)
	}
	return &diag.Error{File: m[1], Line: line, Col: col, Msg: msg, Err: err}
}

// trimPrefix drops the package prefix of a template error message.
func trimPrefix(msg string) string {
	msg = strings.TrimPrefix(msg, "html/template:")
	return strings.TrimPrefix(strings.TrimPrefix(msg, "template:"), " ")
}

// lineText returns line n (1-based) of src, "" if there is none.
func lineText(src string, n int) string {
	for i := 1; i < n; i++ {
		_, rest, ok := strings.Cut(src, "\n")
		if !ok {
			return ""
		}
		src = rest
	}
	text, _, _ := strings.Cut(src, "\n")
	return text
}

// runeCol converts a 0-based byte offset in line to a 1-based column in characters.
func runeCol(line string, off int) int {
	return utf8.RuneCountInString(line[:min(off, len(line))]) + 1
}

// quoted matches a token as text/template quotes it in a parse error:
// "x", "abcdefghij"... (cut at ten characters), <end> for a keyword or
// {{end}} for a whole action.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|<(\w+)>|\{\{(\w+)\}\}`)

// guessCol picks the column of a parse error on line: text/template reports
// only the line. It is the first place on the line where the message's
// quoted token appears, preferring one inside an action; else the end of the
// line for "unexpected EOF"; else the last action for something left
// unclosed or unterminated; else the first action; else 1.
func guessCol(line, msg string) int {
	for _, m := range quoted.FindAllStringSubmatch(msg, -1) {
		if i := findToken(line, m); i >= 0 {
			return runeCol(line, i)
		}
	}
	switch {
	case msg == "unexpected EOF":
		return runeCol(line, len(line))
	case strings.Contains(msg, "unclosed") || strings.Contains(msg, "unterminated"):
		if i := strings.LastIndex(line, "{{"); i >= 0 {
			return runeCol(line, i)
		}
	}
	if i := strings.Index(line, "{{"); i >= 0 {
		return runeCol(line, i)
	}
	return 1
}

// findToken returns the byte offset in line of the token m (a match of
// quoted), or -1.
func findToken(line string, m []string) int {
	switch {
	case m[1] != "": // <keyword>
		return findInAction(line, regexp.MustCompile(`\b`+m[1]+`\b`))
	case m[2] != "": // {{keyword}}
		return findInAction(line, regexp.MustCompile(`\{\{-?\s*`+m[2]+`\b`))
	}
	tok, err := strconv.Unquote(m[0])
	if err != nil || tok == "" {
		return -1
	}
	// The token as a string literal ("main" in a multiple definition), then as it is.
	for _, s := range []string{m[0], tok} {
		if i := findInAction(line, regexp.MustCompile(regexp.QuoteMeta(s))); i >= 0 {
			return i
		}
	}
	return -1
}

// findInAction returns the offset of the first match of re in line that lies
// inside an action, else of the first match anywhere, else -1.
func findInAction(line string, re *regexp.Regexp) int {
	first := -1
	for _, loc := range re.FindAllStringIndex(line, -1) {
		before := line[:loc[0]]
		if strings.LastIndex(before, "{{") > strings.LastIndex(before, "}}") || strings.HasPrefix(line[loc[0]:], "{{") {
			return loc[0]
		}
		if first < 0 {
			first = loc[0]
		}
	}
	return first
}
