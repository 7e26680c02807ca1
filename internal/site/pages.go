package site

import (
	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/pagesource"
)

// The pages parsed from the content files are kept in the persistent
// cache as one pack (internal/pagesource), read at the first full read of
// a Builder, written right after it when anything differs, and let go; a
// session then keeps its sources in memory.

func (b *Builder) pagesKey() cache.Key {
	return b.cacheKey(deps.NewHasher().Digest(b.version).Digest(b.cfgDigest).Str(pagesource.PackKind).Sum())
}

// pageReader returns a reader of the content files, with the pack when
// the read is full, there is a cache and no pack was read yet: packed
// reports that it has one.
func (b *Builder) pageReader(full bool) (r *pagesource.Reader, packed bool) {
	var c *cache.Cache
	if full && b.cache != nil && !b.pagesRead {
		b.pagesRead = true
		c = b.cache
	}
	return pagesource.NewReader(b.fsys, b.cfg, c, b.pagesKey(), b.stamps), c != nil
}
