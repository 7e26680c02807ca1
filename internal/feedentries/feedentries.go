// Package feedentries keeps the Atom entries of pages (generate.Entry)
// from build to build: a feed of every page is made again whenever one
// page changes, and its entries need not be. An entry is made once for as
// long as what it is made from is unchanged, found by its key
// (deps.Keyer.EntryKey): in memory, as a cache.Memo that keeps what the
// last successful build and the current one used (Rotate after each
// success), and, with a persistent cache, on disk as a pack of kind Kind
// kept as a base and a delta of records by key (deltapack.Records): read
// when the first entry is asked for, and written once per Entries, after
// its first successful build. That build writes a delta of the entries it
// used that the base does not hold (an edit of one page writes one
// entry), when it differs from the delta it read, and a base of every
// entry it used instead when more than an eighth of the base went unused
// or the delta would hold more than an eighth of the base. A session
// (watch, serve) keeps its entries in memory after that. A base or a
// delta that does not decode is ignored: its entries are made again.
//
// The entries are the same bytes whichever way they came: a key covers
// everything generate.Entry reads.
package feedentries

import (
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

	// The pack as read: read only while builds run, until Save; nil
	// without a cache.
	pack *deltapack.Records
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
	data, ok := e.pack.Get(cache.Key(key))
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
	used := map[cache.Key][]byte{}
	for key, data := range e.memo.LastUsed() {
		used[cache.Key(key)] = data
	}
	e.pack.Save(used)
	e.pack = nil
}

func (e *Entries) key() deps.Digest {
	return deps.NewHasher().Digest(e.version).Str(Kind).Sum()
}

// load reads the pack, if there is one.
func (e *Entries) load() {
	if e.cache != nil {
		e.pack = deltapack.OpenRecords(e.cache, Kind, cache.Key(e.key()))
	}
}
