// Package overlay is a site folder as an editor sees it: the files on
// disk, with the open buffers of the editor over them. The language server
// builds from it (site.Options.Files), so that `check`'s validation judges
// the unsaved text of the open files and the saved text of every other.
//
// An FS answers every name from its buffers first, then from the folder:
// Open, ReadFile, Stat and Lstat give a buffer's bytes and size when one is
// set for the name (a buffer is a regular file, never a link); ReadDir
// lists the folder and adds the buffers of files not saved yet, so a page
// typed into a new buffer is a page of the site. ReadLink and everything
// else go to the folder, as os.DirFS answers them, so the build's checks
// of symbolic links stay what they are on disk.
//
// Names are fs.FS names: slash-separated, relative to the folder. An FS is
// safe for concurrent use; a build reads it from many goroutines while the
// server sets buffers.
package overlay

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// disk is what the folder must answer: os.DirFS does.
type disk interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
	fs.ReadLinkFS
}

// FS is the folder with buffers over it.
type FS struct {
	disk disk

	mu      sync.RWMutex
	buffers map[string][]byte
}

// New returns the folder dir with no buffers over it.
func New(dir string) *FS {
	return &FS{disk: os.DirFS(dir).(disk), buffers: map[string][]byte{}}
}

// Set makes text the content of name until Forget (an editor opened or
// changed the file). The FS keeps text; the caller must not change it.
func (o *FS) Set(name string, text []byte) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buffers[name] = text
}

// Forget drops the buffer of name: the file on disk shows again (the
// editor closed it).
func (o *FS) Forget(name string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.buffers, name)
}

// Buffer returns the buffer of name, if one is set.
func (o *FS) Buffer(name string) ([]byte, bool) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	b, ok := o.buffers[name]
	return b, ok
}

// ReadFile returns the buffer of name, else the file on disk.
func (o *FS) ReadFile(name string) ([]byte, error) {
	if b, ok := o.Buffer(name); ok {
		return bytes.Clone(b), nil
	}
	return o.disk.ReadFile(name)
}

// Open opens the buffer of name, else the file on disk.
func (o *FS) Open(name string) (fs.File, error) {
	if b, ok := o.Buffer(name); ok {
		return &file{Reader: bytes.NewReader(b), info: info{name: path.Base(name), size: int64(len(b))}}, nil
	}
	return o.disk.Open(name)
}

// Stat describes the buffer of name, else the file on disk.
func (o *FS) Stat(name string) (fs.FileInfo, error) {
	if b, ok := o.Buffer(name); ok {
		return info{name: path.Base(name), size: int64(len(b))}, nil
	}
	return o.disk.Stat(name)
}

// Lstat is Stat without following a link on disk; a buffer is no link.
func (o *FS) Lstat(name string) (fs.FileInfo, error) {
	if b, ok := o.Buffer(name); ok {
		return info{name: path.Base(name), size: int64(len(b))}, nil
	}
	return o.disk.Lstat(name)
}

// ReadLink reads a symbolic link on disk.
func (o *FS) ReadLink(name string) (string, error) { return o.disk.ReadLink(name) }

// ReadDir lists the folder name on disk and the buffers in it that are not
// on disk, sorted by name. A folder that exists only because a buffer is in
// it is not listed: an editor saves a new file's folder before the file.
func (o *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := o.disk.ReadDir(name)
	if err != nil {
		return entries, err
	}
	o.mu.RLock()
	defer o.mu.RUnlock()
	for p, b := range o.buffers {
		if path.Dir(p) != name {
			continue
		}
		base := path.Base(p)
		if !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == base }) {
			entries = append(entries, fs.FileInfoToDirEntry(info{name: base, size: int64(len(b))}))
		}
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

// file is an open buffer.
type file struct {
	*bytes.Reader
	info info
}

func (f *file) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *file) Close() error               { return nil }

// info describes a buffer: a regular file, readable by everyone, its time
// the zero time (a buffer has not been saved).
type info struct {
	name string
	size int64
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) Mode() fs.FileMode  { return 0o444 }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return false }
func (i info) Sys() any           { return nil }
