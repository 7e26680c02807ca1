//go:build !linux

package output

import "os"

// newWriter returns the portable writer: only Linux has openat2.
func newWriter(tmp string, root *os.Root) writer { return rootWriter{root} }
