//go:build unix

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockFolder takes an exclusive flock on the folder dir itself, opened
// read-only so that no lock file is left behind, waiting while another
// build holds it; closing the file releases it, and so does the death of
// the process, however it dies. It returns nil where the folder cannot be
// opened or locked: Linux turns flock on NFS into a byte-range lock, which
// an exclusive lock may only take on a file open for writing (EBADF).
func lockFolder(dir string) *os.File {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil
	}
	return f
}
