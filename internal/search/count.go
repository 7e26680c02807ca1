package search

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// docStats are the term frequencies and field lengths of one page.
type docStats struct {
	counts []termCount // the counts of a term are side by side
	lens   [nfields]int
}

// termCount is how often a term occurs in one field of a page. A count
// above math.MaxUint16 takes more than one termCount: they add up. Eight
// bytes a term and field, for every page of the site, is most of what the
// analysis holds until weigh.
type termCount struct {
	term  int32 // its id in the vocabulary
	n     uint16
	field uint8
}

// vocabulary is the terms of every page, numbered in the order the
// workers of analyzeAll meet them, which is not the same from run to run:
// nothing written may depend on an id.
type vocabulary struct {
	terms []string // by id
	df    []int32  // by id: how many pages have the term
}

// dictionary numbers terms for the workers of analyzeAll.
type dictionary struct {
	mu  sync.Mutex
	ids map[string]int32
	vocabulary
}

// analyzeAll counts the terms of every doc's fields on workers goroutines.
// A ReadBody that fails stops the workers; its error is returned.
func analyzeAll(docs []Doc, labels map[string]string, workers int) ([]docStats, vocabulary, error) {
	stats := make([]docStats, len(docs))
	dict := &dictionary{ids: map[string]int32{}}
	var next atomic.Int64
	var failed sync.Once
	var err error
	var wg sync.WaitGroup
	for range min(workers, max(len(docs), 1)) {
		wg.Go(func() {
			a := analyzer{dict: dict, row: map[string]int32{}}
			for {
				i := int(next.Add(1) - 1)
				if i >= len(docs) {
					return
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
				stats[i] = a.analyze(&docs[i], body, labels[docs[i].Kind])
			}
		})
	}
	wg.Wait()
	return stats, dict.vocabulary, err
}

// analyzer counts the terms of one page at a time, in tables it clears
// and reuses, so that the whole analysis allocates little more than the
// counts it keeps. The terms in its tables are pieces of the page's folded
// text; the dictionary keeps copies, so no text outlives its page.
type analyzer struct {
	dict *dictionary
	row  map[string]int32 // a term of the page → its row in rows
	rows []termRow
	buf  []termCount
}

// termRow is a term's count in each field of the page being analysed.
type termRow struct {
	term string
	id   int32
	tf   [nfields]int
}

// analyze counts the terms of one doc, field by field: the title; the
// skills; the description, the label of its kind ("Certification review")
// and the headings; the body. The joined words of hyphenated pairs are
// indexed but do not add to a field's length.
func (a *analyzer) analyze(d *Doc, body, kindLabel string) docStats {
	clear(a.row)
	a.rows = a.rows[:0]
	var st docStats
	count := func(f int, text string) {
		Words(Fold(text), func(w string, joined bool) {
			t := Term(w)
			if t == "" {
				return
			}
			i, ok := a.row[t]
			if !ok {
				i = int32(len(a.rows))
				a.row[t] = i
				a.rows = append(a.rows, termRow{term: t})
			}
			a.rows[i].tf[f]++
			if !joined {
				st.lens[f]++
			}
		})
	}
	count(0, d.Title)
	for _, s := range d.Skills {
		count(1, s.Name)
	}
	count(2, d.Description)
	count(2, kindLabel)
	for _, h := range d.Headings {
		count(2, h)
	}
	count(3, Text(body))
	a.dict.number(a.rows)
	st.counts = a.termCounts()
	return st
}

// termCounts lists the counts of the rows, field by field, in a slice of
// their own.
func (a *analyzer) termCounts() []termCount {
	a.buf = a.buf[:0]
	for _, r := range a.rows {
		for f, n := range r.tf {
			for ; n > 0; n -= math.MaxUint16 {
				a.buf = append(a.buf, termCount{term: r.id, n: uint16(min(n, math.MaxUint16)), field: uint8(f)})
			}
		}
	}
	return slices.Clone(a.buf)
}

// number sets the id of each of the rows of one page, numbering the terms
// it has not seen, and counts the page in their df: one lock a page.
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
			d.df = append(d.df, 0)
		}
		rows[i].id = id
		d.df[id]++
	}
}
