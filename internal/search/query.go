package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Index reads a built index the way the client does, fetching only the
// files a query needs. It is the reference for assets/js/search.js: the
// tests rank with it, and the browser test checks that the client agrees.
type Index struct {
	fetch  func(name string) ([]byte, error)
	m      Manifest
	shards map[string]map[string][]int // by hash
	chunks map[int][]Record
}

// Record is a page as results show it.
type Record struct {
	URL, Title, Kind, Summary string
}

// Query is what a reader asks for: words, and optionally a kind and a
// skill key that every result must have.
type Query struct {
	Text        string
	Kind, Skill string
}

// Result is one page found, with its score.
type Result struct {
	Record
	ID    int
	Score float64
}

// Search constants, the same in the client.
const (
	prefixWeight    = 0.7 // a term that only starts with the query word counts this much
	maxPrefixShards = 3   // a prefix reads at most this many shards
)

// Open reads the manifest through fetch, which is given names relative to
// the index's folder ("index.json", "t/3f2a9c1e07.json").
func Open(fetch func(name string) ([]byte, error)) (*Index, error) {
	ix := &Index{fetch: fetch, shards: map[string]map[string][]int{}, chunks: map[int][]Record{}}
	data, err := fetch("index.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &ix.m); err != nil {
		return nil, fmt.Errorf("index.json: %w", err)
	}
	if ix.m.Version != formatVersion {
		return nil, fmt.Errorf("index.json: format %d, want %d", ix.m.Version, formatVersion)
	}
	return ix, nil
}

// token is one word of a query.
type token struct {
	term   string
	prefix bool // it also matches the terms that start with it
}

// queryTokens analyses a query, under plain rules or English ones (Term): its terms, each a prefix when it has three
// code points or more, or two for the last word (the one being typed).
// A term that repeats is kept once.
func queryTokens(q string, plain bool) []token {
	var words []string
	Words(Fold(q), func(w string, joined bool) {
		if !joined {
			words = append(words, w)
		}
	})
	var out []token
	for i, w := range words {
		t := Term(w, plain)
		if t == "" || slices.ContainsFunc(out, func(o token) bool { return o.term == t }) {
			continue
		}
		n := utf8.RuneCountInString(t)
		out = append(out, token{term: t, prefix: n >= 3 || n == 2 && i == len(words)-1})
	}
	return out
}

// Search returns the total number of pages that match q and the first
// limit of them, best first. A page matches when it has every word of the
// query (a word matches a term equal to it, or starting with it when it is
// a prefix); when no page has them all, the pages with the most of them
// are returned. Pages rank by Σ over the words of the best of the word's
// terms on the page: weight × idf × tf(k1+1)/(tf+k1), with idf =
// ln(1 + (N − df + 0.5)/(df + 0.5)) and tf the stored weight ÷ scale; a
// tie goes to the page first in URL order.
func (ix *Index) Search(q Query, limit int) (int, []Result, error) {
	tokens := queryTokens(q.Text, ix.m.Plain)
	if len(tokens) == 0 {
		return 0, nil, nil
	}
	scores := map[int]float64{}
	hits := map[int]int{}
	for _, tok := range tokens {
		best, err := ix.tokenScores(tok)
		if err != nil {
			return 0, nil, err
		}
		for id, s := range best {
			scores[id] += s
			hits[id]++
		}
	}
	for _, f := range []string{filterTerm(":k:", q.Kind), filterTerm(":s:", q.Skill)} {
		if f == "" {
			continue
		}
		ids, err := ix.filterIDs(f)
		if err != nil {
			return 0, nil, err
		}
		for id := range scores {
			if !ids[id] {
				delete(scores, id)
			}
		}
	}
	most := 0
	for id := range scores {
		most = max(most, hits[id])
	}
	var found []Result
	for id, s := range scores {
		if hits[id] == most {
			found = append(found, Result{ID: id, Score: s})
		}
	}
	slices.SortFunc(found, func(a, b Result) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.ID, b.ID))
	})
	total := len(found)
	found = found[:min(limit, total)]
	for i := range found {
		rec, err := ix.record(found[i].ID)
		if err != nil {
			return 0, nil, err
		}
		found[i].Record = rec
	}
	return total, found, nil
}

func filterTerm(prefix, value string) string {
	if value == "" {
		return ""
	}
	return prefix + value
}

// tokenScores returns, for every page that has a term matching tok, the
// best score of those terms on it.
func (ix *Index) tokenScores(tok token) (map[int]float64, error) {
	hi := tok.term
	if tok.prefix {
		hi += "\uffff"
	}
	first, last := ix.shardRange(tok.term, hi)
	best := map[int]float64{}
	for i := first; i <= last; i++ {
		terms, err := ix.shard(i)
		if err != nil {
			return nil, err
		}
		for term, p := range terms {
			w := 1.0
			switch {
			case term == tok.term:
			case tok.prefix && strings.HasPrefix(term, tok.term):
				w = prefixWeight
			default:
				continue
			}
			df := len(p) / 2
			idf := math.Log(1 + (float64(ix.m.Pages)-float64(df)+0.5)/(float64(df)+0.5))
			id := 0
			for j := 0; j < len(p); j += 2 {
				id += p[j]
				tf := float64(p[j+1]) / float64(ix.m.Scale)
				s := w * idf * tf * (ix.m.K1 + 1) / (tf + ix.m.K1)
				best[id] = max(best[id], s)
			}
		}
	}
	return best, nil
}

// shardRange returns the shards that can hold terms from lo to hi: from
// the last shard whose key is at most lo to the last whose key is at most
// hi, but no more than maxPrefixShards.
func (ix *Index) shardRange(lo, hi string) (int, int) {
	n := len(ix.m.Shards) / 2
	find := func(t string) int {
		// the last i with key(i) <= t; key(0) is ""
		lo, hi := 0, n-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if compareTerms(ix.m.Shards[2*mid], t) <= 0 {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return lo
	}
	first := find(lo)
	return first, min(find(hi), first+maxPrefixShards-1)
}

// shard fetches shard i, once.
func (ix *Index) shard(i int) (map[string][]int, error) {
	hash := ix.m.Shards[2*i+1]
	if s, ok := ix.shards[hash]; ok {
		return s, nil
	}
	data, err := ix.fetch("t/" + hash + ".json")
	if err != nil {
		return nil, err
	}
	var s map[string][]int
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("t/%s.json: %w", hash, err)
	}
	ix.shards[hash] = s
	return s, nil
}

// filterIDs returns the pages that have the filter term.
func (ix *Index) filterIDs(term string) (map[int]bool, error) {
	first, _ := ix.shardRange(term, term)
	s, err := ix.shard(first)
	if err != nil {
		return nil, err
	}
	ids := map[int]bool{}
	id := 0
	for _, d := range s[term] {
		id += d
		ids[id] = true
	}
	return ids, nil
}

// record fetches page id's record, reading its chunk once.
func (ix *Index) record(id int) (Record, error) {
	c := id / ix.m.Chunk
	recs, ok := ix.chunks[c]
	if !ok {
		name := "r/" + ix.m.Records[c] + ".json"
		data, err := ix.fetch(name)
		if err != nil {
			return Record{}, err
		}
		var raw [][4]any
		if err := json.Unmarshal(data, &raw); err != nil {
			return Record{}, fmt.Errorf("%s: %w", name, err)
		}
		for _, r := range raw {
			url, _ := r[0].(string)
			title, _ := r[1].(string)
			k, _ := r[2].(float64)
			summary, _ := r[3].(string)
			kind := ""
			if int(k) < len(ix.m.Kinds) {
				kind = ix.m.Kinds[int(k)][0]
			}
			recs = append(recs, Record{URL: url, Title: title, Kind: kind, Summary: summary})
		}
		ix.chunks[c] = recs
	}
	return recs[id%ix.m.Chunk], nil
}
