// Package diskfs is a site folder on disk as an fs.FS: it answers every
// call as os.DirFS does (Open, ReadFile, ReadDir, Stat, Lstat, ReadLink),
// and adds ReadHead, which reads the start of a regular file in as few
// system calls as the system allows.
//
// ReadHead is for the build's reading of every content file. Through an
// *os.File, each file cost an lstat, an open, four fcntl and a failing
// epoll_ctl (the runtime's poller, of no use to a regular file), an fstat,
// a read per doubling of io.ReadAll's buffer and a close. On Linux and the
// other Unix systems ReadHead opens the name without following a final
// symbolic link (O_NOFOLLOW), reads into a buffer of the file's size plus
// one, and closes it: open, fstat, two reads (the second sees the end)
// and close. It never follows a link and never reads anything but a
// regular file: for those it returns an error matching ErrNotRegular, and
// the caller reads the name the ordinary way, with its own checks of
// links. Elsewhere ReadHead reads through os.Root, as a portable
// fallback.
package diskfs

import (
	"errors"
	"io/fs"
	"os"
)

// ErrNotRegular is what ReadHead returns for a name that is a symbolic
// link or anything else than a regular file.
var ErrNotRegular = errors.New("not a regular file")

// FS is a folder on disk.
type FS struct {
	dir  string
	disk dirFS
}

// dirFS is what os.DirFS answers.
type dirFS interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
	fs.ReadLinkFS
}

// New returns the folder dir.
func New(dir string) *FS { return &FS{dir: dir, disk: os.DirFS(dir).(dirFS)} }

func (f *FS) Open(name string) (fs.File, error)          { return f.disk.Open(name) }
func (f *FS) ReadFile(name string) ([]byte, error)       { return f.disk.ReadFile(name) }
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) { return f.disk.ReadDir(name) }
func (f *FS) Stat(name string) (fs.FileInfo, error)      { return f.disk.Stat(name) }
func (f *FS) Lstat(name string) (fs.FileInfo, error)     { return f.disk.Lstat(name) }
func (f *FS) ReadLink(name string) (string, error)       { return f.disk.ReadLink(name) }

// ReadHead returns the first n bytes of the regular file name, or all of
// it when it is shorter (n must be positive). It returns an error
// matching ErrNotRegular, having read nothing, when name is a symbolic
// link or not a regular file, and errors as os.DirFS's Open and Read give
// them otherwise (an *fs.PathError with name).
func (f *FS) ReadHead(name string, n int) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return readHead(f.dir, name, n)
}
