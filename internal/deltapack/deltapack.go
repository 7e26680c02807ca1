// Package deltapack keeps one pack of a build's records in the persistent
// cache (internal/cache) as two entries, a base and a delta, so that a
// build that changed a few records writes those, not the whole pack: the
// feed entries of 10,000 pages are 14 MB, of which an edit of one page
// changes one entry.
//
// The base is the entry of the pack's kind and key, its payload a base ID
// (32 random bytes) and then the caller's bytes. The delta is the entry
// of the same kind whose key is the SHA-256 of the base's key and ID: it
// belongs to that base alone, so a base written again, by this build or
// another sharing the cache, leaves every earlier delta unread (Trim
// removes them). What the two payloads hold, and which of two records
// stands, is the caller's: typically the delta's over the base's.
//
// Writing a delta costs what the delta holds; the caller decides when a
// base is due again (too much of it stale, or a delta too large), or
// leaves it to Records (records.go): a pack of payloads by key, whose
// Save writes the records a build used and the base lacks, and a new base
// when more than an eighth of the old one went unused.
package deltapack

import (
	"crypto/rand"
	"crypto/sha256"
	"io"

	"github.com/careersite/careersite/internal/cache"
)

// A Pack is a base and its delta as Open found them.
type Pack struct {
	cache *cache.Cache
	kind  string
	key   cache.Key
	id    [32]byte // the base's ID; zero: there is no base
}

// Open reads the pack of kind and key from c: the caller's bytes of its
// base and of its delta, each nil when there is none (or it is damaged:
// cache.Get). There is no delta without a base.
func Open(c *cache.Cache, kind string, key cache.Key) (p *Pack, base, delta []byte) {
	p = &Pack{cache: c, kind: kind, key: key}
	data, ok := c.Get(kind, key)
	if !ok || len(data) < len(p.id) {
		return p, nil, nil
	}
	copy(p.id[:], data)
	base = data[len(p.id):]
	if delta, ok = c.Get(kind, p.deltaKey()); !ok {
		delta = nil
	}
	return p, base, delta
}

// HasBase reports whether Open found a base.
func (p *Pack) HasBase() bool { return p.id != [32]byte{} }

// deltaKey is the key of the delta of the base whose ID p holds.
func (p *Pack) deltaKey() cache.Key {
	return cache.Key(sha256.Sum256(append(p.key[:], p.id[:]...)))
}

// PutBase writes a new base, with a new ID, of what write writes: the
// delta of the old base is no longer read. Later PutDelta calls write the
// new base's delta.
func (p *Pack) PutBase(write func(io.Writer) error) error {
	var id [32]byte
	rand.Read(id[:])
	err := p.cache.PutStream(p.kind, p.key, func(w io.Writer) error {
		if _, err := w.Write(id[:]); err != nil {
			return err
		}
		return write(w)
	})
	if err == nil {
		p.id = id
	}
	return err
}

// PutDelta writes what write writes as the delta of the base Open found,
// replacing the delta there was. With no base it writes a base instead.
func (p *Pack) PutDelta(write func(io.Writer) error) error {
	if !p.HasBase() {
		return p.PutBase(write)
	}
	return p.cache.PutStream(p.kind, p.deltaKey(), write)
}
