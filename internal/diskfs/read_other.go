//go:build !unix

package diskfs

import (
	"io"
	"io/fs"
	"os"
)

// readHead reads the file name of the folder dir through an os.Root.
func readHead(dir, name string, n int) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer root.Close()
	info, err := root.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(n)))
}
