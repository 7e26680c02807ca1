package search

import (
	"math"
	"slices"
	"sync"
)

// Weighing turns the analyses into postings: for every term, the ids of
// the docs that have it, each with its stored weight. It is a scatter
// from docs to terms, and it is cut by docs: each core reads the
// analyses of one span of docs (ids lo to hi−1) and writes its pairs of each term
// into the part of the term's postings that its docs own, which begins
// after the pairs of the spans before (counted in vocabularyOf). Ids
// rise within a span and from one span to the next, so the postings come
// out in id order, the same bytes on any number of cores; no analysis is
// read twice and no list is merged.

// postingsBudget is the most int32s of postings weigh makes at once. At
// 100,000 pages the postings of every term take ~240 MB, the largest part
// of a build's memory while they last; made a run of terms at a time, in
// one pass over the analyses for each run, they take at most this.
const postingsBudget = 16 << 20

// span is the docs with ids lo to hi−1, weighed on one goroutine.
type span struct{ lo, hi int }

// splitDocs cuts the docs, in id order, into at most n spans of about as
// many bytes of counts each: one span per core.
func splitDocs(stats []*Analysis, n int) []span {
	total := 0
	for _, st := range stats {
		total += len(st.counts) + 1
	}
	out := make([]span, 0, n)
	lo, sum := 0, 0
	for id, st := range stats {
		sum += len(st.counts) + 1
		if len(out) < n-1 && sum*n >= total*(len(out)+1) {
			out = append(out, span{lo, id + 1})
			lo = id + 1
		}
	}
	return append(out, span{lo, len(stats)})
}

// vocabulary is the terms of the docs being indexed, each once, numbered
// in no particular order, with how many docs have each, in all and in
// each span; ids turns the term numbers of each table the analyses use
// into those.
type vocabulary struct {
	terms  []string // by id
	df     []int32  // by id
	ids    map[*termTable][]int32
	spans  []span
	spanDF [][]int32 // by span, then by id
}

// vocabularyOf is the vocabulary of the analyses of the docs, the terms
// some doc has, from whichever tables they come, counted on a goroutine
// per span. With one table (a build from scratch, or from one pack) no
// term needs looking up.
func vocabularyOf(stats []*Analysis, spans []span) vocabulary {
	counts := make([]map[*termTable][]int32, len(spans)) // by span
	used := make([][]*termTable, len(spans))
	var wg sync.WaitGroup
	for k, s := range spans {
		wg.Go(func() { counts[k], used[k] = docCounts(stats[s.lo:s.hi]) })
	}
	wg.Wait()
	v := vocabulary{ids: map[*termTable][]int32{}, spans: spans}
	var tables []*termTable // in the order first used
	for _, u := range used {
		for _, t := range u {
			if v.ids[t] == nil {
				v.ids[t] = make([]int32, len(t.terms))
				tables = append(tables, t)
			}
		}
	}
	var byTerm map[string]int32 // nil with one table
	if len(tables) > 1 {
		byTerm = map[string]int32{}
	}
	for _, t := range tables {
		ids := v.ids[t]
		for i := range ids {
			var n int32
			for k := range spans {
				if c := counts[k][t]; c != nil {
					n += c[i]
				}
			}
			if n == 0 {
				ids[i] = -1
				continue
			}
			id, seen := byTerm[t.terms[i]]
			if !seen {
				id = int32(len(v.terms))
				v.terms = append(v.terms, t.terms[i])
				v.df = append(v.df, 0)
				if byTerm != nil {
					byTerm[t.terms[i]] = id
				}
			}
			v.df[id] += n
			ids[i] = id
		}
	}
	v.spanDF = make([][]int32, len(spans))
	for k := range spans {
		df := make([]int32, len(v.terms))
		for t, c := range counts[k] {
			ids := v.ids[t]
			for i, n := range c {
				if n > 0 {
					df[ids[i]] += n
				}
			}
		}
		v.spanDF[k] = df
	}
	return v
}

// weigh makes every term's postings and gives them to emit in client
// order, a run of terms at a time: the ids of the docs that have the
// term, ascending, each with its stored weight round(tf̃ × scale), where
// tf̃ is the BM25F pseudo-frequency Σ w_f·tf_f / (1 − b_f + b_f·len_f/avglen_f). The filter terms
// ":k:<kind>" and ":s:<skill key>" get the ids alone. The postings of a
// run of terms of at most budget int32s (or of one term, when it alone is
// more) are made together, on a goroutine per span of the vocabulary, and
// let go once emitted; in the pass of the last run, weigh lets go of the
// analyses it made (those of docs without an Analysis).
func weigh(docs []Doc, stats []*Analysis, vocab vocabulary, budget int, emit func([]termPostings)) {
	avg := avgLens(stats)
	norms := make([][nfields]float64, len(stats))
	filters := map[string][]int32{}
	for id, st := range stats {
		for f, fd := range fields {
			norms[id][f] = 1 - fd.b + fd.b*float64(st.lens[f])/avg[f]
		}
		addFilter(filters, ":k:"+docs[id].Kind, id)
		for _, s := range docs[id].Skills {
			addFilter(filters, ":s:"+s.Key, id)
		}
	}
	// Every term in client order: those of the vocabulary by id, filters
	// with id -1.
	type slot struct {
		term string
		id   int32
	}
	order := make([]slot, 0, len(vocab.terms)+len(filters))
	for id, t := range vocab.terms {
		order = append(order, slot{t, int32(id)})
	}
	for t := range filters {
		order = append(order, slot{t, -1})
	}
	slices.SortFunc(order, func(a, b slot) int { return compareTerms(a.term, b.term) })
	size := func(s slot) int {
		if s.id < 0 {
			return 0
		}
		return 2 * int(vocab.df[s.id])
	}
	// next[k][id] is where the next pair of span k for term id goes in
	// pairs while the term is in the run being made; -1 outside it.
	next := make([][]int32, len(vocab.spans))
	for k := range next {
		next[k] = make([]int32, len(vocab.terms))
		for i := range next[k] {
			next[k][i] = -1
		}
	}
	for lo := 0; lo < len(order); {
		hi, n := lo+1, size(order[lo])
		for hi < len(order) && n+size(order[hi]) <= budget {
			n += size(order[hi])
			hi++
		}
		run := make([]termPostings, hi-lo)
		pairs := make([]int32, n)
		start := 0
		for i, s := range order[lo:hi] {
			run[i].term = s.term
			if s.id < 0 {
				run[i].ids = filters[s.term]
				continue
			}
			k := size(s)
			run[i].ids = pairs[start : start+k : start+k]
			for j := range vocab.spans {
				next[j][s.id] = int32(start)
				start += 2 * int(vocab.spanDF[j][s.id])
			}
		}
		p := postings{docs: docs, stats: stats, vocab: &vocab, norms: norms, pairs: pairs, last: hi == len(order)}
		var wg sync.WaitGroup
		for j, sp := range vocab.spans {
			wg.Go(func() { p.weighSpan(sp, next[j]) })
		}
		wg.Wait()
		for _, s := range order[lo:hi] {
			if s.id >= 0 {
				for j := range next {
					next[j][s.id] = -1
				}
			}
		}
		emit(run)
		lo = hi
	}
}

// postings is one run of weigh's: the pairs of its terms, made by spans.
type postings struct {
	docs  []Doc
	stats []*Analysis
	vocab *vocabulary
	norms [][nfields]float64 // by doc id
	pairs []int32            // the postings of the run's terms, one after the other
	last  bool               // the run is weigh's last: let go of the analyses made
}

// weighSpan writes the pairs of the docs of sp into pairs, those of term
// id from next[id] on (-1: the term is not in the run).
func (p *postings) weighSpan(sp span, next []int32) {
	for id := sp.lo; id < sp.hi; id++ {
		st := p.stats[id]
		if len(p.pairs) > 0 {
			ids := p.vocab.ids[st.table]
			r := newEntryReader(st)
			var tf [nfields]int
			for {
				t, ok := r.next(&tf)
				if !ok {
					break
				}
				if c := next[ids[t]]; c >= 0 {
					p.pairs[c], p.pairs[c+1] = int32(id), weight(tf, p.norms[id])
					next[ids[t]] += 2
				}
			}
		}
		if p.last && p.docs[id].Analysis == nil {
			p.stats[id] = nil
		}
	}
}

// avgLens is the mean length of each field, at least 1.
func avgLens(stats []*Analysis) [nfields]float64 {
	var avg [nfields]float64
	for _, st := range stats {
		for f, n := range st.lens {
			avg[f] += float64(n)
		}
	}
	for f := range avg {
		avg[f] = max(avg[f]/float64(max(len(stats), 1)), 1)
	}
	return avg
}

// weight is the stored weight of a term that occurs tf times in the fields
// of a doc whose fields' length norms are norm. A field without the term
// adds nothing (x + 0 is x, exactly), and most terms are in one field: its
// division alone is made.
func weight(tf [nfields]int, norm [nfields]float64) int32 {
	var x float64
	for f, n := range tf {
		if n != 0 {
			x += fields[f].w * float64(n) / norm[f]
		}
	}
	return max(int32(math.Round(x*scale)), 1)
}

// addFilter adds doc id to a filter term once.
func addFilter(filters map[string][]int32, term string, id int) {
	p := filters[term]
	if len(p) == 0 || p[len(p)-1] != int32(id) {
		filters[term] = append(p, int32(id))
	}
}
