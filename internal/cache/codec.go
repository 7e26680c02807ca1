package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// The codec of the records that callers keep in entries: an Encoder
// appends values, a Decoder reads them back in the same order. A record
// says nothing of its own layout; the caller's code, read twice, is its
// format. The values:
//
//	Uvarint, Int   a uvarint (encoding/binary)
//	Varint         a zigzag varint (encoding/binary)
//	Bytes, String  a uvarint length, then that many bytes
//	Digest         32 bytes as they are
//
// Read a string with string(d.Bytes()), or with String, which copies the
// record once for all its strings. These are the bytes the formats
// written by hand with encoding/binary before the codec wrote, so their
// entries still read.

// ErrDamaged is wrapped by every error of a Decoder.
var ErrDamaged = errors.New("cache: damaged record")

// An Encoder appends values to a record. The zero value is an empty record.
type Encoder struct {
	b []byte
}

// Encoded returns the record. It is the Encoder's buffer, valid until the
// next call of another method.
func (e *Encoder) Encoded() []byte { return e.b }

// Reset empties the record, keeping its buffer: for a caller that writes
// a record out piece by piece.
func (e *Encoder) Reset() { e.b = e.b[:0] }

// Grow makes room for n more bytes, so that a caller that knows how long
// its record will be fills one buffer rather than a copy per doubling.
func (e *Encoder) Grow(n int) { e.b = slices.Grow(e.b, n) }

// Uvarint appends v.
func (e *Encoder) Uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }

// Varint appends v.
func (e *Encoder) Varint(v int64) { e.b = binary.AppendVarint(e.b, v) }

// Int appends n as a uvarint. A negative n is written as uint64(n), which
// Decoder.Int rejects: the record is not read back, never misread.
func (e *Encoder) Int(n int) { e.Uvarint(uint64(n)) }

// Bytes appends p's length and p.
func (e *Encoder) Bytes(p []byte) {
	e.Int(len(p))
	e.b = append(e.b, p...)
}

// String appends s's length and s.
func (e *Encoder) String(s string) {
	e.Int(len(s))
	e.b = append(e.b, s...)
}

// Digest appends d as it is.
func (e *Encoder) Digest(d [sha256.Size]byte) { e.b = append(e.b, d[:]...) }

// The sizes of values as an Encoder appends them, for a caller that
// makes a record's buffer once at its exact length: a pack of records
// holds every one of them, and a guess at a varint's length is most of a
// small record.
const DigestSize = sha256.Size

// IntSize is the length of n as Int appends it.
func IntSize(n int) int { return UvarintSize(uint64(n)) }

// UvarintSize is the length of v as Uvarint appends it.
func UvarintSize(v uint64) int { return (bits.Len64(v|1) + 6) / 7 }

// StringSize is the length of s as String appends it.
func StringSize(s string) int { return IntSize(len(s)) + len(s) }

// A Decoder reads a record that an Encoder wrote, keeping the first error.
//
// It never panics and never reads past its input, whatever the bytes: a
// record cut short, a length that runs past the end, a varint longer than
// 64 bits or a number too large for an int is an error wrapping
// ErrDamaged. The first error is kept; every read after it returns a zero
// value and does nothing, so a caller reads a whole record without
// checking each value and asks Err (or End) once at the end. A loop over a
// count read from the record should stop when Err is not nil, or read the
// count with Count, which bounds it by the bytes left.
type Decoder struct {
	b    []byte // what is left
	size int    // the record's length, to say where an error is
	err  error

	record  []byte // the whole record
	strings string // a copy of it, made by the first String
}

// NewDecoder returns a Decoder of b. The slices it returns are parts of b.
func NewDecoder(b []byte) *Decoder { return &Decoder{b: b, size: len(b), record: b} }

// Fail records that the record is damaged, saying what is wrong, unless
// an error is recorded already; nothing is read after it. It is for what
// the caller finds wrong in the values (ids out of order, say).
func (d *Decoder) Fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s at byte %d of %d", ErrDamaged, what, d.size-len(d.b), d.size)
	}
	d.b = nil
}

// Err returns the first error, or nil.
func (d *Decoder) Err() error { return d.err }

// End returns the first error, or an error when bytes are left: for a
// record that must be read to its end.
func (d *Decoder) End() error {
	if d.err == nil && len(d.b) > 0 {
		d.Fail(fmt.Sprintf("%d bytes past the end", len(d.b)))
	}
	return d.err
}

// Len returns how many bytes are left: none after an error.
func (d *Decoder) Len() int { return len(d.b) }

// Uvarint reads a uvarint.
func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if !d.took(n) {
		return 0
	}
	return v
}

// Varint reads a varint.
func (d *Decoder) Varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if !d.took(n) {
		return 0
	}
	return v
}

// took moves past a number of n bytes, as encoding/binary reports it: 0
// when the input ended inside it, negative when it ran past 64 bits.
func (d *Decoder) took(n int) bool {
	switch {
	case n == 0:
		d.Fail("a number cut short")
		return false
	case n < 0:
		d.Fail("a number longer than 64 bits")
		return false
	}
	d.b = d.b[n:]
	return true
}

// Int reads a uvarint that must fit in an int.
func (d *Decoder) Int() int {
	v := d.Uvarint()
	if v > math.MaxInt {
		d.Fail(fmt.Sprintf("%d is too large", v))
		return 0
	}
	return int(v)
}

// Count reads a uvarint: the number of values that follow, each taking at
// least size bytes (at least 1). A number that could not fit in the bytes
// left is an error, so that a caller may allocate for it.
func (d *Decoder) Count(size int) int {
	size = max(size, 1)
	v := d.Uvarint()
	if v > uint64(len(d.b)/size) {
		d.Fail(fmt.Sprintf("%d values of %d bytes or more in %d bytes", v, size, len(d.b)))
		return 0
	}
	return int(v)
}

// Bytes reads a length and that many bytes. The result is part of the
// record, with no room to append into it.
func (d *Decoder) Bytes() []byte {
	n := d.Uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.Fail(fmt.Sprintf("a length of %d with %d bytes left", n, len(d.b)))
		return nil
	}
	return d.take(int(n))
}

// String reads what Bytes reads, as a string: a part of one copy of the
// whole record, made by the first String, so that a record of many short
// strings costs one allocation, not one each (the records of the
// conversions of 10,000 pages were dozens of strings each). Every string
// keeps that copy in memory: for records that are mostly strings.
func (d *Decoder) String() string {
	b := d.Bytes()
	if len(b) == 0 {
		return ""
	}
	if d.strings == "" {
		d.strings = string(d.record)
	}
	end := d.size - len(d.b)
	return d.strings[end-len(b) : end]
}

// Digest reads 32 bytes.
func (d *Decoder) Digest() [sha256.Size]byte {
	var out [sha256.Size]byte
	if d.err != nil {
		return out
	}
	if len(d.b) < len(out) {
		d.Fail("a digest cut short")
		return out
	}
	copy(out[:], d.take(len(out)))
	return out
}

// Rest reads the bytes left, which are part of the record: for a record
// that ends in bytes of another format.
func (d *Decoder) Rest() []byte { return d.take(len(d.b)) }

func (d *Decoder) take(n int) []byte {
	p := d.b[:n:n]
	d.b = d.b[n:]
	return p
}
