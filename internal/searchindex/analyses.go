package searchindex

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/search"
)

// Analyses keeps the search analyses of pages for the next index (see
// the package comment). One made for a single build keeps none once its
// index is made.
type Analyses struct {
	cache   *cache.Cache // nil: none on disk
	version deps.Digest
	session bool // keep them in memory for the next index

	indexes int                              // the times indexes were made with them (Files)
	known   map[deps.Digest]*search.Analysis // by key: the pack's, then the last index's
	made    int                              // how many pages the last indexes analysed anew
	packed  int                              // how many analyses the pack held

	// The pack as it is read for the first indexes, while their
	// documents are taken and keyed (prefetch); nil: not asked for.
	reading chan map[deps.Digest]*search.Analysis
}

// Kind is the kind of the pack in the persistent cache.
const Kind = "search-analyses"

// New returns the analyses of a build, or of a session when session is
// set, kept on disk in c (nil: none) for the binary of version.
func New(c *cache.Cache, version deps.Digest, session bool) *Analyses {
	return &Analyses{cache: c, version: version, session: session}
}

// Stats is what an Analyses did, for tests and reports.
type Stats struct {
	Indexes int // the times indexes were made with it (Files)
	Made    int // the pages the last indexes analysed anew
	Kept    int // the analyses it holds for the next indexes
}

// Stats returns what an did so far.
func (an *Analyses) Stats() Stats {
	return Stats{Indexes: an.indexes, Made: an.made, Kept: len(an.known)}
}

// key is the digest of what the analysis of page p, indexed as doc d
// with options opts, reads, and of the binary's version: the rules of its
// language (opts.Plain), the title, the skills' names, the
// description, the label of its kind, the headings' text, the body text
// from its front matter (a job's responsibilities …), and the body,
// which the index reads (Doc.ReadBody) as p.Content gives it: the HTML of
// its conversion, whose digest (ContentDigest, which also covers the
// table of contents and the headings) the conversion holds. A page
// without a conversion has no body.
func (an *Analyses) key(p *model.Page, d *search.Doc, opts search.Options) deps.Digest {
	h := deps.BorrowHasher()
	defer h.GiveBack()
	h.Digest(an.version).Str(Kind).Bool(opts.Plain).Str(d.Title).Int(int64(len(d.Skills)))
	for _, s := range d.Skills {
		h.Str(s.Name)
	}
	h.Str(d.Description).Str(opts.KindLabels[d.Kind]).Strs(d.Headings).Strs(d.BodyText)
	if c := convert.Of(p); c != nil && c.Result() != nil {
		h.Bool(true).Digest(c.ContentDigest())
	} else {
		h.Bool(false)
	}
	return h.Sum()
}

// analyze sets the Analysis of every doc of indexes: the one an knows by
// its key, else one made now under its index's rules; and remembers them
// for the next indexes.
func (an *Analyses) analyze(indexes []*index) error {
	if an.indexes == 0 {
		an.prefetch()
		an.known, an.reading = <-an.reading, nil
		an.packed = len(an.known)
	}
	made := 0
	for _, ix := range indexes {
		for i, k := range ix.keys {
			if ix.docs[i].Analysis = an.known[k]; ix.docs[i].Analysis == nil {
				made++
			}
		}
		all, err := search.Analyze(ix.docs, ix.opts)
		if err != nil {
			return err
		}
		for i := range ix.docs {
			ix.docs[i].Analysis = all[i]
		}
	}
	an.remember(indexes, made)
	return nil
}

// remember remembers the analyses of the docs of indexes, every one set,
// after indexes that analysed made of them anew, and writes the pack after
// the first.
func (an *Analyses) remember(indexes []*index, made int) {
	an.made = made
	an.indexes++
	pages := 0
	for _, ix := range indexes {
		pages += len(ix.keys)
	}
	// Writing the pack again costs as much as analysing a sixty-fourth of
	// the pages: a pack that misses fewer than that is left as it is,
	// and the next indexes analyse them again.
	save := an.indexes == 1 && made > 0 && an.cache != nil && (an.packed == 0 || made*64 >= pages)
	an.known = nil
	if !save && !an.session {
		return
	}
	known := make(map[deps.Digest]*search.Analysis, pages)
	for _, ix := range indexes {
		for i, k := range ix.keys {
			known[k] = ix.docs[i].Analysis
		}
	}
	if save {
		an.save(known)
	}
	if an.session {
		an.known = known
	}
}

// PackKey is the cache key of the pack: one per binary.
func (an *Analyses) PackKey() cache.Key {
	return cache.Key(deps.NewHasher().Digest(an.version).Str(Kind).Sum())
}

// save writes the pack: the number of analyses, their keys in order, and
// then the analyses in that order (search.EncodeAnalyses).
func (an *Analyses) save(known map[deps.Digest]*search.Analysis) {
	keys := slices.SortedFunc(maps.Keys(known), func(a, b deps.Digest) int { return bytes.Compare(a[:], b[:]) })
	list := make([]*search.Analysis, len(keys))
	var e cache.Encoder
	e.Int(len(keys))
	for i, k := range keys {
		e.Digest(k)
		list[i] = known[k]
	}
	an.cache.PutStream(Kind, an.PackKey(), func(w io.Writer) error {
		if _, err := w.Write(e.Encoded()); err != nil {
			return err
		}
		_, err := w.Write(search.EncodeAnalyses(list))
		return err
	})
}

// prefetch starts reading the pack for the first indexes, on a
// goroutine of its own that ends once it has; analyze takes what it read.
// Reading the pack (4 MB at 10,000 pages) then overlaps taking the
// documents of the pages and their keys.
func (an *Analyses) prefetch() {
	if an.indexes > 0 || an.reading != nil {
		return
	}
	an.reading = make(chan map[deps.Digest]*search.Analysis, 1)
	go func() { an.reading <- an.load() }()
}

// load reads the pack, if there is one that decodes whole.
func (an *Analyses) load() map[deps.Digest]*search.Analysis {
	if an.cache == nil {
		return nil
	}
	data, ok := an.cache.Get(Kind, an.PackKey())
	if !ok {
		return nil
	}
	known, err := decodeAnalysesPack(data)
	if err != nil {
		return nil
	}
	return known
}

// decodeAnalysesPack reads what save wrote: a record (cache.Encoder) of
// the count of analyses and their keys, then search.EncodeAnalyses.
func decodeAnalysesPack(data []byte) (map[deps.Digest]*search.Analysis, error) {
	d := cache.NewDecoder(data)
	keys := make([]deps.Digest, d.Count(len(deps.Digest{})))
	for i := range keys {
		keys[i] = d.Digest()
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	list, err := search.DecodeAnalyses(d.Rest())
	if err != nil {
		return nil, err
	}
	if len(list) != len(keys) {
		return nil, fmt.Errorf("%w: %d keys for %d analyses", cache.ErrDamaged, len(keys), len(list))
	}
	known := make(map[deps.Digest]*search.Analysis, len(keys))
	for i, a := range list {
		known[keys[i]] = a
	}
	return known, nil
}
