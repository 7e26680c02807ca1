//go:build !unix

package output

import "io/fs"

// fileIDOf reports false: this system's stat has no inode, and a listing
// cannot tell one output from another (listing.go).
func fileIDOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }
