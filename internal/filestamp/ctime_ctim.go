//go:build linux || openbsd || dragonfly || solaris

package filestamp

import (
	"encoding/binary"
	"io/fs"
	"syscall"
)

// appendCtime appends the file's change time, when its stat has one: a
// file written again at the same size with its modification time put back
// (cp -p, touch -r) has a later change time, which no program can set.
func appendCtime(b []byte, info fs.FileInfo) []byte {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		b = binary.AppendVarint(b, st.Ctim.Nano())
	}
	return b
}

// changeTime is the file's change time in Unix nanoseconds, and whether
// its stat has one.
func changeTime(info fs.FileInfo) (int64, bool) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Ctim.Nano(), true
	}
	return 0, false
}
