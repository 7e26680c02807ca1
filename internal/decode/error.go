package decode

import (
	"cmp"
	"errors"
	"strconv"
	"strings"
)

// Error is one problem at a position inside a YAML document.
//
// File is empty as decode returns it; callers that know which file the
// document came from set it (and shift Line), so that one error type carries
// every positioned problem of a user's file: config and content return
// *Error values joined with errors.Join.
type Error struct {
	File      string // slash-separated, relative to the site root; "" when unknown
	Line, Col int    // 1-based position of the offending node; Line 0 = the whole file
	Path      string // key path to the node: "salary.min", "tags[2]"; "" at the top
	Msg       string // lowercase, no final period
}

// Error returns "FILE:LINE:COL: PATH: MSG", leaving out "FILE:" when File is
// empty, "LINE:COL: " when Line is 0, and "PATH: " when Path is empty. It
// is always one line: a control character in the path or the message (a
// parser's message may quote the input, line breaks and all) is written
// as an escape, \n or \x01.
func (e *Error) Error() string {
	var s string
	if e.File != "" {
		s = e.File + ":"
		if e.Line == 0 {
			s += " "
		}
	}
	if e.Line != 0 {
		s += strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": "
	}
	if e.Path != "" {
		s += oneLine(e.Path) + ": "
	}
	return s + oneLine(e.Msg)
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

// Compare orders errors by file, then line, then column.
func Compare(a, b *Error) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// Join returns errs as one error (nil when errs is empty). A DecodeYAML
// method that decodes its node with [Node] returns Join(errs) so that the
// positions of its errors survive.
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

// joinPath puts the path of a nested error below its parent's path.
func joinPath(parent, child string) string {
	switch {
	case parent == "":
		return child
	case child == "":
		return parent
	case child[0] == '[':
		return parent + child
	}
	return parent + "." + child
}
