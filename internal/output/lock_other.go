//go:build !unix

package output

import "os"

// lockFolder would lock the folder dir; this system has no flock, so
// builds of one folder are not kept apart and Tidy removes nothing.
func lockFolder(dir string) *os.File { return nil }
