package markdown

import (
	"errors"
	"fmt"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Code block limits. chroma matches regular expressions at every position
// of a block, so a huge block, or one that drives a lexer's expressions
// into heavy backtracking, could hold up a build (or the preview server's
// rebuild) for minutes. Two limits keep that from happening; a block over
// either is published as a plain, escaped block, exactly as one in a
// language chroma does not know, and Convert reports a warning at its
// opening fence (Result.Warnings), not an error:
//
//   - Options.MaxCodeBlock: a block with more bytes is not highlighted at
//     all (default DefaultMaxCodeBlock, site.yaml's limits.code_block).
//   - Options.HighlightBudget: highlighting one block stops once this much
//     time has passed (default DefaultHighlightBudget). This is a safety
//     net for pathological input (chroma gives each regular expression
//     match 250ms, and a block can need thousands of matches), far above
//     what any real block takes (milliseconds), even on a loaded machine
//     under the race detector. It is wall-clock time, the one limit that
//     depends on the machine, which is why hitting it is reported.
//
// A block that fell back is never kept in the cache (codecache.go).

// The default code block limits.
const (
	DefaultMaxCodeBlock    = 256 << 10
	DefaultHighlightBudget = 10 * time.Second
)

// chromaMatchTimeout is how long chroma lets one regular expression of a
// lexer try to match (its regexp.go sets regexp2's MatchTimeout). A match
// that runs out of it fails quietly and chroma takes the lexer's next
// rule, so a block highlighted on a busy machine (the race detector, a CI
// runner) could come out different from the same block elsewhere. A block
// whose whole highlighting took less than that cannot have timed out; one
// that took longer is highlighted again (codeLimits.exact), up to
// highlightTries times in all, and the last result is kept.
const (
	chromaMatchTimeout = 250 * time.Millisecond
	highlightTries     = 3
)

// codeLimits are a Converter's limits for code blocks.
type codeLimits struct {
	maxBytes int
	budget   time.Duration
	exact    time.Duration // a highlighting that took less is chroma's own; chromaMatchTimeout
}

func newCodeLimits(opts Options) codeLimits {
	l := codeLimits{maxBytes: opts.MaxCodeBlock, budget: opts.HighlightBudget, exact: chromaMatchTimeout}
	if l.maxBytes <= 0 {
		l.maxBytes = DefaultMaxCodeBlock
	}
	if l.budget <= 0 {
		l.budget = DefaultHighlightBudget
	}
	return l
}

// tooLarge returns the warning for a block over the size limit, "" when it
// is within it.
func (l codeLimits) tooLarge(n *ast.FencedCodeBlock) string {
	size := 0
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		size += seg.Padding + seg.Len()
	}
	if size <= l.maxBytes {
		return ""
	}
	return fmt.Sprintf("code block of %d bytes is over the limit of %d for highlighting (limits.code_block in site.yaml); published without highlighting", size, l.maxBytes)
}

// errTooSlow stops highlighting a block that ran over the time budget.
var errTooSlow = errors.New("highlighting took too long")

// bound returns tokens cut off once the budget, counted from now, has
// passed; *slow is then set, and the formatter sees the end of the tokens.
func (l codeLimits) bound(tokens chroma.Iterator, slow *bool) chroma.Iterator {
	deadline := time.Now().Add(l.budget)
	return func() chroma.Token {
		if *slow {
			return chroma.EOF
		}
		if time.Now().After(deadline) {
			*slow = true
			return chroma.EOF
		}
		return tokens()
	}
}

// tooSlow is the warning for a block that ran over the time budget.
func (l codeLimits) tooSlow() string {
	return fmt.Sprintf("highlighting this code block took more than %v; published without highlighting", l.budget)
}

// plainCodeKind is the kind of the warnings of blocks published plain, in
// a build's summary: "3 code blocks published without highlighting".
const plainCodeKind = "code blocks published without highlighting"

// warner is what Convert's output offers for warnings: a problem that does
// not fail the page.
type warner interface {
	warn(offset int, msg string)
}

// warnPlain reports msg as a warning at the block's fence, if w takes
// warnings, and writes the block plain.
func warnPlain(w util.BufWriter, n *ast.FencedCodeBlock, lang []byte, code, msg string) {
	if wr, ok := w.(warner); ok {
		wr.warn(n.Pos(), msg)
	}
	writePlain(w, lang, code)
}
