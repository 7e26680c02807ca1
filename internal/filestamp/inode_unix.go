//go:build unix

package filestamp

import (
	"encoding/binary"
	"io/fs"
	"syscall"
)

// appendInode appends the file's inode and device, when its stat has
// them: a file replaced by another (a save by rename, a copy that kept
// the modification time) has another inode.
func appendInode(b []byte, info fs.FileInfo) []byte {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		b = binary.AppendUvarint(b, uint64(st.Ino))
		b = binary.AppendUvarint(b, uint64(st.Dev))
	}
	return b
}

// device is the device of the file system the file is on, and whether
// its stat has one.
func device(info fs.FileInfo) (uint64, bool) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), true
	}
	return 0, false
}
