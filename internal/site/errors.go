package site

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// joinSorted joins errors in the order a reader wants them: by path, then
// line, then column, for errors that begin "path:line:col:"; errors without
// a position come first, in their given order.
func joinSorted(errs []error) error {
	type keyed struct {
		path      string
		line, col int
		err       error
	}
	ks := make([]keyed, len(errs))
	for i, err := range errs {
		path, line, col := position(err.Error())
		ks[i] = keyed{path, line, col, err}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(
			cmp.Compare(a.path, b.path),
			cmp.Compare(a.line, b.line),
			cmp.Compare(a.col, b.col),
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
