package decode

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Parse parses YAML text into a node tree for [Node]. A syntax error comes
// back as an *diag.Error at its true line.
//
// yaml.v3 reports syntax errors as text ("yaml: line 3: ...") with no column,
// its parser (unlike its scanner) counts that line from 0, and it names the
// line where the enclosing block or flow began rather than the line that
// broke it. So Parse corrects the count, then looks for the first line at or
// after the reported one where the document, cut after that line, already
// fails with the same message: that line is where the problem is. (This
// costs a few more parses, only for a broken document.) Errors yaml.v3 gives
// no line for (an unknown anchor, invalid UTF-8, a control character) are
// located by searching src. When the column is unknown it is 1.
func Parse(src []byte) (*yaml.Node, *diag.Error) {
	if e := checkText(src); e != nil {
		return nil, e
	}
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		e := syntaxError(err.Error(), src)
		e.Line = firstFailingLine(src, e.Line, problem(err.Error()))
		return nil, e
	}
	return &n, nil
}

// parserProblems are the messages of yaml.v3's parser (parserc.go), whose
// line numbers are 0-based; every other message comes from its scanner,
// whose line numbers are 1-based.
var parserProblems = [...]string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found undefined tag handle",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
}

func syntaxError(text string, src []byte) *diag.Error {
	msg := strings.TrimPrefix(text, "yaml: ")
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, after, _ := strings.Cut(rest, ": ")
		if n, err := strconv.Atoi(num); err == nil {
			line, msg = n, after
			if isParserProblem(msg) {
				line++
			}
		}
	} else if name, ok := unknownAnchor(msg); ok {
		if l, c := find(src, "*"+name); l > 0 {
			return &diag.Error{Line: l, Col: c, Msg: "invalid YAML: " + msg}
		}
	}
	return &diag.Error{Line: line, Col: 1, Msg: "invalid YAML: " + msg}
}

// problem returns a yaml.v3 error message without "yaml: line N: ".
func problem(text string) string {
	msg := strings.TrimPrefix(text, "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if _, after, ok := strings.Cut(rest, ": "); ok {
			return after
		}
	}
	return msg
}

// firstFailingLine returns the first line, from line on, such that src cut
// after it fails to parse with the message msg; line if there is none.
//
// Once a cut fails with msg, a longer cut fails with it too (the parser
// meets the same problem before it reaches the new text), so the line is
// found by bisection, in O(log lines) parses. Trying every line in turn
// costs one parse per line, and a 16,000-line broken document then took
// minutes: a denial of service by one page.
func firstFailingLine(src []byte, line int, msg string) int {
	var n yaml.Node
	fails := func(k int) bool {
		err := yaml.Unmarshal(src[:lineEnd(src, 0, k)], &n)
		return err != nil && problem(err.Error()) == msg
	}
	lo, hi := line, max(line, 1+bytes.Count(src, []byte("\n")))
	if !fails(hi) {
		return line
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// lineEnd returns the offset just after the n-th line starting at off (or
// len(src)).
func lineEnd(src []byte, off, n int) int {
	for ; n > 0 && off < len(src); n-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

func isParserProblem(msg string) bool {
	for _, p := range parserProblems {
		if msg == p {
			return true
		}
	}
	return false
}

func unknownAnchor(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "unknown anchor '")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "'")
	return name, ok
}

// checkText reports invalid UTF-8 and characters YAML does not allow (the
// same ranges yaml.v3's reader checks), which yaml.v3 rejects without saying
// where.
func checkText(src []byte) *diag.Error {
	for i := 0; i < len(src); {
		if c := src[i]; c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c == '\r' {
			i++ // the common case: printable ASCII
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			l, c := position(src, i)
			return &diag.Error{Line: l, Col: c, Msg: "invalid UTF-8"}
		}
		if !printable(r) {
			l, c := position(src, i)
			return &diag.Error{Line: l, Col: c, Msg: "character " + strconv.QuoteRune(r) + " is not allowed in YAML"}
		}
		i += size
	}
	return nil
}

func printable(r rune) bool {
	switch {
	case r == 0x85, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// find returns the position of the first occurrence of s in src, or 0, 0.
func find(src []byte, s string) (line, col int) {
	i := bytes.Index(src, []byte(s))
	if i < 0 {
		return 0, 0
	}
	return position(src, i)
}

// position converts a byte offset in src to a 1-based line and a 1-based
// column counted in characters, as yaml.v3 counts them.
func position(src []byte, off int) (line, col int) {
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(src[start:off])
}
