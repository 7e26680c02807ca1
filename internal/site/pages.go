package site

import (
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
)

// The pages parsed from the content files are kept in the persistent
// cache as one pack (content.PackCache), so that a build in a new process
// parses only the files whose bytes changed. The pack is read at the
// first full read of a Builder, written right after it when anything
// differs, and let go; a session then keeps its sources in memory.
const pagesKind = "pages"

func (b *Builder) pagesKey() deps.Digest {
	return deps.NewHasher().Digest(b.version).Digest(b.cfgDigest).Str(pagesKind).Sum()
}

// openPages reads the pack, when there is a cache and none was read yet.
func (b *Builder) openPages() *content.PackCache {
	if b.cache == nil || b.pagesRead {
		return nil
	}
	b.pagesRead = true
	return content.OpenPackCache(b.cache, pagesKind, b.cacheKey(b.pagesKey()), b.cfg)
}

// parsePage returns the page of the file p whose bytes are data: through
// the pack when there is one.
func (b *Builder) parsePage(pk *content.PackCache, p string, sum deps.Digest, data []byte) (*content.Page, error) {
	if pk == nil {
		return content.ParseFile(p, data, b.cfg)
	}
	return pk.Parse(p, sum, data)
}

// savePages writes the pack of a full read, when it was opened.
func (b *Builder) savePages(pk *content.PackCache) {
	if pk != nil {
		b.stats.packedPages = pk.Save()
	}
}
