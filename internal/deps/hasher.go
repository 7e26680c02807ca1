package deps

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
)

// Digest is a SHA-256: of a file, of a group of a page's fields, of
// everything an output reads (its key).
type Digest [sha256.Size]byte

// Hasher writes values into a SHA-256 unambiguously: every variable-length
// value is preceded by its length, so that ("ab", "c") and ("a", "bc")
// differ. Values are gathered in a buffer and hashed a chunk at a time:
// keys are made of many small values, too small to hash one by one, and
// some of very many (the key of a list of 100,000 pages), too many to
// gather whole.
type Hasher struct {
	buf []byte
	sha hash.Hash // made when the buffer first fills a chunk
}

// hashChunk is how many bytes the buffer gathers before they are hashed.
const hashChunk = 4 << 10

func NewHasher() *Hasher { return &Hasher{buf: make([]byte, 0, 512)} }

// hashers keeps hashers for the keys made by the thousand (a key per
// output), whose buffers otherwise grow from 512 bytes to a chunk and
// more, one copy at a time, for each key.
var hashers = sync.Pool{New: func() any { return NewHasher() }}

// BorrowHasher takes an empty Hasher from hashers; giveBack returns it
// once its sum is taken.
func BorrowHasher() *Hasher { return hashers.Get().(*Hasher).Reset() }

// reset empties h for another sum.
func (h *Hasher) Reset() *Hasher {
	h.buf = h.buf[:0]
	if h.sha != nil {
		h.sha.Reset()
	}
	return h
}

func (h *Hasher) GiveBack() { hashers.Put(h) }

func (h *Hasher) Sum() Digest {
	if h.sha == nil {
		return sha256.Sum256(h.buf)
	}
	h.sha.Write(h.buf)
	var d Digest
	// Summed into the buffer, which is spent: d would escape to the heap
	// through the interface.
	copy(d[:], h.sha.Sum(h.buf[:0]))
	return d
}

// flush hashes the buffer once it holds a chunk.
func (h *Hasher) flush() *Hasher {
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

func (h *Hasher) Int(n int64) *Hasher {
	h.buf = binary.LittleEndian.AppendUint64(h.buf, uint64(n))
	return h.flush()
}

func (h *Hasher) Byte(b byte) *Hasher {
	h.buf = append(h.buf, b)
	return h.flush()
}

func (h *Hasher) Bool(b bool) *Hasher {
	if b {
		return h.Byte(1)
	}
	return h.Byte(0)
}

func (h *Hasher) Str(s string) *Hasher { return write(h, s) }

func (h *Hasher) Bytes(b []byte) *Hasher { return write(h, b) }

// write writes the length of s, then s a chunk at a time.
func write[T string | []byte](h *Hasher, s T) *Hasher {
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

func (h *Hasher) Digest(d Digest) *Hasher {
	h.buf = append(h.buf, d[:]...)
	return h.flush()
}

func (h *Hasher) Strs(ss []string) *Hasher {
	h.Int(int64(len(ss)))
	for _, s := range ss {
		h.Str(s)
	}
	return h
}

func (h *Hasher) Time(t time.Time) *Hasher {
	b, err := t.MarshalBinary() // instant and zone offset
	if err != nil {
		b = []byte(t.String())
	}
	return h.Bytes(b).Str(t.Location().String())
}

func HashBytes(b []byte) Digest { return sha256.Sum256(b) }

func HashString(s string) Digest { return NewHasher().Str(s).Sum() }

// unhashable counts the values that could not be hashed; each gets a number
// of its own, so that a key holding one is never equal to another key.
var unhashable atomic.Int64

// value writes any plain value (career data, Params, headings) whole,
// following pointers, but not unexported fields: templates see a value
// through its exported fields and the methods of those (the unexported
// fields of career data hold the positions of its front matter, for
// errors).
func (h *Hasher) Value(v reflect.Value) *Hasher {
	return h.walk(v, 0)
}

// maxDepth stops a value that refers to itself.
const maxDepth = 64

func (h *Hasher) walk(v reflect.Value, depth int) *Hasher {
	if depth > maxDepth {
		return h.Int(-1 - unhashable.Add(1))
	}
	if !v.IsValid() {
		return h.Int(0)
	}
	h.Byte(byte(v.Kind())) // the static type is known to whoever reads the digest; kinds tell values apart
	if v.Kind() == reflect.Pointer && slices.Contains(modelTypes, v.Type().Elem()) {
		// Another page (or term …): its identity, not its fields, which
		// are its own dependency.
		switch {
		case v.IsNil():
			return h.Str("-")
		case !v.CanInterface():
			return h.Int(-1 - unhashable.Add(1))
		}
		return h.Str(identity(v.Interface()))
	}
	switch v.Kind() {
	case reflect.Bool:
		return h.Bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return h.Int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return h.Int(int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		return h.Int(int64(math.Float64bits(v.Float())))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return h.Int(int64(math.Float64bits(real(c)))).Int(int64(math.Float64bits(imag(c))))
	case reflect.String:
		return h.Str(v.String())
	case reflect.Pointer:
		if v.IsNil() {
			return h.Int(0)
		}
		h.Int(1)
		return h.walk(v.Elem(), depth+1)
	case reflect.Interface:
		if v.IsNil() {
			return h.Int(0)
		}
		h.Str(v.Elem().Type().String()) // what it holds may be of any type
		return h.walk(v.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return h.Bytes(v.Bytes())
		}
		h.Int(int64(v.Len()))
		for i := range v.Len() {
			h.walk(v.Index(i), depth+1)
		}
		return h
	case reflect.Map:
		return h.mapValue(v, depth)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			if v.CanInterface() {
				return h.Time(v.Interface().(time.Time))
			}
			return h.rawTime(v)
		}
		h.Int(int64(v.NumField()))
		t := v.Type()
		for i := range v.NumField() {
			if t.Field(i).IsExported() {
				h.walk(v.Field(i), depth+1)
			}
		}
		return h
	}
	return h.Int(-1 - unhashable.Add(1)) // funcs, channels
}

// rawTime writes a time.Time that is an unexported field, which reflect
// will not hand out as a value: its wall clock and extended fields (the
// instant, without a monotonic reading) and its location's name.
func (h *Hasher) rawTime(v reflect.Value) *Hasher {
	wall, ext, loc := v.FieldByName("wall"), v.FieldByName("ext"), v.FieldByName("loc")
	if wall.Kind() != reflect.Uint64 || ext.Kind() != reflect.Int64 || loc.Kind() != reflect.Pointer {
		return h.Int(-1 - unhashable.Add(1))
	}
	const hasMonotonic = 1 << 63
	if wall.Uint()&hasMonotonic != 0 {
		return h.Int(-1 - unhashable.Add(1))
	}
	h.Int(int64(wall.Uint())).Int(ext.Int())
	if loc.IsNil() {
		return h.Str("UTC")
	}
	return h.Str(loc.Elem().FieldByName("name").String())
}

// mapValue writes a map's entries in an order that does not depend on the
// map: sorted by the digest of each entry.
func (h *Hasher) mapValue(v reflect.Value, depth int) *Hasher {
	if v.IsNil() {
		return h.Int(0)
	}
	entries := make([]Digest, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		e := (&Hasher{}).walk(it.Key(), depth+1).walk(it.Value(), depth+1).Sum()
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b Digest) int { return cmp.Compare(string(a[:]), string(b[:])) })
	h.Int(int64(len(entries)) + 1)
	for _, e := range entries {
		h.Digest(e)
	}
	return h
}
