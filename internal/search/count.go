package search

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
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
			a := analyzer{dict: dict, word: map[string]int32{}, row: map[string]int32{}, plain: opts.Plain}
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

// analyzer counts the terms of one page at a time, in tables it clears
// and reuses, so that the whole analysis allocates little more than the
// counts it keeps. The words and terms in its tables are pieces of the
// page's folded text (or stems made from them); the dictionary keeps
// copies, so no text outlives its page.
type analyzer struct {
	dict  *dictionary
	word  map[string]int32 // a word of the page → its term's row in rows, or noTerm
	row   map[string]int32 // a term of the page → its row in rows
	rows  []termRow
	buf   []byte
	plain bool // Options.Plain
}

// noTerm is the row of a word without a term (a stop word, a word too
// long).
const noTerm = -1

// termRow is a term's count in each field of the page being analysed.
type termRow struct {
	term string
	id   int32
	tf   [nfields]int
}

// analyze counts the terms of one doc, field by field: the title; the
// skills; the description, the label of its kind ("Certification review")
// and the headings; the body's text and BodyText. The joined words of
// hyphenated pairs are indexed but do not add to a field's length. A
// word met again on the page is looked up once, by the word: its term is
// not made again.
func (a *analyzer) analyze(d *Doc, body, kindLabel string) *Analysis {
	clear(a.word)
	clear(a.row)
	a.rows = a.rows[:0]
	var lens [nfields]int
	countFolded := func(f int, folded string) {
		Words(folded, func(w string, joined bool) {
			i, ok := a.word[w]
			if !ok {
				i = a.rowOf(Term(w, a.plain))
				a.word[w] = i
			}
			if i == noTerm {
				return
			}
			a.rows[i].tf[f]++
			if !joined {
				lens[f]++
			}
		})
	}
	count := func(f int, text string) { countFolded(f, Fold(text)) }
	count(0, d.Title)
	for _, s := range d.Skills {
		count(1, s.Name)
	}
	count(2, d.Description)
	count(2, kindLabel)
	for _, h := range d.Headings {
		count(2, h)
	}
	countFolded(3, foldedText(body))
	for _, t := range d.BodyText {
		count(3, t)
	}
	a.dict.number(a.rows)
	an := &Analysis{counts: a.encode()}
	for f, n := range lens {
		an.lens[f] = int32(min(n, math.MaxInt32))
	}
	return an
}

// rowOf returns the row of term t in rows, adding one when the page has
// none yet; noTerm for no term ("").
func (a *analyzer) rowOf(t string) int32 {
	if t == "" {
		return noTerm
	}
	i, ok := a.row[t]
	if !ok {
		i = int32(len(a.rows))
		a.row[t] = i
		a.rows = append(a.rows, termRow{term: t})
	}
	return i
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

// number sets the id of each of the rows of one page, numbering the terms
// it has not seen: one lock a page.
func (d *dictionary) number(rows []termRow) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i, r := range rows {
		id, ok := d.ids[r.term]
		if !ok {
			id = int32(len(d.terms))
			t := strings.Clone(r.term)
			d.ids[t] = id
			d.terms = append(d.terms, t)
		}
		rows[i].id = id
	}
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
