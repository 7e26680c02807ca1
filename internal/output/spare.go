package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Spare makes a Dir start from the old output that an earlier Commit left
// at path instead of from an empty folder, and leave its own old output
// there for the next one (see the package comment). path must be on the
// destination's file system for this to help; where it is not, or holds
// no folder, the Dir starts empty and the old output is removed.
func Spare(path string) Option {
	return func(d *Dir) { d.spare = filepath.Clean(path) }
}

// takeSpare moves the spare folder, if there is one, to the path of the
// temporary directory tmp, which NewDir has just made empty, and reports
// whether it did; if not, tmp is an empty folder again. A spare that is
// not a real folder (a symbolic link) is not taken, nor one for a
// destination that is missing.
func (d *Dir) takeSpare(tmp string) bool {
	if d.spare == "" {
		return false
	}
	if _, err := os.Lstat(d.dest); err != nil {
		// Without the destination no file of the spare can be kept:
		// an empty folder is less work.
		return false
	}
	if info, err := os.Lstat(d.spare); err != nil || !info.IsDir() {
		return false
	}
	// os.Rename will not replace a folder, even an empty one.
	if os.Remove(tmp) != nil {
		return false
	}
	if err := os.Rename(d.spare, tmp); err == nil {
		if info, err := os.Lstat(tmp); err == nil && info.IsDir() {
			return true
		}
		os.RemoveAll(tmp) // something else was put there meanwhile
	}
	os.Mkdir(tmp, 0o700)
	return false
}

// keepSpare puts the folder old, an old output or an unfinished one, where
// the next Dir takes its spare from, or removes it when there is no spare
// path or the path is taken.
func (d *Dir) keepSpare(old string) error {
	if old == "" {
		return nil
	}
	if d.spare != "" && os.Rename(old, d.spare) == nil {
		return nil
	}
	return os.RemoveAll(old)
}

// clear makes name free for a new file or folder in a Dir that started
// from a spare: whatever the spare has there goes. A file of the spare is
// never written into, since it may be a hard link to the destination's.
func (d *Dir) clear(name string) error {
	err := d.root.Remove(name)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return d.root.RemoveAll(name)
}

// prune removes from a Dir that started from a spare every file and
// folder that this build did not publish or make, so that what is left is
// what an empty folder would hold by now.
func (d *Dir) prune() error {
	return filepath.WalkDir(d.tmp, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == d.tmp {
			return nil
		}
		rel, err := filepath.Rel(d.tmp, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if e.IsDir() {
			if d.made(name) {
				return nil
			}
			if err := os.RemoveAll(p); err != nil {
				return err
			}
			return filepath.SkipDir
		}
		if d.wrote(name) {
			return nil
		}
		return os.Remove(p)
	})
}

// spareFolder makes sure that dir, which exists in a Dir that started from
// a spare, is a real folder: a file or symbolic link of the spare there
// gives way to one.
func (d *Dir) spareFolder(dir string) error {
	info, err := d.root.Lstat(dir)
	if err != nil {
		return err
	}
	if info.IsDir() {
		return nil
	}
	if err := d.clear(dir); err != nil {
		return err
	}
	return d.root.Mkdir(dir, 0o755)
}
