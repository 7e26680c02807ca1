// Package pagepack keeps the pages parsed from content files between
// builds, in the persistent cache, and brings them back without parsing
// their files again, or, when a file's stamp (internal/filestamp) says it
// did not change, without reading it: parsing front matter is most of
// reading a site, and reading every file most of a build with nothing to
// do.
//
// A pack is a few streams of encoding/gob records, one stream per Writer
// (the writers of a build work in parallel, and its streams are read back
// in parallel); a record is a page as content.ParseFile returned it, with
// the places its checks report at (content.Places), less the body, which
// is the tail of the file's bytes. A page goes into a pack only when it
// decodes back to exactly the page ParseFile made (reflect.DeepEqual,
// checked as it is added), so a page from a pack is that page. A record
// may also hold the stamp of the file as it was read, with the digests of
// its front matter and of its body: then a later build that finds the
// file with that stamp takes the page without reading the file, its body
// held lazily (content.Page.HoldBody): read only when a consumer asks
// for it, and refused, with an error that says to build again, when the
// file's bytes are not those the page was packed from (held.go).
//
// A Cache is the pack of one full read of content/, kept under one kind
// and key of the persistent cache as a base and a delta
// (internal/deltapack): a build that parsed a few pages writes those
// (cache.go).
package pagepack

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"sync"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// A Packed is a page of a pack, found by its path.
type Packed struct {
	Sum  [32]byte // of the file's bytes (content.FileDigests)
	rec  *packRecord
	used bool
}

// Page returns the page, whose file's bytes are data: the page
// ParseFile returned for them. It may be called once.
func (pp *Packed) Page(data []byte) *content.Page {
	if pp.used || pp.rec.BodyStart > len(data) {
		return nil
	}
	pp.used = true
	return pp.rec.page(data)
}

// Held returns the page without its file's bytes, holding its body
// lazily (content.Page.LoadBody reads it from fsys, with the limits of cfg), when
// the record has a stamp, and whether it did; as Page, once.
func (pp *Packed) Held(fsys fs.FS, cfg *config.Config) (*content.Page, bool) {
	if pp.used || pp.rec.stamp == ([32]byte{}) {
		return nil, false
	}
	pp.used = true
	p := pp.rec.bodiless()
	p.HoldBody(&heldBody{fsys: fsys, cfg: cfg, sum: pp.rec.sum, bodyLine: p.BodyLine, start: pp.rec.BodyStart, body: pp.rec.bodySum})
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
func (pp *Packed) BodyLine() int { return pp.rec.Page.BodyLine }

// Used reports whether Page or Held returned the page.
func (pp *Packed) Used() bool { return pp.used }

// packRecord is one record of a pack's stream.
type packRecord struct {
	Path      string
	BodyStart int
	Page      *content.Page // nil: the record stands for none (an earlier one went wrong)
	Places    content.Places

	// The digests below as gob has them: sum, then, when there is a
	// stamp, stamp, front and bodySum; one byte slice, which gob reads at
	// once, where it reads a [32]byte byte by byte (two fifths of
	// decoding a pack, when they were four arrays).
	Digests []byte

	sum [32]byte // what the caller said of the file's bytes

	// The stamp of the file as it was read (filestamp.Stamp.ID), zero for
	// a page that is read whenever it is wanted, and the SHA-256 of the
	// bytes before the body and of the body, when there is a stamp.
	stamp, front, bodySum [32]byte
}

// packDigests sets Digests from the record's digests, for gob.
func (r *packRecord) packDigests() {
	r.Digests = append(r.Digests[:0], r.sum[:]...)
	if r.stamp != ([32]byte{}) {
		r.Digests = append(append(append(r.Digests, r.stamp[:]...), r.front[:]...), r.bodySum[:]...)
	}
}

// unpackDigests sets the record's digests from Digests, as gob read
// them, and reports whether they were one digest or four.
func (r *packRecord) unpackDigests() bool {
	d := r.Digests
	if len(d) != 32 && len(d) != 4*32 {
		return false
	}
	copy(r.sum[:], d)
	if len(d) > 32 {
		copy(r.stamp[:], d[32:])
		copy(r.front[:], d[64:])
		copy(r.bodySum[:], d[96:])
	}
	return true
}

// page is the record's page, whose file's bytes are data.
func (r *packRecord) page(data []byte) *content.Page {
	p := r.bodiless()
	p.Body = data[r.BodyStart:]
	return p
}

// bodiless is the record's page without its body.
func (r *packRecord) bodiless() *content.Page {
	p := r.Page
	p.SetPlaces(r.Places)
	return p
}

var registerOnce sync.Once

// register names the types a page's Params may hold (decode's plain
// values) for encoding/gob.
func register() {
	registerOnce.Do(func() {
		gob.Register(map[string]any{})
		gob.Register([]any{})
		gob.Register(time.Time{})
	})
}

// A Writer makes one stream of a pack. It is not safe for concurrent
// use.
type Writer struct {
	buf bytes.Buffer
	enc *gob.Encoder
	rd  tailReader
	dec *gob.Decoder // nil: pages are not checked
}

// NewWriter returns an empty writer. One that checks decodes every
// page it adds and keeps only those that come back the same; one that
// does not is for pages read from a pack, which were checked then.
func NewWriter(check bool) *Writer {
	register()
	w := &Writer{}
	w.enc = gob.NewEncoder(&w.buf)
	if check {
		w.rd.buf = &w.buf
		w.dec = gob.NewDecoder(&w.rd)
	}
	return w
}

// Add adds page p, which ParseFile made from data, of digests d, for path
// without problems (or Page returned), before anything changed it, with
// the ID of the stamp its file had before it was read (filestamp.Stamp.ID;
// zero: the page is never held lazily). It reports whether p is in the pack:
// not when its body is not the tail of data (line endings or a byte-order
// mark changed), nor when the writer checks and it does not decode back
// to itself.
func (w *Writer) Add(path string, d content.FileDigests, stamp [32]byte, data []byte, p *content.Page) bool {
	start := len(data) - len(p.Body)
	if start < 0 || !bytes.Equal(data[start:], p.Body) {
		return false
	}
	stripped := *p
	stripped.Body = nil
	rec := packRecord{Path: path, sum: d.Sum, BodyStart: start, Page: &stripped, Places: p.Places()}
	if stamp != ([32]byte{}) {
		rec.stamp, rec.front, rec.bodySum = stamp, d.Front, d.BodySum(data, p.Body)
	}
	rec.packDigests()
	if w.enc.Encode(&rec) != nil {
		return w.bury(path)
	}
	if w.dec == nil {
		return true
	}
	var back packRecord
	if w.dec.Decode(&back) != nil || back.Page == nil {
		return w.bury(path)
	}
	if !reflect.DeepEqual(back.page(data), p) {
		return w.bury(path)
	}
	return true
}

// Carry adds the page of a pack as that pack holds it, unchecked: it was
// checked when it was added there. pp must come from a Read whose
// pages were not given out, so that nothing changed the page since.
func (w *Writer) Carry(pp *Packed) bool {
	if w.enc.Encode(pp.rec) != nil {
		return w.bury(pp.rec.Path)
	}
	return true
}

// bury adds a record that stands for no page at path, so that a record
// that went wrong is not read back.
func (w *Writer) bury(path string) bool {
	if w.enc.Encode(&packRecord{Path: path}) == nil && w.dec != nil {
		var back packRecord
		w.dec.Decode(&back)
	}
	return false
}

// tailReader reads what was written to buf after what it read: the
// records a Writer has just encoded. Being an io.ByteReader, it lets
// gob read no further than one message.
type tailReader struct {
	buf *bytes.Buffer
	off int
}

func (r *tailReader) Read(p []byte) (int, error) {
	if r.off >= r.buf.Len() {
		return 0, io.EOF
	}
	n := copy(p, r.buf.Bytes()[r.off:])
	r.off += n
	return n, nil
}

func (r *tailReader) ReadByte() (byte, error) {
	if r.off >= r.buf.Len() {
		return 0, io.EOF
	}
	c := r.buf.Bytes()[r.off]
	r.off++
	return c, nil
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
		if pw.buf.Len() > 0 {
			streams = append(streams, pw.buf.Bytes())
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

// Read decodes the packs, in order, their streams in parallel, and
// returns their pages by path and how many records they hold (pages,
// pages that a later record of the same path replaced, and records that
// stand for none); of two records of one path, the later stands. A pack
// that is damaged is an error, and none of them is returned.
func Read(packs ...[]byte) (map[string]*Packed, int, error) {
	register()
	var streams [][]byte
	for _, data := range packs {
		more, err := Streams(data)
		if err != nil {
			return nil, 0, err
		}
		streams = append(streams, more...)
	}
	recs := make([][]packRecord, len(streams))
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
			r := &list[i]
			if r.Page == nil {
				delete(out, r.Path)
				continue
			}
			out[r.Path] = &Packed{Sum: r.sum, rec: r}
		}
	}
	return out, records, nil
}

func readStream(s []byte) ([]packRecord, error) {
	dec := gob.NewDecoder(bytes.NewReader(s))
	var out []packRecord
	for {
		var r packRecord
		err := dec.Decode(&r)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, errPack
		}
		if r.Page != nil && (r.BodyStart < 0 || r.Page.Path != r.Path || !r.unpackDigests()) {
			return nil, errPack
		}
		out = append(out, r)
	}
}
