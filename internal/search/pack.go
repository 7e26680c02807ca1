package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// packMagic begins an encoding of analyses; its last digit is the
// format's version.
const packMagic = "search analyses 1\n"

// EncodeAnalyses writes analyses, for DecodeAnalyses to read back in
// another process, compactly: the terms they have once, in byte order and
// front-coded (each as the length of the prefix it shares with the term
// before and the rest), then for each analysis its field lengths and its
// entries (see entryReader) in rising term order, numbering terms in that
// list. The same analyses give the same bytes.
func EncodeAnalyses(analyses []*Analysis) []byte {
	terms, renumber := packTerms(analyses)
	size := len(packMagic) + 20
	for _, t := range terms {
		size += len(t) + 2
	}
	for _, a := range analyses {
		size += len(a.counts) + 3*nfields
	}
	out := make([]byte, 0, size)
	out = append(out, packMagic...)
	out = binary.AppendUvarint(out, uint64(len(terms)))
	prev := ""
	for _, t := range terms {
		n := commonPrefix(prev, t)
		out = binary.AppendUvarint(out, uint64(n))
		out = binary.AppendUvarint(out, uint64(len(t)-n))
		out = append(out, t[n:]...)
		prev = t
	}
	out = binary.AppendUvarint(out, uint64(len(analyses)))
	type entry struct {
		mask   uint64
		counts []byte
	}
	var (
		entries []entry
		keys    []uint64 // term number << 32 | index in entries
		body    []byte
	)
	for _, a := range analyses {
		for _, n := range a.lens {
			out = binary.AppendUvarint(out, uint64(n))
		}
		entries, keys = entries[:0], keys[:0]
		ids := renumber[a.table]
		r := newEntryReader(a)
		for {
			t, mask, counts, ok := r.skip()
			if !ok {
				break
			}
			keys = append(keys, uint64(ids[t])<<32|uint64(len(entries)))
			entries = append(entries, entry{mask, counts})
		}
		if !slices.IsSorted(keys) { // made by Analyze, not decoded
			slices.Sort(keys)
		}
		body = body[:0]
		prev := -1
		for _, k := range keys {
			t, e := int(k>>32), entries[uint32(k)]
			body = binary.AppendUvarint(body, zigzag(t-prev)<<nfields|e.mask)
			body = append(body, e.counts...)
			prev = t
		}
		out = binary.AppendUvarint(out, uint64(len(body)))
		out = append(out, body...)
	}
	return out
}

// packTerms returns the terms the analyses have, sorted, each once, and
// for each of their tables the number in that list of each of its terms
// (of those the analyses have). A table not in byte order (one Analyze
// made) has its terms sorted; the tables are merged one after the other.
func packTerms(analyses []*Analysis) ([]string, map[*termTable][]int32) {
	renumber, tables := docCounts(analyses) // the counts, made numbers in place below
	lists := make([][]int32, len(tables))   // the used terms of each table, sorted
	var terms []string
	for i, t := range tables {
		for j, u := range renumber[t] {
			if u != 0 {
				lists[i] = append(lists[i], int32(j))
			}
		}
		if !t.sorted {
			slices.SortFunc(lists[i], func(a, b int32) int { return strings.Compare(t.terms[a], t.terms[b]) })
		}
		terms = mergeTerms(terms, t.terms, lists[i])
	}
	for i, t := range tables {
		ids, k := renumber[t], 0
		for _, j := range lists[i] {
			for terms[k] != t.terms[j] {
				k++
			}
			ids[j] = int32(k)
		}
	}
	return terms, renumber
}

// mergeTerms merges a sorted list of distinct terms with the terms of
// table at the sorted numbers list, keeping each term once.
func mergeTerms(terms, table []string, list []int32) []string {
	out := make([]string, 0, len(terms)+len(list))
	i := 0
	for _, j := range list {
		t := table[j]
		for i < len(terms) && terms[i] < t {
			out = append(out, terms[i])
			i++
		}
		if i < len(terms) && terms[i] == t {
			i++
		}
		out = append(out, t)
	}
	return append(out, terms[i:]...)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// errPack is the error of every malformed encoding; what is wrong with it
// is in the message.
var errPack = errors.New("search: not an encoding of analyses")

// DecodeAnalyses reads what EncodeAnalyses wrote. It checks everything
// Build relies on and returns an error, never a panic, for any other
// bytes: a cut or damaged encoding, one of another format, terms not in
// order or not terms at all, a term number out of range, a count of 0.
// The analyses share one table of the terms and keep parts of data, which
// must not change afterwards; nothing else is copied.
func DecodeAnalyses(data []byte) ([]*Analysis, error) {
	d := packDecoder{b: data}
	if !bytes.HasPrefix(data, []byte(packMagic)) {
		return nil, fmt.Errorf("%w: no header", errPack)
	}
	d.b = d.b[len(packMagic):]
	table := &termTable{sorted: true}
	if table.terms = d.terms(); d.err != nil {
		return nil, d.err
	}
	n := d.uvarint(uint64(len(d.b) / (nfields + 1))) // an analysis takes nfields+1 bytes at least
	out := make([]*Analysis, 0, n)
	for ; n > 0 && d.err == nil; n-- {
		a := &Analysis{table: table}
		for f := range a.lens {
			a.lens[f] = int32(d.uvarint(math.MaxInt32))
		}
		a.counts = d.bytes()
		if d.err == nil {
			d.check(a, len(table.terms))
		}
		out = append(out, a)
	}
	if d.err == nil && len(d.b) > 0 {
		d.fail("bytes after the last analysis")
	}
	if d.err != nil {
		return nil, d.err
	}
	return out, nil
}

// packDecoder reads an encoding of analyses, stopping at the first error.
type packDecoder struct {
	b   []byte
	err error
}

func (d *packDecoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", errPack, what)
	}
	d.b = nil
}

// uvarint reads a uvarint no larger than limit.
func (d *packDecoder) uvarint(limit uint64) uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > limit {
		d.fail("a number is cut short or out of range")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// bytes reads a uvarint length and that many bytes.
func (d *packDecoder) bytes() []byte {
	n := d.uvarint(math.MaxInt)
	if n > uint64(len(d.b)) {
		d.fail("cut short")
		return nil
	}
	p := d.b[:n:n]
	d.b = d.b[n:]
	return p
}

// maxTermBytes is the most bytes a term can take in UTF-8.
const maxTermBytes = maxWordLen * utf8.UTFMax

// terms reads the front-coded terms, into one string: each must be longer
// than nothing, above the one before, valid UTF-8 of at most maxWordLen
// code points, and not start as a filter term does.
func (d *packDecoder) terms() []string {
	n := d.uvarint(uint64(len(d.b)) / 2) // a term takes two bytes at least
	var text []byte
	ends := make([]int, 0, n)
	var prev []byte
	for range n {
		shared := int(d.uvarint(uint64(len(prev))))
		rest := d.bytes()
		if d.err != nil {
			return nil
		}
		start := len(text)
		text = append(text, prev[:shared]...)
		text = append(text, rest...)
		t := text[start:]
		switch {
		case len(t) == 0 || len(t) > maxTermBytes || !utf8.Valid(t) || utf8.RuneCount(t) > maxWordLen:
			d.fail(fmt.Sprintf("%q is not a term", t))
		case t[0] == ':':
			d.fail(fmt.Sprintf("%q is a filter term", t))
		case len(ends) > 0 && bytes.Compare(t, prev) <= 0:
			d.fail(fmt.Sprintf("the terms %q, %q are not in order", prev, t))
		}
		if d.err != nil {
			return nil
		}
		ends = append(ends, len(text))
		prev = t
	}
	all := string(text)
	terms := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		terms[i] = all[start:end]
		start = end
	}
	return terms
}

// check reads every entry of a: term numbers rising and below terms.
func (d *packDecoder) check(a *Analysis, terms int) {
	r := newEntryReader(a)
	var tf [nfields]int
	prev := -1
	for {
		t, ok := r.next(&tf)
		if !ok {
			break
		}
		if t <= prev || t >= terms {
			d.fail("a term number is out of order or out of range")
			return
		}
		prev = t
	}
	if r.bad {
		d.fail("an entry is malformed")
	}
}
