package socialcard

import (
	"encoding/hex"
	"sync"

	"github.com/careersite/careersite/internal/cache"
)

// A Cache draws each card once: it keeps the PNGs of cards in the
// persistent cache (internal/cache) by their Key, and remembers which
// cards are known to fit, so that a build with the cards in the cache
// draws none and lays none out again. With no persistent cache it
// remembers only which cards fit. A Cache is safe for use by many
// goroutines between Open and Close.
//
// The PNGs are kept in a cache.Store, a few files of records, not a file
// each: a site has a card per page, and a file each cost a cold build of
// 2,000 pages 1,700 files made, renamed and stat'ed in the cache's folder.
type Cache struct {
	cache *cache.Cache // nil: none
	store *cache.Store // open from Open to Close; nil: none
	fit   sync.Map     // the Keys of the cards known to fit
}

// CacheKind is the persistent cache's kind of card PNGs.
const CacheKind = "socialcard"

// NewCache returns a Cache that keeps PNGs in c; nil keeps none.
func NewCache(c *cache.Cache) *Cache {
	return &Cache{cache: c}
}

// Open opens the store of PNGs for a build; Close closes it. Between them
// no Check or PNG may run.
func (cc *Cache) Open() {
	if cc.cache != nil && cc.store == nil {
		cc.store, _ = cc.cache.Store(CacheKind) // none: draw every card
	}
}

// Close closes the store of PNGs after a build. It keeps every card: the
// store's folder goes with the binary's version (cache.Store).
func (cc *Cache) Close() {
	if cc.store != nil {
		cc.store.Close(false)
		cc.store = nil
	}
}

// cacheKey turns Card.Key's hex into a cache key.
func cacheKey(key string) cache.Key {
	var k cache.Key
	hex.Decode(k[:], []byte(key))
	return k
}

// Check returns Card.Layout's error for c, unless c is known to fit:
// checked before by this Cache, or its PNG in the persistent cache.
func (cc *Cache) Check(c Card) error {
	key := c.Key()
	if _, ok := cc.fit.Load(key); ok {
		return nil
	}
	if cc.store != nil && cc.store.Has(cacheKey(key)) {
		cc.fit.Store(key, true)
		return nil
	}
	if _, err := c.Layout(); err != nil {
		return err
	}
	cc.fit.Store(key, true)
	return nil
}

// PNG returns the PNG of c, whose Key is key: from the persistent cache,
// else rendered (drawn reports it) and put there.
func (cc *Cache) PNG(c Card, key string) (data []byte, drawn bool, err error) {
	ck := cacheKey(key)
	if cc.store != nil {
		if data, ok := cc.store.Get(ck); ok {
			return data, false, nil
		}
	}
	data, err = c.Render()
	if err != nil {
		return nil, true, err
	}
	if cc.store != nil {
		cc.store.Put(ck, data)
	}
	return data, true, nil
}
