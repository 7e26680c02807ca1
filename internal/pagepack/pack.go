// Package pagepack keeps the pages parsed from content files between
// builds, in the persistent cache, and brings them back without parsing
// their files again, or, when a file's stamp (internal/filestamp) says it
// did not change, without reading it: parsing front matter is most of
// reading a site, and reading every file most of a build with nothing to
// do.
//
// A pack is a few streams of records, one stream per Writer (the writers
// of a build work in parallel), each beginning with the version of the
// format (streamHeader), which a pack of another format lacks: it is not
// read. A record is a page as content.ParseFile returned it, with the
// places its checks report at, written by internal/pagecodec, which gives
// back exactly the page it was given or refuses it; less the body, which
// is the tail of the file's bytes. A page that pagecodec refuses is not
// packed, and is parsed again in the next build. A record may also hold
// the stamp of the file as it was read, with the digests of its front
// matter and of its body: then a later build that finds the file with
// that stamp takes the page without reading the file, its body held
// lazily (content.Page.HoldBody): read only when a consumer asks for it,
// and refused, with an error that says to build again, when the file's
// bytes are not those the page was packed from (held.go).
//
// Read checks the records' framing and digests; a page is decoded when
// it is asked for (Packed.Page, Packed.Held), and one that does not
// decode is not given: its file is parsed instead.
//
// A Cache is the pack of one full read of content/, kept under one kind
// and key of the persistent cache as a base and a delta
// (internal/deltapack): a build that parsed a few pages writes those
// (cache.go).
package pagepack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/pagecodec"
)

// A Packed is a page of a pack, found by its path.
type Packed struct {
	Sum  [32]byte // of the file's bytes (content.FileDigests)
	rec  packRecord
	used bool
}

// Page returns the page, whose file's bytes are data: the page
// ParseFile returned for them; nil when its record does not decode. It
// may be called once.
func (pp *Packed) Page(data []byte) *content.Page {
	if pp.used || pp.rec.bodyStart > len(data) {
		return nil
	}
	p, err := pagecodec.Read(pp.rec.page, pp.rec.path, data[pp.rec.bodyStart:])
	if err != nil {
		return nil
	}
	pp.used = true
	return p
}

// Held returns the page without its file's bytes, holding its body
// lazily (content.Page.LoadBody reads it from fsys, with the limits of cfg), when
// the record has a stamp, and whether it did; as Page, once.
func (pp *Packed) Held(fsys fs.FS, cfg *config.Config) (*content.Page, bool) {
	if pp.used || pp.rec.stamp == ([32]byte{}) {
		return nil, false
	}
	p, err := pagecodec.Read(pp.rec.page, pp.rec.path, nil)
	if err != nil {
		return nil, false
	}
	pp.used = true
	p.HoldBody(&heldBody{fsys: fsys, cfg: cfg, sum: pp.rec.sum, bodyLine: p.BodyLine, start: pp.rec.bodyStart, body: pp.rec.bodySum})
	return p, true
}

// Stamp is the ID of the stamp of the file the page was packed with
// (filestamp.Stamp.ID); zero when none.
func (pp *Packed) Stamp() [32]byte { return pp.rec.stamp }

// Front is the SHA-256 of the bytes of the file before the body (its
// front matter and their fences: FrontMatterBytes), kept with a stamp;
// zero when there is none.
func (pp *Packed) Front() [32]byte { return pp.rec.front }

// BodyLine is the line the page's body begins on, where its Sum splits
// the file's bytes (content.DigestFile).
func (pp *Packed) BodyLine() int { return pp.rec.bodyLine }

// Used reports whether Page or Held returned the page.
func (pp *Packed) Used() bool { return pp.used }

// streamHeader begins every stream of a pack: the version of the format
// of its records, to change with it (or pagecodec's).
const streamHeader = "careersite page pack 2\n"

// The kinds of record.
const (
	recordNone    = iota // stands for no page: an earlier record of the path went wrong
	recordPage           // a page
	recordStamped        // a page and the stamp of its file, with the digests of its front matter and body
)

// packRecord is one record of a pack's stream, as read. Its strings are
// parts of a copy of the stream.
type packRecord struct {
	path      string
	none      bool   // the record stands for no page
	bodyStart int    // the offset of the body in the file's bytes
	bodyLine  int    // the line the body begins on, where sum splits them
	page      string // the page as pagecodec wrote it
	raw       string // the whole record, for Carry

	sum [32]byte // what the caller said of the file's bytes

	// The stamp of the file as it was read (filestamp.Stamp.ID), zero for
	// a page that is read whenever it is wanted, and the SHA-256 of the
	// bytes before the body and of the body, when there is a stamp.
	stamp, front, bodySum [32]byte
}

// A Writer makes one stream of a pack. It is not safe for concurrent
// use.
type Writer struct {
	buf  []byte
	head cache.Encoder // a record's header, reused
	page []byte        // a record's page, reused
}

// NewWriter returns an empty writer.
func NewWriter() *Writer { return &Writer{} }

// Add adds page p, which ParseFile made from data, of digests d, for path
// without problems (or Page returned), before anything changed it, with
// the ID of the stamp its file had before it was read (filestamp.Stamp.ID;
// zero: the page is never held lazily). It reports whether p is in the pack:
// not when its body is not the tail of data (line endings or a byte-order
// mark changed), nor when it holds a value pagecodec cannot give back
// exactly.
func (w *Writer) Add(path string, d content.FileDigests, stamp [32]byte, data []byte, p *content.Page) bool {
	start := len(data) - len(p.Body)
	if p.Path != path || start < 0 || !bytes.Equal(data[start:], p.Body) {
		return false
	}
	page, err := pagecodec.Append(w.page[:0], p)
	w.page = page
	if err != nil {
		return w.bury(path)
	}
	e := &w.head
	e.Reset()
	e.String(path)
	if stamp == ([32]byte{}) {
		e.Int(recordPage)
	} else {
		e.Int(recordStamped)
	}
	e.Digest(d.Sum)
	e.Int(start)
	e.Int(p.BodyLine)
	if stamp != ([32]byte{}) {
		e.Digest(stamp)
		e.Digest(d.Front)
		e.Digest(d.BodySum(data, p.Body))
	}
	e.Int(len(page))
	w.begin()
	w.buf = append(append(w.buf, e.Encoded()...), page...)
	return true
}

// Carry adds the page of a pack as that pack holds it, as it is: pp
// must come from a Read whose pages were not given out, so that nothing
// changed the page since.
func (w *Writer) Carry(pp *Packed) {
	w.begin()
	w.buf = append(w.buf, pp.rec.raw...)
}

// bury adds a record that stands for no page at path, so that an earlier
// record of the path is not read back.
func (w *Writer) bury(path string) bool {
	e := &w.head
	e.Reset()
	e.String(path)
	e.Int(recordNone)
	w.begin()
	w.buf = append(w.buf, e.Encoded()...)
	return false
}

// begin begins the stream, if it is empty.
func (w *Writer) begin() {
	if len(w.buf) == 0 {
		w.buf = append(w.buf, streamHeader...)
	}
}

// Write writes to w the pack of the streams of an earlier pack, as
// they are (see Streams), followed by the writers' streams, without
// copying them first, as one record (cache.Encoder): the count of the
// streams, then each one's bytes; an empty stream is left out. Of two
// records of one path the later stands, so a writer's page replaces the
// same path's in old.
func Write(w io.Writer, old [][]byte, writers []*Writer) error {
	var streams [][]byte
	for _, s := range old {
		if len(s) > 0 {
			streams = append(streams, s)
		}
	}
	for _, pw := range writers {
		if len(pw.buf) > 0 {
			streams = append(streams, pw.buf)
		}
	}
	var e cache.Encoder
	e.Int(len(streams))
	for _, s := range streams {
		e.Int(len(s))
		if _, err := w.Write(e.Encoded()); err != nil {
			return err
		}
		if _, err := w.Write(s); err != nil {
			return err
		}
		e.Reset()
	}
	if len(streams) == 0 {
		_, err := w.Write(e.Encoded()) // the count
		return err
	}
	return nil
}

// errPack is the error of a pack that is not one.
var errPack = errors.New("pagepack: not a page pack")

// Streams splits a pack into its streams, which Write can write
// into a new pack as they are.
func Streams(data []byte) ([][]byte, error) {
	d := cache.NewDecoder(data)
	streams := make([][]byte, d.Count(1))
	for i := range streams {
		streams[i] = d.Bytes()
	}
	if err := d.End(); err != nil {
		return nil, fmt.Errorf("%w: %w", errPack, err)
	}
	return streams, nil
}

// Read reads the packs, in order, their streams in parallel, and returns
// their pages by path and how many records they hold (pages, pages that a
// later record of the same path replaced, and records that stand for
// none); of two records of one path, the later stands. A pack that is
// damaged is an error, and none of them is returned. The pages are
// decoded when they are asked for.
func Read(packs ...[]byte) (map[string]*Packed, int, error) {
	var streams [][]byte
	for _, data := range packs {
		more, err := Streams(data)
		if err != nil {
			return nil, 0, err
		}
		streams = append(streams, more...)
	}
	recs := make([][]Packed, len(streams))
	errs := make([]error, len(streams))
	var wg sync.WaitGroup
	for i, s := range streams {
		wg.Go(func() { recs[i], errs[i] = readStream(s) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, 0, err
	}
	out := map[string]*Packed{}
	records := 0
	for _, list := range recs {
		records += len(list)
		for i := range list {
			pp := &list[i]
			if pp.rec.none {
				delete(out, pp.rec.path)
				continue
			}
			out[pp.rec.path] = pp
		}
	}
	return out, records, nil
}

// readStream reads the records of a stream, whose strings are parts of
// one copy of it.
func readStream(b []byte) ([]Packed, error) {
	if !bytes.HasPrefix(b, []byte(streamHeader)) {
		return nil, fmt.Errorf("%w: a stream of another version", errPack)
	}
	s := string(b)
	d := cache.NewDecoder(b[len(streamHeader):])
	at := func() int { return len(b) - d.Len() }
	str := func() string { // the string d read last, as a part of s
		n := len(d.Bytes())
		return s[at()-n : at()]
	}
	var out []Packed
	for d.Len() > 0 {
		begin := at()
		r := packRecord{path: str()}
		switch kind := d.Int(); kind {
		case recordNone:
			r.none = true
		case recordPage, recordStamped:
			r.sum = d.Digest()
			r.bodyStart = d.Int()
			r.bodyLine = d.Int()
			if kind == recordStamped {
				r.stamp, r.front, r.bodySum = d.Digest(), d.Digest(), d.Digest()
				if r.stamp == ([32]byte{}) {
					d.Fail("a zero stamp")
				}
			}
			r.page = str()
		default:
			d.Fail("a record of no kind")
		}
		if err := d.Err(); err != nil {
			return nil, fmt.Errorf("%w: %w", errPack, err)
		}
		r.raw = s[begin:at()]
		out = append(out, Packed{Sum: r.sum, rec: r})
	}
	return out, nil
}
