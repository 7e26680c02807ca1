// Package diag is the one type of a problem in a user's file: an error that
// stops a build, or a warning that does not, at a place in a file of the
// site folder.
//
// Every package that reads a user's file (config, content, career,
// markdown, render, the assets, the link checker) reports a problem as an
// *Error and several of them joined with errors.Join. Its fields carry the
// place, so that a build sorts problems by path, line and column, counts
// them and prints them without reading any message back:
//
//	content/jobs/x.md:7:3: salary.min: must not be negative
//	FILE:LINE:COL: PATH: MSG
//
// File is slash-separated and relative to the site folder; Line 0 means the
// whole file, and Path is the key path in front matter or site.yaml
// ("salary.min", "tags[2]"), empty elsewhere. A problem of the build as a
// whole has no File.
//
// A [Place] is where a problem will be reported before there is one: a
// position in a file, or, for something the build made up, no file but
// words that name it.
//
// Kind groups warnings for a summary: a plural noun phrase,
// "figures older than stale_after", that Summarize puts after a count.
package diag

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Error is one problem at a place.
type Error struct {
	File      string // slash-separated, relative to the site folder; "" when unknown
	Line, Col int    // 1-based position; Line 0 = the whole file
	Path      string // key path to the value: "salary.min", "tags[2]"; "" when none
	Msg       string // lowercase, no final period
	Kind      string // a warning's kind as a plural noun phrase: "figures older than stale_after"
	Err       error  // the cause, when there is one
	Fix       *Fix   // the correction the message suggests ("did you mean"); nil when none
}

// A Fix is the correction of a likely typo that a problem's message
// suggests (`unknown key "sallary"; did you mean "salary"?`): New written
// in place of Old, the first Old on the problem's line at or after its
// place (the key, the value, the shortcode name or argument the problem
// is about). An editor applies it; `check` prints only the message.
type Fix struct {
	Old, New string
}

// DidYouMean returns msg with the suggestion written as every package
// writes it, `…; did you mean "meant"?`, and the Fix from typed to meant.
func DidYouMean(msg, typed, meant string) (string, *Fix) {
	return msg + "; did you mean " + strconv.Quote(meant) + "?", &Fix{Old: typed, New: meant}
}

// Error returns "FILE:LINE:COL: PATH: MSG", leaving out "FILE:" when File
// is empty, "LINE:COL: " when Line is 0, and "PATH: " when Path is empty.
// It is always one line: a control character in the path or the message (a
// parser's message may quote the input, line breaks and all) is written as
// an escape, \n or \x01.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
		if e.Line == 0 {
			b.WriteByte(' ')
		}
	}
	if e.Line != 0 {
		b.WriteString(strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": ")
	}
	b.WriteString(e.Text())
	return b.String()
}

// Text is the problem without its place: "PATH: MSG", or "MSG" when Path
// is empty; one line, like Error.
func (e *Error) Text() string {
	if e.Path != "" {
		return oneLine(e.Path) + ": " + oneLine(e.Msg)
	}
	return oneLine(e.Msg)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// FixOf returns the Fix of the first *Error in err's chain that has one:
// a problem a template or a wrapper reports on behalf of another keeps
// its correction. Nil when none has one.
func FixOf(err error) *Fix {
	for ; err != nil; err = errors.Unwrap(err) {
		if d, ok := err.(*Error); ok && d.Fix != nil {
			return d.Fix
		}
	}
	return nil
}

// In returns a copy of e placed in file, its line moved down by offset
// lines (the document started on line offset+1 of the file).
func (e *Error) In(file string, offset int) *Error {
	c := *e
	c.File = file
	if c.Line != 0 {
		c.Line += offset
	}
	return &c
}

// At returns a problem at file:line:col whose message is msg.
func At(file string, line, col int, msg string) *Error {
	return &Error{File: file, Line: line, Col: col, Msg: msg}
}

// Wrap returns err placed at file:line:col: err itself, moved into file,
// when it is an *Error without a file; else a new *Error whose message is
// prefix followed by err's text (prefix may be ""), with err as its cause.
func Wrap(file string, line, col int, prefix string, err error) *Error {
	var d *Error
	if errors.As(err, &d) && d.File == "" && prefix == "" && line == 0 {
		return d.In(file, 0)
	}
	return &Error{File: file, Line: line, Col: col, Msg: prefix + err.Error(), Err: err}
}

// From returns err as an *Error: itself when it is one (not wrapped by
// another error), else an *Error without a place whose message is err's
// text.
func From(err error) *Error {
	if d, ok := err.(*Error); ok {
		return d
	}
	return &Error{Msg: err.Error(), Err: err}
}

// Compare orders problems by file, then line, then column: a reader's
// order. A stable sort keeps the problems at one place in the order they
// were found (a decoder's, the document's).
func Compare(a, b *Error) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// compareText orders problems as Compare, then by their text: the order
// of the problems of a whole build, the same in every build whatever
// order the cores found them in (a template that fails on every page).
func compareText(a, b *Error) int {
	return cmp.Or(Compare(a, b), strings.Compare(a.Error(), b.Error()))
}

// Join returns errs as one error (nil when errs is empty).
func Join(errs []*Error) error {
	if len(errs) == 0 {
		return nil
	}
	list := make([]error, len(errs))
	for i, e := range errs {
		list[i] = e
	}
	return errors.Join(list...)
}

// SortJoin sorts errs by Compare, keeping the order of the problems at one
// place, and joins them; nil when errs is empty.
func SortJoin(errs []*Error) error {
	slices.SortStableFunc(errs, Compare)
	return Join(errs)
}

// Leaves turns an errors.Join tree into its leaves, in order: the problems
// that a joined error stands for.
func Leaves(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// List returns the problems of err, each an *Error (From), sorted by
// place and text, problems without a file first, and those that share one cause
// of the system folded into one (fold).
func List(err error) []*Error {
	leaves := Leaves(err)
	list := make([]*Error, len(leaves))
	for i, e := range leaves {
		list[i] = From(e)
	}
	slices.SortStableFunc(list, compareText)
	return fold(list)
}

// Sorted returns the problems of errs as List gives them, joined again;
// nil when there are none.
func Sorted(errs ...error) error {
	return Join(List(errors.Join(errs...)))
}

// Count is the number of problems err stands for: its leaves.
func Count(err error) int { return len(Leaves(err)) }

// Counted is the count of err's problems in words: "1 error", "3 errors".
func Counted(err error) string {
	if n := Count(err); n != 1 {
		return strconv.Itoa(n) + " errors"
	}
	return "1 error"
}

// oneLine returns s with its control characters and line separators
// escaped as Go would in a quoted string.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isBreaking) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isBreaking(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isBreaking(r rune) bool {
	return r < 0x20 || r == 0x7f || r == 0x85 || r == '\u2028' || r == '\u2029'
}

// Distinct is errs without repeats of one message: the files made from one
// broken image fail alike, and the image is reported once. The first of
// each stays, in the order of errs.
func Distinct(errs []error) []error {
	seen := map[string]bool{}
	out := errs[:0:0]
	for _, err := range errs {
		if msg := err.Error(); !seen[msg] {
			seen[msg] = true
			out = append(out, err)
		}
	}
	return out
}
