package site

import (
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/pagepack"
	"github.com/careersite/careersite/internal/shortcode"
)

// The pages parsed from the content files are kept in the persistent
// cache as one pack (pagepack.Cache), so that a build in a new process
// parses only the files whose bytes changed, and reads none whose stamp
// (internal/filestamp) is the one it was packed with: such a page holds
// its body lazily, read only when its conversion is not in the cache
// (content.Page.LoadBody). A body with shortcodes or images is always
// read, as it converts again when what they read changes. The pack is
// read at the first full read of a Builder, written right after it when
// anything differs, and let go; a session then keeps its sources in
// memory.
const pagesKind = "pages"

func (b *Builder) pagesKey() deps.Digest {
	return deps.NewHasher().Digest(b.version).Digest(b.cfgDigest).Str(pagesKind).Sum()
}

// openPages reads the pack, when there is a cache and none was read yet.
func (b *Builder) openPages() *pagepack.Cache {
	if b.cache == nil || b.pagesRead {
		return nil
	}
	b.pagesRead = true
	return pagepack.Open(b.cache, pagesKind, b.cacheKey(b.pagesKey()), b.cfg, b.fsys, plainBody)
}

// plainBody reports whether a body is Markdown alone, without shortcodes
// or images: one that converts the same whatever the templates and the
// images are.
func plainBody(body []byte) bool { return !shortcode.HasTags(body) && !convert.HasImages(body) }

// unchangedPage returns the source of the content file p from the pack,
// without reading the file, when its stamp says it is unchanged since
// it was packed; nil when it must be read. stamp is the ID of its stamp,
// taken now.
func unchangedPage(pk *pagepack.Cache, p string, stamp [32]byte) *source {
	if pk == nil {
		return nil
	}
	page, sum, fm := pk.Unchanged(p, stamp)
	if page == nil {
		return nil
	}
	return &source{path: p, sum: sum, fm: fm, page: page}
}

// pageStamp is the ID of the stamp of the content file p, taken before it
// is read, when there is a pack to keep it in; zero otherwise.
func (b *Builder) pageStamp(pk *pagepack.Cache, p string) [32]byte {
	if pk == nil {
		return [32]byte{}
	}
	id, _ := b.stamps.Stamp(pagesKind, b.fsys, p).ID()
	return id
}

// parsePage returns the page of the file p whose bytes are data, read
// after the stamp of ID stamp was taken: through the pack when there is
// one.
func (b *Builder) parsePage(pk *pagepack.Cache, p string, sum, stamp deps.Digest, data []byte) (*content.Page, error) {
	if pk == nil {
		return content.ParseFile(p, data, b.cfg)
	}
	return pk.Parse(p, sum, stamp, data)
}

// savePages writes the pack of a full read, when it was opened.
func (b *Builder) savePages(pk *pagepack.Cache) {
	if pk != nil {
		b.stats.packedPages = pk.Save()
	}
}
