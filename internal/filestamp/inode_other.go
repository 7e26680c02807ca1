//go:build !unix

package filestamp

import "io/fs"

// appendInode appends nothing: this system's stat has no inode that
// package syscall gives in the same form.
func appendInode(b []byte, _ fs.FileInfo) []byte { return b }

// device reports that this system's stat has no device.
func device(fs.FileInfo) (uint64, bool) { return 0, false }
