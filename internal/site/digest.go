package site

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careersite/careersite/internal/model"
)

// digest is a SHA-256: of a file, of a group of a page's fields, of
// everything an output reads (its key).
type digest [sha256.Size]byte

// hasher writes values into a SHA-256 unambiguously: every variable-length
// value is preceded by its length, so that ("ab", "c") and ("a", "bc")
// differ. Values are gathered in a buffer and hashed a chunk at a time:
// keys are made of many small values, too small to hash one by one, and
// some of very many (the key of a list of 100,000 pages), too many to
// gather whole.
type hasher struct {
	buf []byte
	sha hash.Hash // made when the buffer first fills a chunk
}

// hashChunk is how many bytes the buffer gathers before they are hashed.
const hashChunk = 4 << 10

func newHasher() *hasher { return &hasher{buf: make([]byte, 0, 512)} }

// hashers keeps hashers for the keys made by the thousand (a key per
// output), whose buffers otherwise grow from 512 bytes to a chunk and
// more, one copy at a time, for each key.
var hashers = sync.Pool{New: func() any { return newHasher() }}

// borrowHasher takes an empty hasher from hashers; giveBack returns it
// once its sum is taken.
func borrowHasher() *hasher { return hashers.Get().(*hasher).reset() }

// reset empties h for another sum.
func (h *hasher) reset() *hasher {
	h.buf = h.buf[:0]
	if h.sha != nil {
		h.sha.Reset()
	}
	return h
}

func (h *hasher) giveBack() { hashers.Put(h) }

func (h *hasher) sum() digest {
	if h.sha == nil {
		return sha256.Sum256(h.buf)
	}
	h.sha.Write(h.buf)
	var d digest
	h.sha.Sum(d[:0])
	return d
}

// flush hashes the buffer once it holds a chunk.
func (h *hasher) flush() *hasher {
	if len(h.buf) < hashChunk {
		return h
	}
	if h.sha == nil {
		h.sha = sha256.New()
	}
	h.sha.Write(h.buf)
	h.buf = h.buf[:0]
	return h
}

func (h *hasher) int(n int64) *hasher {
	h.buf = binary.LittleEndian.AppendUint64(h.buf, uint64(n))
	return h.flush()
}

func (h *hasher) byte(b byte) *hasher {
	h.buf = append(h.buf, b)
	return h.flush()
}

func (h *hasher) bool(b bool) *hasher {
	if b {
		return h.byte(1)
	}
	return h.byte(0)
}

func (h *hasher) str(s string) *hasher { return write(h, s) }

func (h *hasher) bytes(b []byte) *hasher { return write(h, b) }

// write writes the length of s, then s a chunk at a time.
func write[T string | []byte](h *hasher, s T) *hasher {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(s)))
	h.flush()
	for len(s) > 0 {
		n := min(len(s), hashChunk)
		h.buf = append(h.buf, s[:n]...)
		h.flush()
		s = s[n:]
	}
	return h
}

func (h *hasher) digest(d digest) *hasher {
	h.buf = append(h.buf, d[:]...)
	return h.flush()
}

func (h *hasher) strs(ss []string) *hasher {
	h.int(int64(len(ss)))
	for _, s := range ss {
		h.str(s)
	}
	return h
}

func (h *hasher) time(t time.Time) *hasher {
	b, err := t.MarshalBinary() // instant and zone offset
	if err != nil {
		b = []byte(t.String())
	}
	return h.bytes(b).str(t.Location().String())
}

func hashBytes(b []byte) digest { return sha256.Sum256(b) }

func hashString(s string) digest { return newHasher().str(s).sum() }

// unhashable counts the values that could not be hashed; each gets a number
// of its own, so that a key holding one is never equal to another key.
var unhashable atomic.Int64

// value writes any plain value (career data, Params, headings) whole,
// following pointers, but not unexported fields: templates see a value
// through its exported fields and the methods of those (the unexported
// fields of career data hold the positions of its front matter, for
// errors).
func (h *hasher) value(v reflect.Value) *hasher {
	return h.walk(v, 0)
}

// maxDepth stops a value that refers to itself.
const maxDepth = 64

func (h *hasher) walk(v reflect.Value, depth int) *hasher {
	if depth > maxDepth {
		return h.int(-1 - unhashable.Add(1))
	}
	if !v.IsValid() {
		return h.int(0)
	}
	h.byte(byte(v.Kind())) // the static type is known to whoever reads the digest; kinds tell values apart
	if v.Kind() == reflect.Pointer && slices.Contains(modelTypes, v.Type().Elem()) {
		// Another page (or term …): its identity, not its fields, which
		// are its own dependency.
		switch {
		case v.IsNil():
			return h.str("-")
		case !v.CanInterface():
			return h.int(-1 - unhashable.Add(1))
		}
		return h.str(identity(v.Interface()))
	}
	switch v.Kind() {
	case reflect.Bool:
		return h.bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return h.int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return h.int(int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		return h.int(int64(math.Float64bits(v.Float())))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return h.int(int64(math.Float64bits(real(c)))).int(int64(math.Float64bits(imag(c))))
	case reflect.String:
		return h.str(v.String())
	case reflect.Pointer:
		if v.IsNil() {
			return h.int(0)
		}
		h.int(1)
		return h.walk(v.Elem(), depth+1)
	case reflect.Interface:
		if v.IsNil() {
			return h.int(0)
		}
		h.str(v.Elem().Type().String()) // what it holds may be of any type
		return h.walk(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return h.bytes(v.Bytes())
		}
		h.int(int64(v.Len()))
		for i := range v.Len() {
			h.walk(v.Index(i), depth+1)
		}
		return h
	case reflect.Map:
		return h.mapValue(v, depth)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			if v.CanInterface() {
				return h.time(v.Interface().(time.Time))
			}
			return h.rawTime(v)
		}
		h.int(int64(v.NumField()))
		t := v.Type()
		for i := range v.NumField() {
			if t.Field(i).IsExported() {
				h.walk(v.Field(i), depth+1)
			}
		}
		return h
	}
	return h.int(-1 - unhashable.Add(1)) // funcs, channels
}

// rawTime writes a time.Time that is an unexported field, which reflect
// will not hand out as a value: its wall clock and extended fields (the
// instant, without a monotonic reading) and its location's name.
func (h *hasher) rawTime(v reflect.Value) *hasher {
	wall, ext, loc := v.FieldByName("wall"), v.FieldByName("ext"), v.FieldByName("loc")
	if wall.Kind() != reflect.Uint64 || ext.Kind() != reflect.Int64 || loc.Kind() != reflect.Pointer {
		return h.int(-1 - unhashable.Add(1))
	}
	const hasMonotonic = 1 << 63
	if wall.Uint()&hasMonotonic != 0 {
		return h.int(-1 - unhashable.Add(1))
	}
	h.int(int64(wall.Uint())).int(ext.Int())
	if loc.IsNil() {
		return h.str("UTC")
	}
	return h.str(loc.Elem().FieldByName("name").String())
}

// mapValue writes a map's entries in an order that does not depend on the
// map: sorted by the digest of each entry.
func (h *hasher) mapValue(v reflect.Value, depth int) *hasher {
	if v.IsNil() {
		return h.int(0)
	}
	entries := make([]digest, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		e := (&hasher{}).walk(it.Key(), depth+1).walk(it.Value(), depth+1).sum()
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b digest) int { return cmp.Compare(string(a[:]), string(b[:])) })
	h.int(int64(len(entries)) + 1)
	for _, e := range entries {
		h.digest(e)
	}
	return h
}

// group is a set of the fields of a model object that templates read
// together: an output that reads a field of another page depends on the
// digest of that field's group only. The table of members.go says which
// member is in which group.
type group uint16

const (
	gLink      group = 1 << iota // what a link to a page shows: URL, title, kind, type, section
	gMeta                        // front matter and career data: dates, description, tags, salary …
	gSummary                     // summary, word count, reading time
	gContent                     // content, table of contents, headings
	gDerived                     // structured data (JSON-LD)
	gFeeds                       // the feeds a page links to
	gOther                       // exported fields of Page the table of members.go does not list
	gTaxLink                     // a taxonomy's name, title and URL
	gTermLink                    // a term's name, slug and URL
	gTermCount                   // a term's number of pages
	gPaginator                   // a pager's number, size and pager URLs
)

// pageGroups are all the groups of a page's own fields.
const pageGroups = gLink | gMeta | gSummary | gContent | gDerived | gFeeds | gOther

// bodyGroups are the groups that change when only the body of a page's
// Markdown does.
const bodyGroups = gSummary | gContent

// pageDigests are the digests of the groups of one page, made once per
// build (and again for the pages a body edit changes).
type pageDigests struct {
	id                                      string // the page's output file: its identity across builds
	link, meta, summary, content, der, feed digest
	other                                   digest
	self                                    digest // all of the above

	entryOnce sync.Once
	entry     digest // of its feed entry (keys.go)
}

// write writes the digests of the groups g of the page.
func (pd *pageDigests) write(h *hasher, g group) {
	if g&gLink != 0 {
		h.digest(pd.link)
	}
	if g&gMeta != 0 {
		h.digest(pd.meta)
	}
	if g&gSummary != 0 {
		h.digest(pd.summary)
	}
	if g&gContent != 0 {
		h.digest(pd.content)
	}
	if g&gDerived != 0 {
		h.digest(pd.der)
	}
	if g&gFeeds != 0 {
		h.digest(pd.feed)
	}
	if g&gOther != 0 {
		h.digest(pd.other)
	}
}

// identity names a model object across builds.
func identity(o any) string {
	switch o := o.(type) {
	case *model.Page:
		return "page:" + model.OutputOf(o)
	case *model.Term:
		return "term:" + o.Taxonomy.Name + "/" + o.Slug
	case *model.Taxonomy:
		return "taxonomy:" + o.Name
	case *model.Paginator:
		return "pager:" + o.URL()
	case *model.Site:
		return "site"
	}
	return "?"
}
