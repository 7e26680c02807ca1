package pagepack

import (
	"io"
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"sync/atomic"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deltapack"
)

// A Cache is the pack of the pages parsed in one full read of content/
// (Read, Write), kept in the persistent cache under one kind and key as a
// base and a delta (internal/deltapack), so that a build in a new process
// parses only the files whose bytes changed: parsing front matter is most
// of a build with nothing or little to do. The pack is read when the
// Cache is opened; Unchanged takes a page from it without reading its
// file when the file's stamp is the one it was packed with, its body held
// lazily (held.go); Parse takes a page from it when the file's bytes are
// those it was parsed from, else parses the file, and adds the page to
// the new pack when it is new or its file's stamp changed; Save writes
// the new pack when anything differs, as a delta when it can. Unchanged
// and Parse may be called from any number of goroutines at once.
type Cache struct {
	cache *cache.Cache
	kind  string
	key   cache.Key
	cfg   *config.Config
	fsys  fs.FS
	lazy  func(body []byte) bool // whether a page with body may hold it lazily

	pack     *deltapack.Pack
	old      map[string]*Packed // the pack read, its base and delta; nil: none
	records  int                // the records in it, its pages and those nobody will use again
	baseSize int                // the bytes of its base
	delta    [][]byte           // the streams of its delta
	fresh    chan *Writer       // for pages parsed now
	writers  []*Writer
	changed  atomic.Bool  // some file was parsed
	used     atomic.Int64 // pages given from the old pack
}

// maxStale is the part of a pack's records that stand for nothing a
// build uses (pages that changed or went since) above which the pack is
// written anew. Below it, a new pack is the old one's streams, as they
// are, with the pages parsed since after them: a build after one page
// changed encodes one page, not every page again. It is also the size
// of a delta against its base's above which the two are written as one
// new base.
const maxStale = 8 // one eighth

// Open reads the pack stored in c under kind and key, whose pages were
// parsed with cfg from the files of fsys: key must tell apart every
// configuration and binary that parses otherwise. lazy reports whether a
// page with a body may hold it lazily, as its consumers read it only when
// they must (content.Page.LoadBody): the others are read from their files
// in every build.
func Open(c *cache.Cache, kind string, key cache.Key, cfg *config.Config, fsys fs.FS, lazy func(body []byte) bool) *Cache {
	pk := &Cache{cache: c, kind: kind, key: key, cfg: cfg, fsys: fsys, lazy: lazy}
	var base, delta []byte
	pk.pack, base, delta = deltapack.Open(c, kind, key)
	if base != nil {
		var err error
		if pk.old, pk.records, err = Read(packs(base, delta)...); err != nil {
			pk.old, pk.records = nil, 0 // a pack that does not decode is none
		} else {
			pk.baseSize = len(base)
			if delta != nil {
				pk.delta, _ = Streams(delta) // Read has split it already
			}
		}
	}
	n := runtime.GOMAXPROCS(0)
	pk.fresh = make(chan *Writer, n)
	for range n {
		w := NewWriter()
		pk.writers = append(pk.writers, w)
		pk.fresh <- w
	}
	return pk
}

// Unchanged returns the page of the file p from the old pack, without
// reading the file, when stamp, the ID of the stamp the file has now
// (filestamp.Stamp.ID), is the one the page was packed with: its body
// held lazily (content.Page.LoadBody), with the SHA-256 of the file's bytes and
// of the bytes before its body (FrontMatterBytes) as they were packed.
// The page is nil when the file must be read (Parse).
func (pk *Cache) Unchanged(p string, stamp [32]byte) (page *content.Page, sum, front [32]byte) {
	pp := pk.old[p]
	if pp == nil || stamp == ([32]byte{}) || pp.Stamp() != stamp {
		return nil, sum, front
	}
	page, ok := pp.Held(pk.fsys, pk.cfg)
	if !ok {
		return nil, sum, front
	}
	pk.used.Add(1)
	return page, pp.Sum, pp.Front()
}

// Parse returns the page of the file p whose bytes are data, read after
// its stamp was taken (stamp: its ID, zero when it has none), and their
// digests: from the old pack when it has them, else parsed (ParseFile).
// It adds the page to the new pack when it was parsed without problems,
// or its stamp is not the one it was packed with.
func (pk *Cache) Parse(p string, stamp [32]byte, data []byte) (*content.Page, content.FileDigests, error) {
	var d content.FileDigests
	pp := pk.old[p]
	if pp != nil {
		if d = content.DigestFile(data, pp.BodyLine()); d.Sum == pp.Sum {
			if page := pp.Page(data); page != nil {
				pk.used.Add(1)
				if st := pk.stampOf(stamp, page); st != pp.Stamp() {
					pk.add(p, d, st, data, page) // touched, or settled since
				}
				return page, d, nil
			}
		}
	}
	page, err := content.ParseFile(p, data, pk.cfg)
	if pp == nil || content.BodyLineOf(page) != pp.BodyLine() {
		d = content.DigestFile(data, content.BodyLineOf(page))
	}
	if page != nil && err == nil {
		pk.add(p, d, pk.stampOf(stamp, page), data, page)
	}
	pk.changed.Store(true)
	return page, d, err
}

// add adds a page to the new pack.
func (pk *Cache) add(p string, d content.FileDigests, stamp [32]byte, data []byte, page *content.Page) {
	w := <-pk.fresh
	w.Add(p, d, stamp, data, page)
	pk.fresh <- w
	pk.changed.Store(true)
}

// stampOf is the stamp page is packed with: none when its body may not be
// held lazily.
func (pk *Cache) stampOf(stamp [32]byte, page *content.Page) [32]byte {
	if !pk.lazy(page.Body) {
		return [32]byte{}
	}
	return stamp
}

// Save writes the new pack when some page was added to it (parsed, or
// its stamp changed), or when too many records of the old pack stand for
// nothing (maxStale), and returns how many pages were taken from the old
// pack. While few of its records stand for nothing, and its delta with
// the pages added stays under an eighth of its base's bytes, the new
// pack is the old base with a new delta: the old delta's streams as they
// are, then those of the pages added (internal/deltapack): a build after
// one page changed writes that page. Otherwise the pages taken from the
// old pack are carried into a new base from the old pack's bytes, read
// again: its streams as they are, or, past maxStale, its pages decoded
// again and those in use encoded anew.
func (pk *Cache) Save() (used int) {
	used = int(pk.used.Load())
	few := (pk.records-used)*maxStale <= pk.records // few records stand for nothing
	if !pk.changed.Load() && few {
		return used // the old pack holds every page read, and not much besides
	}
	if few && pk.old != nil && (pk.deltaSize()+pk.addedSize())*maxStale <= pk.baseSize {
		pk.pack.PutDelta(func(w io.Writer) error { return Write(w, pk.delta, pk.writers) })
		return used
	}
	old, carried := pk.carry(few)
	writers := pk.writers
	if carried != nil {
		writers = append([]*Writer{carried}, writers...)
	}
	pk.pack.PutBase(func(w io.Writer) error { return Write(w, old, writers) })
	return used
}

// packs is the packs of a base and its delta, which may be nil.
func packs(base, delta []byte) [][]byte {
	if delta == nil {
		return [][]byte{base}
	}
	return [][]byte{base, delta}
}

// deltaSize is the bytes of the old pack's delta.
func (pk *Cache) deltaSize() int {
	n := 0
	for _, s := range pk.delta {
		n += len(s)
	}
	return n
}

// addedSize is the bytes of the pages added to the new pack.
func (pk *Cache) addedSize() int {
	n := 0
	for _, w := range pk.writers {
		n += len(w.buf)
	}
	return n
}

// carry returns what of the old pack goes into a new base for the pages
// taken from it: its streams, of its base and its delta, as they are
// when few of its records stand for nothing, else a writer of those
// pages decoded again. Both are nil when no page was taken, or the pack
// is gone or damaged: the next build parses those pages.
func (pk *Cache) carry(few bool) ([][]byte, *Writer) {
	if pk.used.Load() == 0 {
		return nil, nil
	}
	_, base, delta := deltapack.Open(pk.cache, pk.kind, pk.key)
	if base == nil {
		return nil, nil
	}
	if few {
		old, err := Streams(base)
		if err != nil {
			return nil, nil
		}
		if delta != nil {
			more, err := Streams(delta)
			if err != nil {
				return nil, nil
			}
			old = append(old, more...)
		}
		return old, nil
	}
	again, _, err := Read(packs(base, delta)...)
	if err != nil {
		return nil, nil
	}
	w := NewWriter()
	for _, p := range slices.Sorted(maps.Keys(pk.old)) {
		if q := again[p]; q != nil && pk.old[p].Used() && q.Sum == pk.old[p].Sum {
			w.Carry(q)
		}
	}
	return nil, w
}
