// Package filestamp keeps what a build learnt from a file's bytes (their
// digest, an image's header) by the file's stamp — its name, size,
// modification time, mode, on Unix its inode and device, and its change
// time where package syscall gives one (Linux, macOS, the BSDs, Solaris) —
// so that a later build, in another process, that finds the file with the
// same stamp uses what was learnt instead of reading the file again: a
// build with nothing changed stats its photographs rather than reading and
// hashing each one. The change time is what tells a file written in place
// at the same size with its modification time put back (cp -p, touch -r):
// no program can set it. Where the stat has none, such a file keeps its
// stamp and its old value.
//
// Trusting a stamp is how make, git and Go's build cache decide that a
// file did not change. Its weak spot is a file written again, at the same
// size, in the same tick of the file system's clock as the write a build
// read: its stamp would be the same. So a Stamp is kept only for a file
// last modified at least Settle before the Stamp was taken, which the
// caller does after its stat and before reading the bytes (git calls the
// other files "racily clean"): any later write lands in a later tick, so
// gives another stamp. A file modified more recently is read, as is one
// whose stat has no modification time (serve's overlay of unsaved
// buffers, an embedded theme, a test's fstest.MapFS) and a symbolic link,
// which is never followed: the file it points to could be replaced by
// another with the same stamp elsewhere.
//
// The values are kept in a cache.Store of the persistent cache (kind
// "filestamp"), one small record per file and stamp; a file edited again
// and again leaves a record per edit, which goes with the binary's version
// (cache.Store). Without a cache, or outside Open and Close, nothing is
// kept and every Get misses.
package filestamp

import (
	"encoding/binary"
	"io/fs"
	"time"

	"github.com/careersite/careersite/internal/cache"
)

// Settle is how long before a Stamp is taken its file must have been
// last modified for the Stamp to be kept: more than the coarsest clock of
// a common file system (FAT's two seconds; ext4 and APFS keep
// nanoseconds, but their clock ticks more coarsely).
const Settle = 2 * time.Second

// cacheKind is the kind of the store of stamps in the persistent cache.
const cacheKind = "filestamp"

// Stamps keeps values by file stamp in the persistent cache. It is safe
// for use by many goroutines between Open and Close.
type Stamps struct {
	cache *cache.Cache // nil: none
	now   func() time.Time
	store *cache.Store // open from Open to Close; nil: none
}

// New returns Stamps that keep values in c (nil keeps none), and read the
// clock with now to tell whether a file has settled. A nil *Stamps keeps
// nothing, like one without a cache.
func New(c *cache.Cache, now func() time.Time) *Stamps {
	return &Stamps{cache: c, now: now}
}

// Open opens the store for a build; Close closes it. Neither may run
// while a Get or Put does.
func (s *Stamps) Open() {
	if s != nil && s.cache != nil && s.store == nil {
		s.store, _ = s.cache.Store(cacheKind) // none: read every file
	}
}

// Close closes the store after a build.
func (s *Stamps) Close() {
	if s != nil && s.store != nil {
		s.store.Close(false)
		s.store = nil
	}
}

// A Stamp is a regular file's stat as a build took it, for one use
// (kind): the digest of a resource and the header of an image are kept
// apart. The zero Stamp is of a file that must be read.
type Stamp struct {
	key  cache.Key
	size int64
	ok   bool
}

// Size is the file's size in bytes, as it was stat'ed.
func (st Stamp) Size() int64 { return st.size }

// ID is the stamp as a value that equals the ID of another stamp exactly
// when the two are the same stamp of the same kind and name, for a caller
// that keeps stamps with what it learnt itself, in a record of its own
// (pagepack.Cache): ok is false for the zero Stamp, of a file that
// must be read.
func (st Stamp) ID() (id [32]byte, ok bool) { return [32]byte(st.key), st.ok }

// Stamp stats the file name of fsys without following a symbolic link and
// returns its stamp for kind; the zero Stamp when it is not a regular
// file, cannot be stat'ed so, or has not settled (see the package
// comment). Take it before reading the file.
func (s *Stamps) Stamp(kind string, fsys fs.FS, name string) Stamp {
	if s == nil || s.cache == nil {
		return Stamp{}
	}
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return Stamp{}
	}
	info, err := rl.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || !Settled(info, s.now()) {
		return Stamp{}
	}
	b := AppendStat(nil, info)
	return Stamp{key: s.cache.Key(cacheKind, []byte(kind), []byte(name), b), size: info.Size(), ok: true}
}

// Settled reports whether the file info describes was last modified at
// least Settle before now, its stat taken at now or later: only then may
// its stamp be trusted (see the package comment). A stat without a
// modification time never settles.
func Settled(info fs.FileInfo, now time.Time) bool {
	return !info.ModTime().IsZero() && now.Sub(info.ModTime()) >= Settle
}

// ChangedBefore reports whether the file info describes last changed
// before the file probe describes was written, by the clock of the file
// system both are on: then any change to the file after the probe, and so
// after any stat taken later, gives it a later change time, whatever the
// granularity of that clock. A stat of it taken after the probe is then a
// stamp that can be trusted at once, without waiting for Settle (git
// trusts a file whose times are older than its index file's so). It is
// false when the two are on different file systems (their clocks may
// differ), or the system's stat has no change time or device.
func ChangedBefore(info, probe fs.FileInfo) bool {
	if info == nil || probe == nil {
		return false
	}
	d1, ok1 := device(info)
	d2, ok2 := device(probe)
	c1, ok3 := changeTime(info)
	c2, ok4 := changeTime(probe)
	return ok1 && ok2 && ok3 && ok4 && d1 == d2 && c1 < c2
}

// AppendStat appends to b what a stamp holds of info, the stat of a file
// or a folder: its size, modification time and mode, on Unix its inode
// and device, and its change time where package syscall gives one. Two
// stats of one name append the same bytes only when they are the same
// stamp, for a caller that keeps stamps of its own (internal/uptodate).
func AppendStat(b []byte, info fs.FileInfo) []byte {
	b = binary.AppendVarint(b, info.Size())
	b = binary.AppendVarint(b, info.ModTime().UnixNano())
	b = binary.AppendUvarint(b, uint64(info.Mode()))
	b = appendInode(b, info)
	return appendCtime(b, info)
}

// Get returns the value Put with st, if any.
func (s *Stamps) Get(st Stamp) ([]byte, bool) {
	if !st.ok || s == nil || s.store == nil {
		return nil, false
	}
	return s.store.Get(st.key)
}

// Put keeps value with st, when st can be trusted.
func (s *Stamps) Put(st Stamp, value []byte) {
	if st.ok && s != nil && s.store != nil {
		s.store.Put(st.key, value) // one that cannot be written: read the file next time
	}
}
