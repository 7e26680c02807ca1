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
// goroutines.
type Cache struct {
	store *cache.Cache // nil: none
	fit   sync.Map     // the Keys of the cards known to fit
}

// CacheKind is the persistent cache's kind of card PNGs.
const CacheKind = "socialcard"

// NewCache returns a Cache that keeps PNGs in store; nil keeps none.
func NewCache(store *cache.Cache) *Cache {
	return &Cache{store: store}
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
	if cc.store != nil && cc.store.Has(CacheKind, cacheKey(key)) {
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
		if data, ok := cc.store.Get(CacheKind, ck); ok {
			return data, false, nil
		}
	}
	data, err = c.Render()
	if err != nil {
		return nil, true, err
	}
	if cc.store != nil {
		cc.store.Put(CacheKind, ck, data)
	}
	return data, true, nil
}
