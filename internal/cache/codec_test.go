package cache

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// sample is a record of every kind of value, and the reads that get it back.
type sample struct {
	u      uint64
	v      int64
	n      int
	p      []byte
	s      string
	d      [32]byte
	values []string
}

func (s *sample) encode() []byte {
	var e Encoder
	e.Uvarint(s.u)
	e.Varint(s.v)
	e.Int(s.n)
	e.Bytes(s.p)
	e.String(s.s)
	e.Digest(s.d)
	e.Int(len(s.values))
	for _, v := range s.values {
		e.String(v)
	}
	return e.Encoded()
}

func decodeSample(b []byte) (*sample, error) {
	d := NewDecoder(b)
	s := &sample{u: d.Uvarint(), v: d.Varint(), n: d.Int(), p: d.Bytes(), s: string(d.Bytes()), d: d.Digest()}
	for n := d.Count(1); n > 0; n-- {
		s.values = append(s.values, string(d.Bytes()))
	}
	return s, d.End()
}

func samples() map[string]*sample {
	var d [32]byte
	for i := range d {
		d[i] = byte(i + 1)
	}
	return map[string]*sample{
		"zero":  {},
		"small": {u: 1, v: -1, n: 2, p: []byte("a"), s: "b", d: d, values: []string{"c"}},
		"large": {u: math.MaxUint64, v: math.MinInt64, n: math.MaxInt, p: bytes.Repeat([]byte{0xff}, 300),
			s: strings.Repeat("é", 200), d: d, values: []string{"", "x", strings.Repeat("y", 1<<14)}},
	}
}

func TestCodecRoundTrip(t *testing.T) {
	for name, want := range samples() {
		got, err := decodeSample(want.encode())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got.u != want.u || got.v != want.v || got.n != want.n || !bytes.Equal(got.p, want.p) ||
			got.s != want.s || got.d != want.d || strings.Join(got.values, "|") != strings.Join(want.values, "|") {
			t.Errorf("%s: decoded %+v, want %+v", name, got, want)
		}
	}
}

// TestCodecBytesAreTheFormat pins the bytes: records written by earlier
// builds, with encoding/binary by hand, must still read.
func TestCodecBytesAreTheFormat(t *testing.T) {
	var e Encoder
	e.Uvarint(300)
	e.Varint(-2)
	e.String("ab")
	e.Bytes(nil)
	e.Digest([32]byte{31: 7})
	want := append([]byte{0xac, 0x02, 0x03, 2, 'a', 'b', 0}, make([]byte, 32)...)
	want[len(want)-1] = 7
	if !bytes.Equal(e.Encoded(), want) {
		t.Errorf("Encoded() = %x, want %x", e.Encoded(), want)
	}
	e.Reset()
	if len(e.Encoded()) != 0 {
		t.Errorf("after Reset, Encoded() = %x", e.Encoded())
	}
}

// Every prefix of a record is rejected: none is misread as a shorter one.
func TestCodecTruncated(t *testing.T) {
	for name, s := range samples() {
		b := s.encode()
		for n := range len(b) {
			if _, err := decodeSample(b[:n:n]); !errors.Is(err, ErrDamaged) {
				t.Errorf("%s cut to %d of %d bytes: err = %v, want ErrDamaged", name, n, len(b), err)
			}
		}
	}
}

func TestCodecDamaged(t *testing.T) {
	overflow := bytes.Repeat([]byte{0xff}, 10) // a uvarint of 70 bits
	tests := []struct {
		name string
		in   []byte
		read func(d *Decoder)
		want string
	}{
		{"empty uvarint", nil, func(d *Decoder) { d.Uvarint() }, "a number cut short at byte 0 of 0"},
		{"empty varint", nil, func(d *Decoder) { d.Varint() }, "a number cut short"},
		{"uvarint past 64 bits", append(overflow, 1), func(d *Decoder) { d.Uvarint() }, "longer than 64 bits"},
		{"varint past 64 bits", append(overflow, 1), func(d *Decoder) { d.Varint() }, "longer than 64 bits"},
		{"int too large", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, func(d *Decoder) { d.Int() }, "is too large"},
		{"overlong length", []byte{4, 'a', 'b', 'c'}, func(d *Decoder) { d.Bytes() }, "a length of 4 with 3 bytes left"},
		{"length past 64 bits", append(overflow, 1), func(d *Decoder) { d.Bytes() }, "longer than 64 bits"},
		{"huge length", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 'a'}, func(d *Decoder) { d.Bytes() }, "with 1 bytes left"},
		{"short digest", make([]byte, 31), func(d *Decoder) { d.Digest() }, "a digest cut short"},
		{"count past the bytes", []byte{3, 0, 0, 0, 0, 0}, func(d *Decoder) { d.Count(2) }, "3 values of 2 bytes or more in 5 bytes"},
		{"bytes past the end", []byte{1, 'a', 'b'}, func(d *Decoder) { d.Bytes(); d.End() }, "1 bytes past the end at byte 2 of 3"},
		{"negative int", func() []byte { var e Encoder; e.Int(-1); return e.Encoded() }(), func(d *Decoder) { d.Int() }, "is too large"},
		{"caller's error", []byte{1}, func(d *Decoder) { d.Fail("out of order") }, "out of order at byte 0"},
	}
	for _, tt := range tests {
		d := NewDecoder(tt.in)
		tt.read(d)
		err := d.Err()
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Err() = %v, want ErrDamaged with %q", tt.name, err, tt.want)
		}
		if d.Len() != 0 {
			t.Errorf("%s: Len() = %d after an error, want 0", tt.name, d.Len())
		}
	}
}

func TestCodecKeepsFirstError(t *testing.T) {
	d := NewDecoder([]byte{5, 'a', 'b'})
	if p := d.Bytes(); p != nil {
		t.Errorf("Bytes() = %q, want nil", p)
	}
	first := d.Err()
	// Every read after it returns a zero value and changes nothing.
	if u, v, n, c, p, g, r := d.Uvarint(), d.Varint(), d.Int(), d.Count(1), d.Bytes(), d.Digest(), d.Rest(); u != 0 || v != 0 || n != 0 || c != 0 || p != nil || g != [32]byte{} || r != nil {
		t.Errorf("reads after an error = %v %v %v %v %q %x %q, want zero values", u, v, n, c, p, g, r)
	}
	d.Fail("a second problem")
	if err := d.End(); err != first || !strings.Contains(err.Error(), "a length of 5 with 2 bytes left at byte 1") {
		t.Errorf("End() = %v, want the first error %v", err, first)
	}
}

func TestDecoderBytesCannotGrowIntoTheRecord(t *testing.T) {
	b := []byte{1, 'a', 'b'}
	d := NewDecoder(b)
	p := d.Bytes()
	_ = append(p, 'x')
	if b[2] != 'b' {
		t.Errorf("appending to Bytes() wrote into the record: %q", b)
	}
	if r := d.Rest(); string(r) != "b" || d.End() != nil {
		t.Errorf("Rest() = %q, End() = %v, want \"b\", nil", r, d.End())
	}
}

// String reads the strings Encoder.String wrote, each from one copy of
// the record: one allocation for all of them.
func TestDecoderStringCopiesTheRecordOnce(t *testing.T) {
	want := []string{"summary", "", "a heading", "https://example.com/x", "é"}
	var e Encoder
	for _, s := range want {
		e.String(s)
		e.Int(7)
	}
	record := e.Encoded()
	got := make([]string, 0, len(want))
	allocs := testing.AllocsPerRun(10, func() {
		got = got[:0]
		d := NewDecoder(record)
		for range want {
			got = append(got, d.String())
			if n := d.Int(); n != 7 {
				t.Fatalf("Int() = %d between strings, want 7", n)
			}
		}
		if err := d.End(); err != nil {
			t.Fatal(err)
		}
	})
	if !slices.Equal(got, want) {
		t.Fatalf("String() read %q, want %q", got, want)
	}
	if allocs > 2 { // the Decoder and the copy
		t.Errorf("reading %d strings allocated %v times, want 2", len(want), allocs)
	}
	record[1] = 'S' // the strings are a copy
	if got[0] != "summary" {
		t.Errorf("a string changed with the record: %q", got[0])
	}
}
