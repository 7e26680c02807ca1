package content

import (
	"io"
	"maps"
	"runtime"
	"slices"
	"sync/atomic"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
)

// A PackCache is the pack of the pages parsed in one full read of
// content/ (ReadPack, WritePack), kept in the persistent cache under one
// kind and key, so that a build in a new process parses only the files
// whose bytes changed: parsing front matter is most of a build with
// nothing or little to do. The pack is read when the PackCache is opened;
// Parse takes a page from it when the file's bytes are those it was
// parsed from, else parses the file and adds the page to the new pack;
// Save writes the new pack when anything differs. Parse may be called from
// any number of goroutines at once.
type PackCache struct {
	cache *cache.Cache
	kind  string
	key   cache.Key
	cfg   *config.Config

	old     map[string]*PackedPage // the pack read; nil: none
	records int                    // the records in it, its pages and those nobody will use again
	fresh   chan *PackWriter       // for pages parsed now: each is checked as it is added
	writers []*PackWriter
	changed atomic.Bool  // some file was parsed
	used    atomic.Int64 // pages given from the old pack
}

// maxStale is the part of a pack's records that stand for nothing a
// build uses (pages that changed or went since) above which the pack is
// written anew. Below it, a new pack is the old one's streams, as they
// are, with the pages parsed since after them: a build after one page
// changed encodes one page, not every page again.
const maxStale = 8 // one eighth

// OpenPackCache reads the pack stored in c under kind and key, whose pages
// were parsed with cfg: key must tell apart every configuration and
// binary that parses otherwise.
func OpenPackCache(c *cache.Cache, kind string, key cache.Key, cfg *config.Config) *PackCache {
	pk := &PackCache{cache: c, kind: kind, key: key, cfg: cfg}
	if data, ok := c.Get(kind, key); ok {
		pk.old, pk.records, _ = ReadPack(data) // a pack that does not decode is none
	}
	n := runtime.GOMAXPROCS(0)
	pk.fresh = make(chan *PackWriter, n)
	for range n {
		w := NewPackWriter(true)
		pk.writers = append(pk.writers, w)
		pk.fresh <- w
	}
	return pk
}

// Parse returns the page of the file p whose bytes are data, of digest
// sum: from the old pack when it has them, else parsed (ParseFile); and
// adds it to the new pack when it has no problems.
func (pk *PackCache) Parse(p string, sum [32]byte, data []byte) (*Page, error) {
	if pp := pk.old[p]; pp != nil && pp.Sum == sum {
		if page := pp.Page(data); page != nil {
			pk.used.Add(1)
			return page, nil
		}
	}
	page, err := ParseFile(p, data, pk.cfg)
	if page != nil && err == nil {
		w := <-pk.fresh
		w.Add(p, sum, data, page)
		pk.fresh <- w
	}
	pk.changed.Store(true)
	return page, err
}

// Save writes the new pack when some file was parsed, or when too many
// records of the old pack stand for nothing (maxStale), and returns how
// many pages were taken from the old pack. Those pages are carried into
// the new pack from the old pack's bytes, read again: its streams as they
// are, or, past maxStale, its pages decoded again and those in use
// encoded anew.
func (pk *PackCache) Save() (used int) {
	used = int(pk.used.Load())
	few := (pk.records-used)*maxStale <= pk.records // few records stand for nothing
	if !pk.changed.Load() && few {
		return used // the old pack holds every page read, and not much besides
	}
	old, carried := pk.carry(few)
	writers := pk.writers
	if carried != nil {
		writers = append([]*PackWriter{carried}, writers...)
	}
	pk.cache.PutStream(pk.kind, pk.key, func(w io.Writer) error { return WritePack(w, old, writers) })
	return used
}

// carry returns what of the old pack goes into the new one for the pages
// taken from it: its streams as they are when few of its records stand
// for nothing, else a writer of those pages decoded again. Both are nil
// when no page was taken, or the pack is gone or damaged: the next build
// parses those pages.
func (pk *PackCache) carry(few bool) ([][]byte, *PackWriter) {
	if pk.used.Load() == 0 {
		return nil, nil
	}
	data, ok := pk.cache.Get(pk.kind, pk.key)
	if !ok {
		return nil, nil
	}
	if few {
		old, _ := PackStreams(data)
		return old, nil
	}
	again, _, err := ReadPack(data)
	if err != nil {
		return nil, nil
	}
	w := NewPackWriter(false)
	for _, p := range slices.Sorted(maps.Keys(pk.old)) {
		if q := again[p]; q != nil && pk.old[p].Used() && q.Sum == pk.old[p].Sum {
			w.Carry(q)
		}
	}
	return nil, w
}
