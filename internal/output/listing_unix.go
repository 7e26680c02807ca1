//go:build unix

package output

import (
	"io/fs"
	"syscall"
)

// fileIDOf returns the device and inode of the file info describes.
func fileIDOf(info fs.FileInfo) (fileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino)}, true
}
