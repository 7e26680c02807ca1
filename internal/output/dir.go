// Package output owns where the bytes of a build go.
//
// A Dir is an all-or-nothing output directory. NewDir creates a temporary
// directory beside the destination (".public.tmp-*" for "public"); WriteFile
// writes into it, never outside it: every write goes through an os.Root opened
// on the temporary directory, so no name can escape it. Commit swaps the
// temporary directory in place of the destination and removes the old one;
// Abort removes the temporary directory and leaves the destination exactly as
// it was. Until Commit succeeds the destination is not touched at all.
//
// Names given to WriteFile are slash-separated paths relative to the output
// root ("jobs/back-end-developer/index.html"), as produced by fs.ValidPath.
//
// Reuse publishes a file of the destination again without its bytes being
// written: the file is hard-linked into the temporary directory (copied
// where the file system has no hard links), if it is still the regular file
// the last build stamped, with the same size and modification time. Every
// file a Dir publishes gets a Stamp, so that the next build can tell
// whether anything touched it since.
//
// A Memory (memory.go) is the in-memory counterpart for the preview server;
// its Reuse carries a file of the previous Tree over to the next.
//
// A Minifier (assets.go) makes CSS, JavaScript and HTML smaller with
// github.com/tdewolff/minify, and Fingerprint names a file after its bytes
// ("css/site.css" → "css/site.3f2a9c1e.css", 8 hex digits of SHA-256) so
// that hosts can let browsers cache it for ever.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// Dir is an output directory that is written in full before it replaces the
// destination. It is safe for concurrent WriteFile calls.
type Dir struct {
	dest string
	tmp  string
	root *os.Root

	mu     sync.Mutex
	stamps map[string]Stamp // every file published, by name
	dirs   sync.Map         // the folders made, by name
}

// A Stamp tells whether a published file was changed since: its size and
// modification time.
type Stamp struct {
	Size    int64
	ModTime int64 // Unix nanoseconds
}

func stampOf(info fs.FileInfo) Stamp {
	return Stamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}

// NewDir prepares a temporary directory beside dest. The parent of dest must
// exist; dest itself need not.
func NewDir(dest string) (*Dir, error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("output: %w", err)
	}
	return &Dir{dest: dest, tmp: tmp, root: root, stamps: map[string]Stamp{}}, nil
}

// WriteFile writes data to name inside the output, creating directories as
// needed.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := d.prepare(name); err != nil {
		return err
	}
	if err := d.root.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return d.stamp(name)
}

// prepare checks name and makes its directory.
func (d *Dir) prepare(name string) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	if dir := path.Dir(name); dir != "." {
		if err := d.mkdir(dir); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	return nil
}

// mkdir makes dir and its parents, remembering what it made: a site has a
// folder per page, and Root.MkdirAll opens every parent each time.
func (d *Dir) mkdir(dir string) error {
	if _, done := d.dirs.Load(dir); done || dir == "." {
		return nil
	}
	if err := d.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	if err := d.root.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.dirs.Store(dir, true)
	return nil
}

// stamp records the Stamp of the file name as written.
func (d *Dir) stamp(name string) error {
	info, err := d.root.Stat(name)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	d.mu.Lock()
	d.stamps[name] = stampOf(info)
	d.mu.Unlock()
	return nil
}

// Reuse publishes the destination's file name again, as it is, and reports
// true; or reports false, publishing nothing, when the destination has no
// such regular file or it does not match want (it was changed since the
// build that stamped it).
func (d *Dir) Reuse(name string, want Stamp) (bool, error) {
	if err := d.prepare(name); err != nil {
		return false, err
	}
	src := filepath.Join(d.dest, filepath.FromSlash(name))
	info, err := os.Lstat(src)
	if err != nil || !info.Mode().IsRegular() || stampOf(info) != want {
		return false, nil
	}
	dst := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := os.Link(src, dst); err != nil {
		// No hard links here (or across these two folders): copy.
		data, err := os.ReadFile(src)
		if err != nil {
			return false, nil
		}
		return true, d.WriteFile(name, data)
	}
	d.mu.Lock()
	d.stamps[name] = want
	d.mu.Unlock()
	return true, nil
}

// Stamps returns the Stamp of every file published so far, by name. After
// Commit they are the stamps of the destination's files.
func (d *Dir) Stamps() map[string]Stamp {
	d.mu.Lock()
	defer d.mu.Unlock()
	return maps.Clone(d.stamps)
}

// Commit replaces the destination with everything written so far. The old
// destination is first renamed aside, so that at every moment the
// destination path holds either the complete old output or the complete new
// one (except for the instant between the two renames, when it is absent).
func (d *Dir) Commit() error {
	if err := d.root.Close(); err != nil {
		return d.fail(err)
	}
	if err := os.Chmod(d.tmp, 0o755); err != nil { // MkdirTemp makes it 0700
		return d.fail(err)
	}
	old := ""
	if _, err := os.Lstat(d.dest); err == nil {
		old = d.tmp + ".old"
		if err := os.Rename(d.dest, old); err != nil {
			return d.fail(err)
		}
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		if old != "" {
			err = errors.Join(err, os.Rename(old, d.dest))
		}
		return d.fail(err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("output: removing the previous output: %w", err)
		}
	}
	return nil
}

// Abort discards everything written and leaves the destination untouched.
func (d *Dir) Abort() error {
	d.root.Close()
	if err := os.RemoveAll(d.tmp); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func (d *Dir) fail(err error) error {
	os.RemoveAll(d.tmp)
	return fmt.Errorf("output: %w", err)
}
