package output

import (
	"errors"
	"fmt"
	"os"
	"path"
	"sync"

	"golang.org/x/sys/unix"
)

// beneath is the Linux writer: openat2(2) with RESOLVE_BENEATH and
// RESOLVE_NO_SYMLINKS resolves a whole name below the open temporary
// directory in one system call, and fails rather than leave it, through
// "..", an absolute symbolic link or any symbolic link at all (a Dir makes
// only real folders; realFolder replaces a recycled output's link). An
// os.Root, which opens every folder of a name in its own call, made five
// openat, five close and five fcntl calls for each page written.
//
// Files are written with bare system calls, not an *os.File: a regular
// file gains nothing from the runtime's poller, and wrapping the
// descriptor costs an fcntl and a failing epoll_ctl each.
//
// A folder is made with mkdirat(2) in its parent, which is opened the
// same way (O_PATH) and kept open while fewer than maxParents are: a site
// has a few folders that hold the folders of many pages (one per section),
// and each page's folder then costs one mkdirat.
type beneath struct {
	root int // the temporary directory, O_PATH; -1 once closed

	mu      sync.Mutex
	parents map[string]int // open parent folders, by name
}

const (
	maxParents = 256
	resolve    = unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS
)

// newWriter returns a beneath writer on tmp, or the os.Root writer where
// the kernel has no openat2 (before 5.6) or a sandbox refuses it.
func newWriter(tmp string, root *os.Root) writer {
	fd, err := openat2(unix.AT_FDCWD, tmp, &unix.OpenHow{Flags: unix.O_PATH | unix.O_DIRECTORY | unix.O_CLOEXEC})
	if err != nil {
		return rootWriter{root}
	}
	probe, err := openat2(fd, ".", &unix.OpenHow{Flags: unix.O_PATH | unix.O_DIRECTORY | unix.O_CLOEXEC, Resolve: resolve})
	if err != nil {
		unix.Close(fd)
		return rootWriter{root}
	}
	unix.Close(probe)
	return &beneath{root: fd, parents: map[string]int{}}
}

func (w *beneath) mkdir(dir string) error {
	parent, base := path.Split(dir)
	fd, done, err := w.parent(path.Clean(parent))
	if err != nil {
		return &os.PathError{Op: "mkdir", Path: dir, Err: err}
	}
	defer done()
	if err := ignoringEINTR(func() error { return unix.Mkdirat(fd, base, 0o755) }); err != nil {
		return &os.PathError{Op: "mkdir", Path: dir, Err: err}
	}
	return nil
}

// parent returns an open descriptor of the folder dir and what to call
// when done with it.
func (w *beneath) parent(dir string) (int, func(), error) {
	if dir == "." {
		return w.root, func() {}, nil
	}
	w.mu.Lock()
	fd, ok := w.parents[dir]
	w.mu.Unlock()
	if ok {
		return fd, func() {}, nil
	}
	fd, err := openat2(w.root, dir, &unix.OpenHow{Flags: unix.O_PATH | unix.O_DIRECTORY | unix.O_CLOEXEC, Resolve: resolve})
	if err != nil {
		return 0, nil, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, raced := w.parents[dir]; raced || len(w.parents) >= maxParents {
		return fd, func() { unix.Close(fd) }, nil
	}
	w.parents[dir] = fd
	return fd, func() {}, nil
}

func (w *beneath) create(name string, data []byte) (Stamp, fileID, error) {
	fd, err := openat2(w.root, name, &unix.OpenHow{
		Flags:   unix.O_WRONLY | unix.O_CREAT | unix.O_TRUNC | unix.O_CLOEXEC,
		Mode:    0o644,
		Resolve: resolve,
	})
	if err != nil {
		return Stamp{}, fileID{}, &os.PathError{Op: "open", Path: name, Err: err}
	}
	s, id, err := writeAll(fd, data)
	if cerr := unix.Close(fd); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return Stamp{}, fileID{}, &os.PathError{Op: "write", Path: name, Err: err}
	}
	return s, id, nil
}

// writeAll writes data to the open file fd and returns its Stamp, device
// and inode.
func writeAll(fd int, data []byte) (Stamp, fileID, error) {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			return Stamp{}, fileID{}, err
		}
		data = data[n:]
	}
	var st unix.Stat_t
	if err := ignoringEINTR(func() error { return unix.Fstat(fd, &st) }); err != nil {
		return Stamp{}, fileID{}, err
	}
	return Stamp{Size: st.Size, ModTime: st.Mtim.Nano()}, fileID{uint64(st.Dev), st.Ino}, nil
}

// close closes every descriptor; a second call does nothing.
func (w *beneath) close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.root < 0 {
		return nil
	}
	for _, fd := range w.parents {
		unix.Close(fd)
	}
	fd := w.root
	w.parents, w.root = nil, -1
	if err := unix.Close(fd); err != nil {
		return fmt.Errorf("closing the temporary directory: %w", err)
	}
	return nil
}

// openat2 is unix.Openat2, tried again when a signal interrupts it (the
// Go runtime's own preemption signals among them).
func openat2(dirfd int, name string, how *unix.OpenHow) (int, error) {
	for {
		fd, err := unix.Openat2(dirfd, name, how)
		if !errors.Is(err, unix.EINTR) {
			return fd, err
		}
	}
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); !errors.Is(err, unix.EINTR) {
			return err
		}
	}
}
