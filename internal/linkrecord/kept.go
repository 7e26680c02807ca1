package linkrecord

import (
	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/links"
)

// kind is the cache kind of kept Records.
const kind = "link-record"

// Kept is the Record of the last check of links into one destination,
// kept in the persistent cache under a key of the caller's (the
// destination's): read as soon as it is kept, on a goroutine of its own,
// for the first Check, which comes at the end of a build; put back by Save
// when a check found something the cache does not hold.
type Kept struct {
	cache   *cache.Cache
	key     cache.Key
	reading chan *Record // the cache's Record, until the first Check takes it
	record  *Record      // the last Check's, else the cache's
	saved   *Record      // the Record the cache holds, as far as Kept knows
}

// Keep returns the Record kept in c under key, and starts reading it.
func Keep(c *cache.Cache, key cache.Key) *Kept {
	k := &Kept{cache: c, key: key, reading: make(chan *Record, 1)}
	go func() { k.reading <- read(c, key) }()
	return k
}

// read returns the Record kept in c under key; nil when there is none
// that can be read.
func read(c *cache.Cache, key cache.Key) *Record {
	data, ok := c.Get(kind, key)
	if !ok {
		return nil
	}
	r, err := Decode(data)
	if err != nil {
		return nil
	}
	return r
}

// Check reports the broken links of pages, as the package's Check does,
// against the Record kept, and keeps the new one.
func (k *Kept) Check(site *links.Site, pages []*links.Page) []error {
	if k.reading != nil {
		k.record = <-k.reading
		k.saved, k.reading = k.record, nil
	}
	broken, record := Check(k.record, site, pages)
	k.record = record
	return broken
}

// Save puts the Record of the last Check into the cache, unless it is the
// one there.
func (k *Kept) Save() {
	if k == nil || k.record == nil || k.record == k.saved {
		return
	}
	if k.cache.Put(kind, k.key, k.record.Encode()) == nil {
		k.saved = k.record
	}
}
