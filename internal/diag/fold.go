package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// fold replaces the problems that share one cause of the system by one:
// a build that runs out of space fails to write every file it tries, and
// tens of thousands of lines of "no space left on device" hide the one
// thing to fix. Problems fold when they are not *Error (they come from
// the machine, not from a user's file) and wrap an *fs.PathError whose
// error is the same syscall.Errno; the one left is the first, followed by
// how many more there were.
func fold(list []*Error) []*Error {
	count := map[syscall.Errno]int{}
	for _, e := range list {
		if no, ok := systemCause(e); ok {
			count[no]++
		}
	}
	var out []*Error
	seen := map[syscall.Errno]bool{}
	for _, e := range list {
		no, ok := systemCause(e)
		switch {
		case !ok || count[no] == 1:
			out = append(out, e)
		case !seen[no]:
			seen[no] = true
			c := *e
			c.Msg = fmt.Sprintf("%s (and %d more files with the same error)", e.Msg, count[no]-1)
			out = append(out, &c)
		}
	}
	return out
}

// systemCause is the system's error number behind a problem that is not
// about a user's file: what fold groups by.
func systemCause(e *Error) (syscall.Errno, bool) {
	if e.Err == nil || e.File != "" {
		return 0, false
	}
	var pe *fs.PathError
	var no syscall.Errno
	if errors.As(e.Err, &pe) && errors.As(pe.Err, &no) {
		return no, true
	}
	return 0, false
}
