package deltapack

// This file is a pack of records found by a key, each a caller's payload:
// the delta's record of a key stands over the base's, and a build that
// used the pack's records writes what it used that the base lacks.

import (
	"bytes"
	"io"
	"slices"

	"github.com/careersite/careersite/internal/cache"
)

// Records is a pack of payloads by key, as OpenRecords read it. Get may
// be called from many goroutines at once; Save from one.
type Records struct {
	pack        *Pack
	base, delta map[cache.Key][]byte
}

// maxStale is the part of the base that may go unused, and the size of
// the delta against the base, above which Save writes a new base: one
// eighth.
const maxStale = 8

// OpenRecords reads the records of kind and key from c. A base or a
// delta that does not decode is none: its records are made again.
func OpenRecords(c *cache.Cache, kind string, key cache.Key) *Records {
	p, base, delta := Open(c, kind, key)
	r := &Records{pack: p}
	if base != nil {
		if r.base, _ = DecodeRecords(base); r.base != nil && delta != nil {
			r.delta, _ = DecodeRecords(delta)
		}
	}
	return r
}

// Get returns the payload of key, from the delta, else from the base; a
// nil Records has none.
func (r *Records) Get(key cache.Key) ([]byte, bool) {
	if r == nil {
		return nil, false
	}
	if data, ok := r.delta[key]; ok {
		return data, true
	}
	data, ok := r.base[key]
	return data, ok
}

// Save writes the records a build used: a delta of those the base does
// not hold, when it differs from the delta read, or a new base of every
// record used when more than an eighth of the base went unused or the
// delta would hold more than an eighth of the base's records. It reports
// whether it wrote a new base. The Records read are let go.
func (r *Records) Save(used map[cache.Key][]byte) (rebased bool) {
	fresh := map[cache.Key][]byte{} // used, and not in the base
	for key, data := range used {
		if _, ok := r.base[key]; !ok {
			fresh[key] = data
		}
	}
	stale := len(r.base) - (len(used) - len(fresh))
	switch {
	case !r.pack.HasBase() && len(used) == 0:
		// Nothing to keep.
	case !r.pack.HasBase() || stale*maxStale > len(r.base) || len(fresh)*maxStale > len(r.base):
		rebased = r.pack.PutBase(encoded(used)) == nil
	case !sameKeys(fresh, r.delta):
		r.pack.PutDelta(encoded(fresh))
	}
	r.base, r.delta = nil, nil
	return rebased
}

// encoded writes records as WriteRecords does.
func encoded(records map[cache.Key][]byte) func(io.Writer) error {
	return func(w io.Writer) error { return WriteRecords(w, records) }
}

// sameKeys reports whether a and b hold the same keys.
func sameKeys(a, b map[cache.Key][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for key := range a {
		if _, ok := b[key]; !ok {
			return false
		}
	}
	return true
}

// WriteRecords writes records to w, sorted by key (the same records give
// the same bytes), each its key and its payload's length and bytes. A
// site's records are megabytes, each held by its caller already: they
// are written a chunk at a time, never copied into one buffer.
func WriteRecords(w io.Writer, records map[cache.Key][]byte) error {
	keys := make([]cache.Key, 0, len(records))
	for key := range records {
		keys = append(keys, key)
	}
	slices.SortFunc(keys, func(a, b cache.Key) int { return bytes.Compare(a[:], b[:]) })
	var e cache.Encoder
	e.Grow(chunk)
	for _, key := range keys {
		payload := records[key]
		if n := len(e.Encoded()); n > 0 && n+cache.DigestSize+cache.IntSize(len(payload))+len(payload) > chunk {
			if _, err := w.Write(e.Encoded()); err != nil {
				return err
			}
			e.Reset()
		}
		e.Digest(key)
		e.Bytes(payload)
	}
	_, err := w.Write(e.Encoded())
	return err
}

// chunk is how many bytes WriteRecords writes at a time, but for a
// record longer than that, written alone.
const chunk = 64 << 10

// DecodeRecords reads what WriteRecords wrote. The payloads are parts of
// data.
func DecodeRecords(data []byte) (map[cache.Key][]byte, error) {
	d := cache.NewDecoder(data)
	records := map[cache.Key][]byte{}
	for d.Len() > 0 {
		key, payload := d.Digest(), d.Bytes()
		records[key] = payload
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	return records, nil
}
