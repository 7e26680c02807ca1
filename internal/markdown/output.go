package markdown

import (
	"bytes"

	"github.com/careersite/careersite/internal/diag"
	"github.com/yuin/goldmark/util"
)

// output is the buffer one Convert renders into. It is a util.BufWriter, so
// goldmark writes to it directly instead of through a bufio.Writer of its own,
// and it is the only per-page state a goldmark NodeRenderer can reach: the
// code-block renderer reports chroma failures to it and builds its cache
// keys in it (see reporter).
type output struct {
	bytes.Buffer
	problems []problem
	warnings []problem // code blocks published plain over a limit (limits.go)
	key      []byte    // scratch for the code renderer's cache keys, reused by every block
}

var (
	_ util.BufWriter = (*output)(nil)
	_ reporter       = (*output)(nil)
)

// problem is a failure at a byte offset of the Markdown source.
type problem struct {
	offset int
	msg    string
}

// Buffered and Flush complete util.BufWriter; there is no separate buffer.
func (o *output) Buffered() int { return 0 }
func (o *output) Flush() error  { return nil }

func (o *output) scratch() *[]byte { return &o.key }

func (o *output) report(offset int, msg string) {
	o.problems = append(o.problems, problem{offset, msg})
}

func (o *output) warn(offset int, msg string) {
	o.warnings = append(o.warnings, problem{offset, msg})
}

// errors turns the reported problems into *diag.Error values at file positions.
func (o *output) errors(pos *positions) []*diag.Error {
	errs := make([]*diag.Error, 0, len(o.problems))
	for _, p := range o.problems {
		line, col := pos.at(p.offset)
		errs = append(errs, &diag.Error{Line: line, Col: col, Msg: p.msg})
	}
	return errs
}

// warningsAt turns the warnings into *diag.Error values at file positions, in
// the order they were found (document order); nil when there are none.
func (o *output) warningsAt(pos *positions) []*diag.Error {
	var list []*diag.Error
	for _, p := range o.warnings {
		line, col := pos.at(p.offset)
		list = append(list, &diag.Error{Line: line, Col: col, Msg: p.msg, Kind: plainCodeKind})
	}
	return list
}
