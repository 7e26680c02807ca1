package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Keep makes every Commit carry the paths names of the old destination into
// the new output (see the package comment). Each name is a clean,
// slash-separated path relative to the output root, as fs.ValidPath
// accepts (internal/config checks site.yaml's keep: for this); Commit fails
// on any other. A name inside another one is carried with it.
func Keep(names ...string) Option {
	return func(d *Dir) { d.keep = append(d.keep, names...) }
}

// carry links every kept path that the old destination has into the
// temporary directory, where the build did not write it.
func (d *Dir) carry() error {
	for i, name := range d.keep {
		if !fs.ValidPath(name) || name == "." {
			return fmt.Errorf("invalid path to keep %q", name)
		}
		if slices.Contains(d.keep[:i], name) || keptAbove(name, d.keep) || d.wroteAbove(name) {
			continue
		}
		src, ok, err := d.kept(name)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if dir := path.Dir(name); dir != "." {
			if err := d.mkdir(dir); err != nil {
				return fmt.Errorf("keeping %s: %w", name, err)
			}
		}
		if err := d.carryTree(src, name); err != nil {
			return fmt.Errorf("keeping %s: %w", name, err)
		}
	}
	return nil
}

// wroteAbove reports whether the build wrote a file at one of the folders
// that hold name: a kept "x/y" goes where the build's file "x" is.
func (d *Dir) wroteAbove(name string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
		if _, ok := d.stamps[dir]; ok {
			return true
		}
	}
	return false
}

// keptAbove reports whether one of the kept paths holds name, which is
// carried with it.
func keptAbove(name string, keep []string) bool {
	for _, k := range keep {
		if strings.HasPrefix(name, k+"/") {
			return true
		}
	}
	return false
}

// wrote reports whether the build wrote a file at name.
func (d *Dir) wrote(name string) bool {
	d.mu.Lock()
	_, ok := d.stamps[name]
	d.mu.Unlock()
	return ok
}

// made reports whether the build made a folder at name.
func (d *Dir) made(name string) bool {
	_, ok := d.dirs.Load(name)
	return ok
}

// kept returns the path of the kept name in the old destination, and
// whether it is there: its folders must be real folders, not symbolic
// links, so that nothing is carried from outside the destination.
func (d *Dir) kept(name string) (string, bool, error) {
	src := d.dest
	parts := strings.Split(name, "/")
	for i, part := range parts {
		src = filepath.Join(src, part)
		info, err := os.Lstat(src)
		if errors.Is(err, fs.ErrNotExist) {
			return "", false, nil
		}
		if err != nil {
			return "", false, fmt.Errorf("keeping %s: %w", name, err)
		}
		if i < len(parts)-1 && !info.IsDir() {
			return "", false, nil
		}
	}
	return src, true, nil
}

// carryTree links the file or folder src of the old destination to name in
// the temporary directory, leaving out what the build wrote: the build's
// file wins over a kept one of the same name, and over a kept folder where
// it wrote a file, and a folder the build made wins over a kept file.
func (d *Dir) carryTree(src, name string) error {
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := path.Join(name, filepath.ToSlash(rel))
		switch {
		case d.wrote(to):
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case e.IsDir():
			return d.carryFolder(p, to)
		case d.made(to):
			return nil
		}
		return carryFile(p, filepath.Join(d.tmp, filepath.FromSlash(to)), e)
	})
}

// carryFolder makes the folder to in the temporary directory with the
// permissions of src, unless the build made it.
func (d *Dir) carryFolder(src, to string) error {
	if d.made(to) {
		return nil
	}
	info, err := os.Lstat(src)
	if err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(d.tmp, filepath.FromSlash(to)), info.Mode().Perm()); err != nil {
		return err
	}
	d.dirs.Store(to, true)
	return nil
}

// carryFile puts the entry e at src in place at dst: a symbolic link made
// again with the same target (never followed), anything else hard-linked,
// and a regular file copied where it cannot be linked.
func carryFile(src, dst string, e fs.DirEntry) error {
	if e.Type()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	}
	err := os.Link(src, dst)
	if err != nil && e.Type().IsRegular() {
		err = copyFile(src, dst)
	}
	return err
}

// copyFile copies the regular file src to the new file dst, with its
// permissions and modification time.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chtimes(dst, info.ModTime(), info.ModTime())
	}
	return err
}
