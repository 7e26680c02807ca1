package pagecodec

import (
	"encoding/binary"
	"errors"
	"math"
)

// The wire's primitives: unsigned varints, zigzag varints for signed
// integers, a float64 as its eight bits, a string as its length and
// bytes, and the length of a slice or map plus one, so that zero is nil
// and one is empty: the pages' slices and maps are told apart by that
// (reflect.DeepEqual does).

// maxDepth bounds the nesting of front matter values, as the YAML and
// JSON parsers bound it (internal/content).
const maxDepth = 10000

// errMalformed is the error of bytes that are not an encoded page.
var errMalformed = errors.New("pagecodec: not an encoded page")

// encoder appends to b.
type encoder struct {
	b     []byte
	depth int
}

func (e *encoder) uint(u uint64) { e.b = binary.AppendUvarint(e.b, u) }
func (e *encoder) int(i int64)   { e.b = binary.AppendVarint(e.b, i) }
func (e *encoder) byte(c byte)   { e.b = append(e.b, c) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) float(f float64) {
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f))
}

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// count writes the length of a slice or map that is nil or not.
func (e *encoder) count(n int, isNil bool) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint64(n) + 1)
}

func (e *encoder) strs(list []string) {
	e.count(len(list), list == nil)
	for _, s := range list {
		e.str(s)
	}
}

// decoder reads s from i; after the first error it reads zeros, and err
// says what went wrong. Its strings are parts of s.
type decoder struct {
	s     string
	i     int
	err   error
	depth int
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errMalformed
	}
	d.i = len(d.s)
}

func (d *decoder) uint() uint64 {
	var u uint64
	for shift := uint(0); d.i < len(d.s); shift += 7 {
		c := d.s[d.i]
		d.i++
		if shift == 63 && c > 1 {
			break // overflows 64 bits
		}
		if c < 0x80 {
			return u | uint64(c)<<shift
		}
		u |= uint64(c&0x7f) << shift
	}
	d.fail()
	return 0
}

func (d *decoder) int() int64 {
	u := d.uint()
	return int64(u>>1) ^ -int64(u&1)
}

func (d *decoder) byte() byte {
	if d.i >= len(d.s) {
		d.fail()
		return 0
	}
	c := d.s[d.i]
	d.i++
	return c
}

func (d *decoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *decoder) float() float64 {
	if len(d.s)-d.i < 8 {
		d.fail()
		return 0
	}
	var u uint64
	for k := 7; k >= 0; k-- {
		u = u<<8 | uint64(d.s[d.i+k])
	}
	d.i += 8
	return math.Float64frombits(u)
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.s)-d.i) {
		d.fail()
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

// count reads what encoder.count wrote: the length, and whether the
// slice or map is nil. Each element takes at least a byte, so a length
// over the bytes left is refused before anything is made that long.
func (d *decoder) count() (n int, isNil bool) {
	u := d.uint()
	if u == 0 {
		return 0, true
	}
	if u-1 > uint64(len(d.s)-d.i) {
		d.fail()
		return 0, true
	}
	return int(u - 1), false
}

// intOf reads an int that must fit the int type.
func (d *decoder) intOf() int {
	i := d.int()
	if i < math.MinInt || i > math.MaxInt {
		d.fail()
		return 0
	}
	return int(i)
}

func (d *decoder) strs() []string {
	n, isNil := d.count()
	if isNil {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = d.str()
	}
	return list
}
