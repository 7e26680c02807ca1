package linkrecord

import (
	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/links"
)

// kind is the cache kind of kept Records.
const kind = "link-record"

// Kept is the Record of the last check of links into one destination,
// kept in the persistent cache under a key of the caller's (the
// destination's): read by the first Check, put back by Save when a check
// found something the cache does not hold.
type Kept struct {
	cache  *cache.Cache
	key    cache.Key
	read   bool
	record *Record // the last Check's, else the cache's
	saved  *Record // the Record the cache holds, as far as Kept knows
}

// Keep returns the Record kept in c under key.
func Keep(c *cache.Cache, key cache.Key) *Kept { return &Kept{cache: c, key: key} }

// Check reports the broken links of pages, as the package's Check does,
// against the Record kept, and keeps the new one.
func (k *Kept) Check(site *links.Site, pages []*links.Page) []error {
	if !k.read {
		k.read = true
		if data, ok := k.cache.Get(kind, k.key); ok {
			if r, err := Decode(data); err == nil {
				k.record, k.saved = r, r
			}
		}
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
