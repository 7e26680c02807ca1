package search

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/bits"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// An Analysis is what the index keeps of one doc's indexed fields: how
// often each term occurs in each field, and each field's length. Analyze
// makes them; Build takes them back in Doc.Analysis, in the same process
// or, through EncodeAnalyses and DecodeAnalyses, in another, and does not
// read those docs' fields again.
//
// An Analysis is compact: its terms are numbers in a table of strings
// that the analyses made together share, and its counts are varints.
// It is never changed once made, so any number of builds may share it.
type Analysis struct {
	table  *termTable
	counts []byte // its entries (see entryReader); every term once
	lens   [nfields]int32
}

// termTable names the terms of analyses by number.
type termTable struct {
	terms  []string
	sorted bool // the terms are in byte order (a decoded pack's)
}

// An entry of an Analysis is a term and its counts, written as the
// uvarint of (d << nfields | mask), where d is the zigzag of the term's
// number minus the number of the entry before (-1 before the first) and
// bit f of mask is set for the fields the term occurs in, followed by the
// uvarint of its count in each of those fields, in field order. The
// entries of a fresh analysis come in the order its terms were met; in a
// pack, in rising term order.
type entryReader struct {
	b    []byte
	prev int
	bad  bool // the entries are malformed (only a pack's can be)
}

func newEntryReader(a *Analysis) entryReader { return entryReader{b: a.counts, prev: -1} }

// next reads one entry into tf, the term's count in each field, and
// returns the term's number; false at the end or at a malformed entry.
func (r *entryReader) next(tf *[nfields]int) (int, bool) {
	if len(r.b) == 0 {
		return 0, false
	}
	head, n := binary.Uvarint(r.b)
	mask := head & (1<<nfields - 1)
	if n <= 0 || mask == 0 {
		r.bad = true
		return 0, false
	}
	r.b = r.b[n:]
	for f := range tf {
		tf[f] = 0
		if mask&(1<<f) == 0 {
			continue
		}
		c, n := binary.Uvarint(r.b)
		if n <= 0 || c == 0 || c > math.MaxInt32 {
			r.bad = true
			return 0, false
		}
		tf[f] = int(c)
		r.b = r.b[n:]
	}
	r.prev += unzigzag(head >> nfields)
	return r.prev, true
}

// skip reads one entry of an analysis known to be well formed (not one
// being decoded) without decoding its counts: the term's number, the mask
// of its fields and the bytes of its counts.
func (r *entryReader) skip() (term int, mask uint64, counts []byte, ok bool) {
	if len(r.b) == 0 {
		return 0, 0, nil, false
	}
	head, n := binary.Uvarint(r.b)
	mask = head & (1<<nfields - 1)
	end := n
	for range bits.OnesCount64(mask) {
		for r.b[end] >= 0x80 {
			end++
		}
		end++
	}
	counts, r.b = r.b[n:end], r.b[end:]
	r.prev += unzigzag(head >> nfields)
	return r.prev, mask, counts, true
}

// appendEntry appends the entry of term, whose entry before was prev's,
// with counts tf (at least one not zero).
func appendEntry(b []byte, prev, term int, tf *[nfields]int) []byte {
	var mask uint64
	for f, n := range tf {
		if n > 0 {
			mask |= 1 << f
		}
	}
	b = binary.AppendUvarint(b, zigzag(term-prev)<<nfields|mask)
	for _, n := range tf {
		if n > 0 {
			b = binary.AppendUvarint(b, uint64(n))
		}
	}
	return b
}

func zigzag(d int) uint64 { return uint64(d<<1) ^ uint64(d>>63) }

func unzigzag(v uint64) int { return int(v>>1) ^ -int(v&1) }

// dictionary numbers terms for the workers of analyzeAll.
type dictionary struct {
	mu    sync.Mutex
	ids   map[string]int32
	terms []string // by id
}

// id returns the number of term t, numbering it if it has none.
func (d *dictionary) id(t string) int32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	id, ok := d.ids[t]
	if !ok {
		id = int32(len(d.terms))
		d.ids[t] = id
		d.terms = append(d.terms, t)
	}
	return id
}

// analyzeAll returns the analysis of every doc: its Analysis when it has
// one, else one counted from its fields on workers goroutines. Those it
// makes share one table, which holds their terms and no others, numbered
// in the order the workers meet them (not the same from run to run:
// nothing written may depend on a number). A ReadBody that fails stops
// the workers; its error is returned.
func analyzeAll(docs []Doc, opts Options, workers int) ([]*Analysis, error) {
	out := make([]*Analysis, len(docs))
	table := &termTable{}
	dict := &dictionary{ids: map[string]int32{}}
	var next atomic.Int64
	var failed sync.Once
	var err error
	var wg sync.WaitGroup
	for range min(workers, max(len(docs), 1)) {
		wg.Go(func() {
			a := newAnalyzer(dict, opts.Plain)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(docs) {
					return
				}
				if out[i] = docs[i].Analysis; out[i] != nil {
					continue
				}
				body := docs[i].Body
				if read := docs[i].ReadBody; read != nil {
					var e error
					if body, e = read(); e != nil {
						failed.Do(func() { err = e })
						next.Store(int64(len(docs)))
						return
					}
				}
				out[i] = a.analyze(&docs[i], body, opts.KindLabels[docs[i].Kind])
				out[i].table = table
			}
		})
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}
	table.terms = dict.terms
	return out, nil
}

// analyzer counts the terms of one page at a time, for one worker of
// analyzeAll. A word is looked up once per occurrence, in the table of
// every word the analyzer met: a word met before, on this page or an
// earlier one, is not folded into a term (Term) nor numbered (dictionary)
// again, nor copied. It counts in tables it clears and reuses, so that the
// whole analysis allocates little more than the counts it keeps and the
// words it remembers.
type analyzer struct {
	dict  *dictionary
	plain bool // Options.Plain
	split wordSplitter

	known map[string]int32 // a word met on any page → its term's number, or noTerm
	rowOf []int32          // by term number: 1 + its row in rows, 0 for none
	rows  []termRow        // the terms of the page
	field int              // the field being counted
	lens  [nfields]int     // the length of each field of the page
	buf   []byte
}

// maxKnownWords bounds the words an analyzer remembers: past it, it
// forgets them all and learns those it meets next. A site's vocabulary
// follows Zipf's law: the words of most pages stay within it.
const maxKnownWords = 1 << 16

// noTerm is the number of a word without a term (a stop word, a word too
// long).
const noTerm = -1

// termRow is a term's count in each field of the page being analysed.
type termRow struct {
	id int32
	tf [nfields]int
}

func newAnalyzer(dict *dictionary, plain bool) *analyzer {
	a := &analyzer{dict: dict, plain: plain, known: map[string]int32{}}
	a.split.yield = a.countWord
	return a
}

// analyze counts the terms of one doc, field by field: the title; the
// skills; the description, the label of its kind ("Certification review")
// and the headings; the body's text and BodyText. Each is read on its own:
// no word spans two. The joined words of hyphenated pairs are indexed but
// do not add to a field's length.
func (a *analyzer) analyze(d *Doc, body, kindLabel string) *Analysis {
	a.count(0, d.Title)
	for _, s := range d.Skills {
		a.count(1, s.Name)
	}
	a.count(2, d.Description)
	a.count(2, kindLabel)
	for _, h := range d.Headings {
		a.count(2, h)
	}
	a.field = 3
	a.countBody(body)
	for _, t := range d.BodyText {
		a.count(3, t)
	}
	an := &Analysis{counts: a.encode()}
	for f, n := range a.lens {
		an.lens[f] = int32(min(n, math.MaxInt32))
	}
	a.lens = [nfields]int{}
	for _, r := range a.rows {
		a.rowOf[r.id] = 0
	}
	a.rows = a.rows[:0]
	return an
}

// count counts the words of text in field f.
func (a *analyzer) count(f int, text string) {
	a.field = f
	a.split.write(text)
	a.split.endText()
}

// countBody counts the words of the text of body, HTML, in the field
// being counted.
func (a *analyzer) countBody(body string) {
	if utf8.ValidString(body) {
		eachText(body, a.split.write)
	} else {
		// The bytes of a rune may lie on both sides of a tag: the text is
		// folded whole.
		a.split.write(Text(body))
	}
	a.split.endText()
}

// countWord counts word, folded, in the field being counted.
func (a *analyzer) countWord(word []byte, joined bool) {
	id, ok := a.known[string(word)]
	if !ok {
		id = a.learn(string(word))
	}
	if id == noTerm {
		return
	}
	if int(id) >= len(a.rowOf) {
		a.rowOf = append(a.rowOf, make([]int32, int(id)+1-len(a.rowOf))...)
	}
	row := a.rowOf[id] - 1
	if row < 0 {
		row = int32(len(a.rows))
		a.rowOf[id] = row + 1
		a.rows = append(a.rows, termRow{id: id})
	}
	a.rows[row].tf[a.field]++
	if !joined {
		a.lens[a.field]++
	}
}

// learn returns the number of the term of word, or noTerm, and remembers
// it. word is the analyzer's own (a copy of the splitter's bytes): the
// dictionary may keep its term, a piece of it.
func (a *analyzer) learn(word string) int32 {
	id := int32(noTerm)
	if t := Term(word, a.plain); t != "" {
		id = a.dict.id(t)
	}
	if len(a.known) >= maxKnownWords {
		clear(a.known)
	}
	a.known[word] = id
	return id
}

// encode writes the entries of the rows, in a slice of their own.
func (a *analyzer) encode() []byte {
	a.buf = a.buf[:0]
	prev := -1
	for i := range a.rows {
		r := &a.rows[i]
		a.buf = appendEntry(a.buf, prev, int(r.id), &r.tf)
		prev = int(r.id)
	}
	return bytes.Clone(a.buf)
}

// docCounts returns, for each term table the analyses use, how many of
// them have each of its terms, and the tables in the order first used.
func docCounts(analyses []*Analysis) (map[*termTable][]int32, []*termTable) {
	counts := map[*termTable][]int32{}
	var tables []*termTable
	for _, a := range analyses {
		n, ok := counts[a.table]
		if !ok {
			n = make([]int32, len(a.table.terms))
			counts[a.table] = n
			tables = append(tables, a.table)
		}
		r := newEntryReader(a)
		for {
			t, _, _, ok := r.skip()
			if !ok {
				break
			}
			n[t]++
		}
	}
	return counts, tables
}
