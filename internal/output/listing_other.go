//go:build !linux

package output

import (
	"io/fs"
	"time"
)

// fileIDOf reports false: a listing (listing.go) is kept only on Linux,
// whose stat gives the inode and the change time it relies on.
func fileIDOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }

// changeTime reports false (see fileIDOf).
func changeTime(fs.FileInfo) (time.Time, bool) { return time.Time{}, false }
