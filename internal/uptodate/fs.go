package uptodate

import (
	"errors"
	"io/fs"
	"slices"
	"sync"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/filestamp"
)

// Disk is the file system an FS reads through: a site folder on disk
// (diskfs.FS).
type Disk interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
	fs.ReadLinkFS
	ReadHead(name string, n int) ([]byte, error)
}

// FS is a Disk that notes every name asked of it, with its stamp as of
// the first time (see the package comment). It is safe for use by many
// goroutines.
type FS struct {
	disk  Disk
	began time.Time // when the build began: a name must have settled by then

	mu      sync.Mutex
	stamps  map[string]string // by name
	spoiled bool              // a name whose stamp cannot be trusted was read
}

// NewFS returns disk noting the names read, for a build that began at
// began (the clock, not the time the build publishes at).
func NewFS(disk Disk, began time.Time) *FS {
	return &FS{disk: disk, began: began, stamps: map[string]string{}}
}

// The first byte of a stamp says what it stamps.
const (
	absent = 'n' // the name was looked for and is not there
	folder = 'd' // a folder, only stat'ed: that it is one
	whole  = 'f' // the whole stat: a file, a folder listed, a link and what it leads to
)

func (f *FS) Open(name string) (fs.File, error) {
	f.note(name, whole)
	return f.disk.Open(name)
}

func (f *FS) ReadFile(name string) ([]byte, error) {
	f.note(name, whole)
	return f.disk.ReadFile(name)
}

func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	f.note(name, whole)
	return f.disk.ReadDir(name)
}

func (f *FS) ReadLink(name string) (string, error) {
	f.note(name, whole)
	return f.disk.ReadLink(name)
}

// ReadHead is diskfs.FS.ReadHead, noted.
func (f *FS) ReadHead(name string, n int) ([]byte, error) {
	f.note(name, whole)
	return f.disk.ReadHead(name, n)
}

// Stat and Lstat note a folder as a folder, and anything else whole: a
// stat tells the caller no more of a folder than what it is, of a file
// its size and times.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	f.note(name, folder)
	return f.disk.Stat(name)
}

func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	f.note(name, folder)
	return f.disk.Lstat(name)
}

// note stamps name the first time it is asked for as much as want
// (folder asks less than whole of a folder, and the same of anything
// else).
func (f *FS) note(name string, want byte) {
	f.mu.Lock()
	had, seen := f.stamps[name]
	f.mu.Unlock()
	if seen && (had[0] != folder || want == folder) {
		return
	}
	stamp, ok := f.stamp(name, want)
	f.mu.Lock()
	defer f.mu.Unlock()
	switch old, seen := f.stamps[name]; {
	case !ok:
		f.spoiled = true
	case seen && old[0] == stamp[0] && old != stamp:
		f.spoiled = true // it changed while the build ran
	case !seen || old[0] == folder:
		f.stamps[name] = stamp
	}
}

// stamp stats name now; false when its stamp cannot be trusted.
func (f *FS) stamp(name string, want byte) (string, bool) {
	info, err := f.disk.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return string(absent), true
	}
	if err != nil || !filestamp.Settled(info, f.began) {
		return "", false
	}
	if want == folder && info.IsDir() {
		return string(folder), true
	}
	b := filestamp.AppendStat([]byte{whole}, info)
	if info.Mode().Type() == fs.ModeSymlink {
		target, err := f.disk.Stat(name)
		if err != nil || !filestamp.Settled(target, f.began) {
			return "", false
		}
		b = filestamp.AppendStat(b, target)
	}
	return string(b), true
}

// stampNow stats name again as note stamped it, kind being the first byte
// of its stamp; "" when it cannot be stat'ed so.
func stampNow(fsys fs.ReadLinkFS, name string, kind byte) string {
	info, err := fsys.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return string(absent)
	case err != nil:
		return ""
	case kind == folder && info.IsDir():
		return string(folder)
	}
	b := filestamp.AppendStat([]byte{whole}, info)
	if info.Mode().Type() == fs.ModeSymlink {
		target, err := fs.Stat(fsys, name)
		if err != nil {
			return ""
		}
		b = filestamp.AppendStat(b, target)
	}
	return string(b)
}

// Inputs returns every name read so far with its stamp; false when one of
// them cannot be trusted, and no Record may be kept.
func (f *FS) Inputs() (Inputs, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.spoiled {
		return Inputs{}, false
	}
	in := Inputs{names: make([]string, 0, len(f.stamps))}
	for name := range f.stamps {
		in.names = append(in.names, name)
	}
	slices.Sort(in.names)
	in.stamps = make([]string, len(in.names))
	for i, name := range in.names {
		in.stamps[i] = f.stamps[name]
	}
	return in, true
}

// Inputs are the names a build read, sorted, with their stamps.
type Inputs struct {
	names, stamps []string
}

// Len is how many names were read.
func (in Inputs) Len() int { return len(in.names) }

func (in Inputs) encode(e *cache.Encoder) {
	e.Int(len(in.names))
	prev := ""
	for i, name := range in.names {
		appendName(e, prev, name)
		e.String(in.stamps[i])
		prev = name
	}
}

func decodeInputs(d *cache.Decoder) Inputs {
	n := d.Count(3)
	in := Inputs{names: make([]string, n), stamps: make([]string, n)}
	prev := ""
	for i := range n {
		in.names[i] = readName(d, prev)
		in.stamps[i] = string(d.Bytes())
		if in.stamps[i] == "" {
			d.Fail("an empty stamp")
		}
		prev = in.names[i]
	}
	return in
}
