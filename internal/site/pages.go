package site

import (
	"io"
	"maps"
	"runtime"
	"slices"
	"sync/atomic"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
)

// The pages parsed from the content files are kept in the persistent
// cache as one pack (content.ReadPack), so that a build in a new process
// parses only the files whose bytes changed: parsing front matter is most
// of a build with nothing or little to do. The pack is read at the first
// full read of a Builder, written right after it when anything differs,
// and let go; a session then keeps its sources in memory.
const pagesKind = "pages"

// pagePack is the pack of one full read.
type pagePack struct {
	old     map[string]*content.PackedPage // the pack read; nil: none
	records int                            // the records in it, its pages and those nobody will use again
	fresh   chan *content.PackWriter       // for pages parsed now: each is checked as it is added
	writers []*content.PackWriter
	changed atomic.Bool  // some file was parsed
	used    atomic.Int64 // pages given from the old pack
}

// maxStale is the part of a pack's records that stand for nothing a
// build uses (pages that changed or went since) above which the pack is
// written anew. Below it, a new pack is the old one's streams, as they
// are, with the pages parsed since after them: a build after one page
// changed encodes one page, not every page again.
const maxStale = 8 // one eighth

func (b *Builder) pagesKey() deps.Digest {
	return deps.NewHasher().Digest(b.version).Digest(b.cfgDigest).Str(pagesKind).Sum()
}

// openPages reads the pack, when there is a cache and none was read yet.
func (b *Builder) openPages() *pagePack {
	if b.cache == nil || b.pagesRead {
		return nil
	}
	b.pagesRead = true
	pk := &pagePack{}
	if data, ok := b.cache.Get(pagesKind, b.cacheKey(b.pagesKey())); ok {
		pk.old, pk.records, _ = content.ReadPack(data) // a pack that does not decode is none
	}
	n := runtime.GOMAXPROCS(0)
	pk.fresh = make(chan *content.PackWriter, n)
	for range n {
		w := content.NewPackWriter(true)
		pk.writers = append(pk.writers, w)
		pk.fresh <- w
	}
	return pk
}

// parse returns the page of the file p whose bytes are data: from the old
// pack when it has them, else parsed; and adds it to the new pack when
// it has no problems.
func (pk *pagePack) parse(b *Builder, p string, sum deps.Digest, data []byte) (*content.Page, error) {
	if pk == nil {
		return content.ParseFile(p, data, b.cfg)
	}
	if pp := pk.old[p]; pp != nil && pp.Sum == sum {
		if page := pp.Page(data); page != nil {
			pk.used.Add(1)
			return page, nil
		}
	}
	page, err := content.ParseFile(p, data, b.cfg)
	if page != nil && err == nil {
		w := <-pk.fresh
		w.Add(p, sum, data, page)
		pk.fresh <- w
	}
	pk.changed.Store(true)
	return page, err
}

// save writes the new pack when some file was parsed, or when too many
// records of the old pack stand for nothing (maxStale). The pages taken
// from the old pack are carried into the new one from the old pack's
// bytes, read again: its streams as they are, or, past maxStale, its
// pages decoded again and those in use encoded anew.
func (pk *pagePack) save(b *Builder) {
	if pk == nil {
		return
	}
	used := int(pk.used.Load())
	b.stats.packedPages = used
	few := (pk.records-used)*maxStale <= pk.records // few records stand for nothing
	if !pk.changed.Load() && few {
		return // the old pack holds every page read, and not much besides
	}
	key := b.cacheKey(b.pagesKey())
	old, carried := pk.carry(b, key, few)
	writers := pk.writers
	if carried != nil {
		writers = append([]*content.PackWriter{carried}, writers...)
	}
	b.cache.PutStream(pagesKind, key, func(w io.Writer) error { return content.WritePack(w, old, writers) })
}

// carry returns what of the old pack, stored at key, goes into the new
// one for the pages taken from it: its streams as they are when few of its
// records stand for nothing, else a writer of those pages decoded again.
// Both are nil when no page was taken, or the pack is gone or damaged: the
// next build parses those pages.
func (pk *pagePack) carry(b *Builder, key cache.Key, few bool) ([][]byte, *content.PackWriter) {
	if pk.used.Load() == 0 {
		return nil, nil
	}
	data, ok := b.cache.Get(pagesKind, key)
	if !ok {
		return nil, nil
	}
	if few {
		old, _ := content.PackStreams(data)
		return old, nil
	}
	again, _, err := content.ReadPack(data)
	if err != nil {
		return nil, nil
	}
	w := content.NewPackWriter(false)
	for _, p := range slices.Sorted(maps.Keys(pk.old)) {
		if q := again[p]; q != nil && pk.old[p].Used() && q.Sum == pk.old[p].Sum {
			w.Carry(q)
		}
	}
	return nil, w
}
