package site

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// joinSorted joins errors in the order a reader wants them: by path, then
// line, then column, for errors that begin "path:line:col:", then by their
// text; errors without a position come first.
func joinSorted(errs []error) error {
	type keyed struct {
		path      string
		line, col int
		msg       string
		err       error
	}
	ks := make([]keyed, len(errs))
	for i, err := range errs {
		msg := err.Error()
		path, line, col := position(msg)
		ks[i] = keyed{path, line, col, msg, err}
	}
	// The text orders errors at one place (a template that fails on
	// every page): they arrive in whatever order the cores finished the
	// pages, and two builds must print the same.
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(
			cmp.Compare(a.path, b.path),
			cmp.Compare(a.line, b.line),
			cmp.Compare(a.col, b.col),
			cmp.Compare(a.msg, b.msg),
		)
	})
	sorted := make([]error, len(ks))
	for i, k := range ks {
		sorted[i] = k.err
	}
	return errors.Join(sorted...)
}

// position reads the "path:line:col:" prefix of an error message. A message
// without one gives an empty path.
func position(msg string) (path string, line, col int) {
	parts := strings.SplitN(msg, ":", 4)
	if len(parts) < 3 {
		return "", 0, 0
	}
	line, err := strconv.Atoi(parts[1])
	if err != nil {
		return "", 0, 0
	}
	col, _ = strconv.Atoi(parts[2])
	return parts[0], line, col
}
