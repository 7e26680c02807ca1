package uptodate

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
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
	clock func() time.Time // read before a stat: a name must have settled by then

	probeDir  string
	probeOnce sync.Once
	probe     fs.FileInfo // a file written before the first stat (filestamp.ChangedBefore); nil: none

	mu      sync.Mutex
	noted   map[string]noted // by name
	spoiled bool             // a name whose stamp cannot be trusted was read
}

// noted is a name's stamp, and its modification time, by which Inputs
// orders the names: the files edited last are the likeliest to be edited
// again, and a record that is no longer up to date is told so by its
// first stats.
type noted struct {
	stamp   string
	modTime int64 // Unix nanoseconds
}

// NewFS returns disk noting the names read, reading the time from clock
// (time.Now; the clock, not the time a build publishes at). Before it
// stats the first name, it writes a file in the folder probeDir, on the
// file system of the site if it can be, takes its stat and removes it: a
// name last changed before it, on the same file system, is trusted at
// once (filestamp.ChangedBefore), however recently it was modified. With
// probeDir "", or when the file cannot be written, only settled names
// are trusted.
func NewFS(disk Disk, clock func() time.Time, probeDir string) *FS {
	return &FS{disk: disk, clock: clock, probeDir: probeDir, noted: map[string]noted{}}
}

// takeProbe writes, stats and removes the probe file, once.
func (f *FS) takeProbe() {
	f.probeOnce.Do(func() {
		if f.probeDir == "" {
			return
		}
		file, err := os.CreateTemp(f.probeDir, "probe-*")
		if err != nil {
			return
		}
		defer os.Remove(file.Name())
		info, err := file.Stat()
		if file.Close() == nil && err == nil {
			f.probe = info
		}
	})
}

// trusted reports whether the stat info of a name, taken at now or later,
// is a stamp that can be trusted.
func (f *FS) trusted(info fs.FileInfo, now time.Time) bool {
	return filestamp.Settled(info, now) || filestamp.ChangedBefore(info, f.probe)
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

// Lstat is the stat the stamp is made of, the first time.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	if f.seen(name, folder) {
		return f.disk.Lstat(name)
	}
	f.takeProbe()
	now := f.clock()
	info, err := f.disk.Lstat(name)
	f.keep(name, folder, now, info, err)
	return info, err
}

// note stamps name the first time it is asked for as much as want
// (folder asks less than whole of a folder, and the same of anything
// else).
func (f *FS) note(name string, want byte) {
	if f.seen(name, want) {
		return
	}
	f.takeProbe()
	now := f.clock()
	info, err := f.disk.Lstat(name)
	f.keep(name, want, now, info, err)
}

// seen reports whether name is stamped for as much as want already.
func (f *FS) seen(name string, want byte) bool {
	f.mu.Lock()
	had, seen := f.noted[name]
	f.mu.Unlock()
	return seen && (had.stamp[0] != folder || want == folder)
}

// keep stamps name for want from its lstat, info and err, taken at now
// or later.
func (f *FS) keep(name string, want byte, now time.Time, info fs.FileInfo, err error) {
	n, ok := f.stamp(name, want, now, info, err)
	f.mu.Lock()
	defer f.mu.Unlock()
	switch old, seen := f.noted[name]; {
	case !ok:
		f.spoiled = true
	case seen && old.stamp[0] == n.stamp[0] && old.stamp != n.stamp:
		f.spoiled = true // it changed while the build ran
	case !seen || old.stamp[0] == folder:
		f.noted[name] = n
	}
}

// stamp is the stamp of name for want from its lstat, info and err, taken
// at now or later; false when it cannot be trusted.
func (f *FS) stamp(name string, want byte, now time.Time, info fs.FileInfo, err error) (noted, bool) {
	if errors.Is(err, fs.ErrNotExist) {
		return noted{stamp: string(absent)}, true
	}
	if err != nil || !f.trusted(info, now) {
		return noted{}, false
	}
	n := noted{stamp: string(folder), modTime: info.ModTime().UnixNano()}
	if want == folder && info.IsDir() {
		return n, true
	}
	b := filestamp.AppendStat([]byte{whole}, info)
	if info.Mode().Type() == fs.ModeSymlink {
		target, err := f.disk.Stat(name)
		if err != nil || !f.trusted(target, now) {
			return noted{}, false
		}
		b = filestamp.AppendStat(b, target)
		n.modTime = max(n.modTime, target.ModTime().UnixNano())
	}
	n.stamp = string(b)
	return n, true
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
	in := Inputs{names: make([]string, 0, len(f.noted))}
	for name := range f.noted {
		in.names = append(in.names, name)
	}
	slices.SortFunc(in.names, func(a, b string) int {
		return cmp.Or(cmp.Compare(f.noted[b].modTime, f.noted[a].modTime), strings.Compare(a, b))
	})
	in.stamps = make([]string, len(in.names))
	for i, name := range in.names {
		in.stamps[i] = f.noted[name].stamp
	}
	return in, true
}

// Inputs are the names a build read with their stamps, the last modified
// first (noted).
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
