package diag

import "fmt"

// Place is where a problem is reported: a position in a user's file, or,
// for something the build made up (a section page without _index.md), no
// file and What it is, which is put before the message.
type Place struct {
	File      string
	Line, Col int
	What      string // without a File: "the section page \"/jobs/\""
}

// Errorf returns the problem at pl whose message is format with args.
func (pl Place) Errorf(format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if pl.File == "" && pl.What != "" {
		msg = pl.What + ": " + msg
	}
	return At(pl.File, pl.Line, pl.Col, msg)
}

// Wrap returns err at pl, its text after prefix, err as its cause. Unlike
// the function Wrap, it always makes a new problem, even of an *Error
// without a file.
func (pl Place) Wrap(prefix string, err error) *Error {
	e := pl.Errorf("%s%s", prefix, err.Error())
	e.Err = err
	return e
}
