package content

import (
	"errors"
	"io/fs"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/diskfs"
)

// ReadFile reads the content file name of fsys as Load does, for a caller
// that reads files one by one (a rebuild after a change):
//
//   - a symbolic link that Load would leave out (symlink.go) reads as a
//     file that does not exist: the error satisfies errors.Is(err,
//     fs.ErrNotExist), and Walk's LinkWarnings say why;
//   - a file over cfg's limits.page is a *diag.Error at name:1:1, and is
//     not read past the limit (limits.go).
//
// Other errors are those of fsys. A *diskfs.FS, or an fs.FS over one
// that reads as it does (uptodate.FS), reads a regular file in five
// system calls (diskfs.FS.ReadHead); a link, or anything else than a
// regular file, it leaves to the way of every other fs.FS.
func ReadFile(fsys fs.FS, name string, cfg *config.Config) ([]byte, error) {
	if d, ok := fsys.(headReader); ok {
		data, err := d.ReadHead(name, int(limitsOf(cfg).Page)+1)
		if !errors.Is(err, diskfs.ErrNotRegular) {
			return limited(name, data, err, limitsOf(cfg).Page)
		}
	}
	if rl, ok := fsys.(fs.ReadLinkFS); ok {
		if info, err := rl.Lstat(name); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if msg := linkProblem(fsys, name); msg != "" {
				return nil, &fs.PathError{Op: "read", Path: name, Err: &refusedLink{msg}}
			}
		}
	}
	data, err := readLimited(fsys, name, limitsOf(cfg).Page)
	return limited(name, data, err, limitsOf(cfg).Page)
}

// headReader is a file system that reads the start of a regular file as
// diskfs.FS.ReadHead does.
type headReader interface {
	ReadHead(name string, n int) ([]byte, error)
}

// limited returns what ReadFile read of name, data, or the error of
// reading it: err, or a *diag.Error when data is over limit.
func limited(name string, data []byte, err error, limit config.Size) ([]byte, error) {
	if err == nil && int64(len(data)) > int64(limit) {
		err = &tooLarge{limit: limit}
	}
	var big *tooLarge
	if errors.As(err, &big) {
		return nil, &diag.Error{File: name, Line: 1, Col: 1, Msg: big.Error()}
	}
	return data, err
}

// refusedLink is a symbolic link left out of the site.
type refusedLink struct{ msg string }

func (e *refusedLink) Error() string        { return e.msg }
func (e *refusedLink) Is(target error) bool { return target == fs.ErrNotExist }
