package site

import (
	"io"
	"runtime"
	"sync/atomic"

	"github.com/careersite/careersite/internal/content"
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
	fresh   chan *content.PackWriter       // for pages parsed now: each is checked as it is added
	carried chan *content.PackWriter       // for pages from the old pack, checked when they were added to it
	writers []*content.PackWriter
	changed atomic.Bool  // the new pack differs from the old one
	used    atomic.Int64 // pages given from the old pack
}

func (b *Builder) pagesKey() digest {
	return newHasher().digest(b.version).digest(b.cfgDigest).str(pagesKind).sum()
}

// openPages reads the pack, when there is a cache and none was read yet.
func (b *Builder) openPages() *pagePack {
	if b.cache == nil || b.pagesRead {
		return nil
	}
	b.pagesRead = true
	pk := &pagePack{}
	if data, ok := b.cache.Get(pagesKind, b.cacheKey(b.pagesKey())); ok {
		pk.old, _ = content.ReadPack(data) // a pack that does not decode is none
	}
	n := runtime.GOMAXPROCS(0)
	pk.fresh = make(chan *content.PackWriter, n)
	pk.carried = make(chan *content.PackWriter, n)
	for range n {
		fresh, carried := content.NewPackWriter(true), content.NewPackWriter(false)
		pk.writers = append(pk.writers, fresh, carried)
		pk.fresh <- fresh
		pk.carried <- carried
	}
	return pk
}

// parse returns the page of the file p whose bytes are data: from the old
// pack when it has them, else parsed; and adds it to the new pack when
// it has no problems.
func (pk *pagePack) parse(b *Builder, p string, sum digest, data []byte) (*content.Page, error) {
	if pk == nil {
		return content.ParseFile(p, data, b.cfg)
	}
	if pp := pk.old[p]; pp != nil && pp.Sum == sum {
		if page := pp.Page(data); page != nil {
			// Encoded again now, before the build changes the page:
			// whether a new pack is needed is known only once every
			// file is read (about 16 µs a page, lost when it is not).
			pk.used.Add(1)
			w := <-pk.carried
			w.Add(p, sum, data, page)
			pk.carried <- w
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

// save writes the new pack when it differs from the old one: some file
// was parsed, or some page of the old pack was not used.
func (pk *pagePack) save(b *Builder) {
	if pk == nil {
		return
	}
	b.packedPages = int(pk.used.Load())
	if !pk.changed.Load() && pk.used.Load() == int64(len(pk.old)) {
		return
	}
	b.cache.PutStream(pagesKind, b.cacheKey(b.pagesKey()), func(w io.Writer) error { return content.WritePack(w, pk.writers) })
}
