// Package feedentries keeps the Atom entries of pages (generate.Entry)
// from build to build: a feed of every page is made again whenever one
// page changes, and its entries need not be. An entry is made once for as
// long as what it is made from is unchanged, found by its key
// (deps.Keyer.EntryKey): in memory, as a cache.Memo that keeps what the
// last successful build and the current one used (Rotate after each
// success), and, with a persistent cache, on disk as a pack of kind Kind
// kept as a base and a delta (internal/deltapack), each of records of
// generate.EncodeEntries: read when the first entry is asked for, and
// written once per Entries, after its first successful build. That build
// writes a delta of the entries it used that the base does not hold (an
// edit of one page writes one entry), when it differs from the delta it
// read, and a base of every entry it used instead when more than an
// eighth of the base went unused or the delta would hold more than an
// eighth of the base. A session (watch, serve) keeps its entries in
// memory after that. A base or a delta that does not decode is ignored:
// its entries are made again.
//
// The entries are the same bytes whichever way they came: a key covers
// everything generate.Entry reads.
package feedentries

import (
	"io"
	"sync"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deltapack"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
)

// Entries are the feed entries of a Builder, by key. Entry may be called
// from many goroutines at once; Rotate and Save from one, between builds.
type Entries struct {
	cache   *cache.Cache // nil: none on disk
	version deps.Digest  // of the binary, part of the pack's key

	memo   cache.Memo[deps.Digest, []byte]
	loaded sync.Once // the pack was read
	saved  bool      // the pack was written, or there was nothing to write: once per Entries

	// The pack as read: read only while builds run, until Save.
	pack        *deltapack.Pack
	base, delta map[deps.Digest][]byte
}

// Kind is the kind of the pack in the persistent cache.
const Kind = "feed-entries"

// maxStale is the part of the base that may go unused, and the size of
// the delta against the base, above which the base is written anew: one
// eighth.
const maxStale = 8

// New returns the entries of a Builder, kept on disk in c (nil: none)
// for the binary of version.
func New(c *cache.Cache, version deps.Digest) *Entries {
	return &Entries{cache: c, version: version}
}

// Entry returns the entry of p in the feeds of s, whose key is key: kept,
// else made (generate.Entry) and kept.
func (e *Entries) Entry(s *model.Site, p *model.Page, key deps.Digest) ([]byte, error) {
	e.loaded.Do(e.load)
	if data, ok := e.memo.Get(key); ok {
		return data, nil
	}
	data, ok := e.delta[key]
	if !ok {
		data, ok = e.base[key]
	}
	if !ok {
		var err error
		if data, err = generate.Entry(s, p); err != nil {
			return nil, err
		}
	}
	e.memo.Put(key, data)
	return data, nil
}

// Rotate forgets the entries the build that just succeeded did not use
// (cache.Memo.Rotate).
func (e *Entries) Rotate() { e.memo.Rotate() }

// Save writes the entries the build that just succeeded used, after
// Rotate, as a delta or a base (see the package comment); only the first
// call of an Entries does anything.
func (e *Entries) Save() {
	if e.saved {
		return
	}
	e.saved = true
	if e.cache == nil {
		return
	}
	e.loaded.Do(e.load) // a build without feeds
	used := e.memo.LastUsed()
	fresh := map[deps.Digest][]byte{} // used, and not in the base
	for key, data := range used {
		if _, ok := e.base[key]; !ok {
			fresh[key] = data
		}
	}
	stale := len(e.base) - (len(used) - len(fresh))
	switch {
	case !e.pack.HasBase() && len(used) == 0:
		// Nothing to keep.
	case !e.pack.HasBase() || stale*maxStale > len(e.base) || len(fresh)*maxStale > len(e.base):
		e.pack.PutBase(encoded(used))
	case !sameKeys(fresh, e.delta):
		e.pack.PutDelta(encoded(fresh))
	}
	e.base, e.delta = nil, nil
}

// encoded writes entries as generate.EncodeEntries does.
func encoded(entries map[deps.Digest][]byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(generate.EncodeEntries(entries))
		return err
	}
}

// sameKeys reports whether a and b hold the same keys.
func sameKeys(a, b map[deps.Digest][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for key := range a {
		if _, ok := b[key]; !ok {
			return false
		}
	}
	return true
}

func (e *Entries) key() deps.Digest {
	return deps.NewHasher().Digest(e.version).Str(Kind).Sum()
}

// load reads the pack, if there is one; a delta without its base is none.
func (e *Entries) load() {
	if e.cache == nil {
		return
	}
	var base, delta []byte
	e.pack, base, delta = deltapack.Open(e.cache, Kind, cache.Key(e.key()))
	if base == nil {
		return
	}
	if e.base, _ = generate.DecodeEntries(base); e.base != nil && delta != nil {
		e.delta, _ = generate.DecodeEntries(delta)
	}
}
