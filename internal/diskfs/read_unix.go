//go:build unix

package diskfs

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
)

// readHead reads the file name of the folder dir with bare system calls.
func readHead(dir, name string, n int) ([]byte, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(filepath.Join(dir, filepath.FromSlash(name)), syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		return err
	})
	if errors.Is(err, syscall.ELOOP) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := ignoringEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	data, err := readAll(fd, make([]byte, 0, min(int64(n), st.Size+1)), n)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

// readAll appends what fd holds to buf until its end or n bytes, growing
// buf only when the file is longer than its capacity (it grew since its
// fstat).
func readAll(fd int, buf []byte, n int) ([]byte, error) {
	for len(buf) < n {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		var m int
		err := ignoringEINTR(func() (err error) {
			m, err = syscall.Read(fd, buf[len(buf):min(cap(buf), n)])
			return err
		})
		if err != nil {
			return nil, err
		}
		if m == 0 {
			break
		}
		buf = buf[:len(buf)+m]
	}
	return buf, nil
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
