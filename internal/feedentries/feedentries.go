// Package feedentries keeps the Atom entries of pages (generate.Entry)
// from build to build: a feed of every page is made again whenever one
// page changes, and its entries need not be. An entry is made once for as
// long as what it is made from is unchanged, found by its key
// (deps.Keyer.EntryKey): in memory, as a cache.Memo that keeps what the
// last successful build and the current one used (Rotate after each
// success), and, with a persistent cache, on disk as one pack of kind
// Kind (generate.EncodeEntries), read when the first entry is asked for
// and written once per Entries, after its first successful build, when
// that build made an entry the pack did not hold. A session (watch,
// serve) keeps its entries in memory after that. A pack that does not
// decode is ignored: every entry is made again.
//
// The entries are the same bytes whichever way they came: a key covers
// everything generate.Entry reads.
package feedentries

import (
	"sync"
	"sync/atomic"

	"github.com/careersite/careersite/internal/cache"
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
	loaded sync.Once   // the pack was read
	saved  bool        // the pack was written, or there was nothing to write: once per Entries
	made   atomic.Bool // entries were made that the pack does not hold
}

// Kind is the kind of the pack in the persistent cache.
const Kind = "feed-entries"

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
	data, err := generate.Entry(s, p)
	if err == nil {
		e.memo.Put(key, data)
		e.made.Store(true)
	}
	return data, err
}

// Rotate forgets the entries the build that just succeeded did not use
// (cache.Memo.Rotate).
func (e *Entries) Rotate() { e.memo.Rotate() }

// Save writes the pack of the entries the build that just succeeded
// used, after Rotate, when that build made new ones; only the first call
// of an Entries does anything.
func (e *Entries) Save() {
	if e.saved {
		return
	}
	e.saved = true
	if e.cache == nil || !e.made.Swap(false) {
		return
	}
	e.cache.Put(Kind, cache.Key(e.key()), generate.EncodeEntries(e.memo.LastUsed()))
}

func (e *Entries) key() deps.Digest {
	return deps.NewHasher().Digest(e.version).Str(Kind).Sum()
}

// load reads the pack, if there is one.
func (e *Entries) load() {
	if e.cache == nil {
		return
	}
	data, ok := e.cache.Get(Kind, cache.Key(e.key()))
	if !ok {
		return
	}
	entries, err := generate.DecodeEntries(data)
	if err != nil {
		return
	}
	for key, data := range entries {
		e.memo.Put(key, data)
	}
}
