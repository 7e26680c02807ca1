package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"runtime"
	"slices"
	"strconv"

	"github.com/careersite/careersite/internal/parallel"
)

// Doc is one page to index.
type Doc struct {
	URL         string // the page's path below the site's root, no leading slash: "jobs/back-end-developer/"
	Title       string
	Kind        string // job, role, certification, article
	Description string // indexed with the headings
	Summary     string // plain text shown under the title in results
	Skills      []Skill
	Headings    []string // plain text of the body's headings
	Body        string   // the body as HTML, as the Markdown renderer wrote it; its Text is indexed
	BodyText    []string // plain text indexed as body text: what the page shows beside its body (a job's responsibilities …)

	// ReadBody, when set, gives the body in place of Body, once, when the
	// page is analysed: the HTML of a large site need not be held whole.
	ReadBody func() (string, error)

	// Analysis, when set, is the analysis (Analyze) of a doc with the
	// same Title, skill names, Description, kind label, Headings, BodyText and
	// body: Build and Analyze use it in place of those fields and do not
	// read the body. It is for the caller to know that they are the same,
	// and that the analysis was made by this same code (a cache keys it
	// by all of them and by the binary).
	Analysis *Analysis
}

// Skill is a skill a page names: Name is indexed and shown; Key is what the
// skill filter matches (the skill's term slug, as in /skills/<key>/).
type Skill struct{ Name, Key string }

// Options tune Build; the zero value is the default.
type Options struct {
	// KindLabels name the kinds in results: "job" → "Job description".
	// A kind without a label is shown as it is.
	KindLabels map[string]string
	// Plain is set for pages of a language without a stemmer: their
	// words are indexed as they are folded, neither stemmed nor left out
	// as English stop words (Term). The manifest says so to the client.
	Plain     bool
	ShardSize int // target bytes of a term shard; 0 means DefaultShardSize
	ChunkSize int // page records per chunk; 0 means DefaultChunkSize
}

// The defaults of Options.
const (
	DefaultShardSize = 12 << 10
	DefaultChunkSize = 16
)

// File is one file of the index, named relative to the index's folder:
// "index.json", "t/3f2a9c1e07.json".
type File struct {
	Name string
	Data []byte
	Sum  [sha256.Size]byte // the SHA-256 of Data, of which a name's hash is the start
}

// Manifest is index.json (see the package comment).
type Manifest struct {
	Version int         `json:"v"`
	Pages   int         `json:"n"`
	Scale   int         `json:"scale"`
	K1      float64     `json:"k1"`
	Chunk   int         `json:"chunk"`
	Kinds   [][2]string `json:"kinds"`
	Shards  []string    `json:"shards"` // first term, hash, first term, hash …
	Records []string    `json:"records"`
	Skills  string      `json:"skills"`
	Plain   bool        `json:"plain,omitempty"` // Options.Plain
}

// Format constants, written to the manifest or shared with the client.
const (
	formatVersion = 1
	scale         = 4   // a stored weight is round(tf × scale)
	k1            = 1.2 // BM25's term-frequency saturation
	hashLen       = 10  // hex digits of a file's fingerprint
)

// fields are the parts of a page that are indexed, with their boost (w) and
// how much their length counts (b, as in BM25F).
var fields = [...]struct {
	name string
	w, b float64
}{
	{"title", 6, 0.5},
	{"skills", 4, 0.3},
	{"headings", 2, 0.5},
	{"body", 1, 0.75},
}

const nfields = len(fields)

// Build makes the index of docs: the manifest, the term shards, the record
// chunks and the skill list. docs are indexed in order of URL, whatever
// order they come in; the same docs and options give the same files,
// whether their analyses are given (Doc.Analysis) or made. The error is
// the first a ReadBody returned.
func Build(docs []Doc, opts Options) ([]File, error) {
	if opts.ShardSize <= 0 {
		opts.ShardSize = DefaultShardSize
	}
	if opts.ChunkSize <= 0 {
		opts.ChunkSize = DefaultChunkSize
	}
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b Doc) int { return cmp.Compare(a.URL, b.URL) })

	stats, err := analyzeAll(docs, opts, runtime.GOMAXPROCS(0))
	if err != nil {
		return nil, err
	}
	w := shardWriter{size: opts.ShardSize}
	weigh(docs, stats, vocabularyOf(stats, splitDocs(stats, runtime.GOMAXPROCS(0))), postingsBudget, w.addRun)
	shards := w.shards()
	var files []File
	add := func(dir string, data []byte) string {
		sum := sha256.Sum256(data)
		h := fingerprint(sum)
		files = append(files, File{Name: dir + "/" + h + ".json", Data: data, Sum: sum})
		return h
	}
	// The shards are most of the index's bytes: they are fingerprinted
	// on every core.
	shardSums := make([][sha256.Size]byte, len(shards))
	parallel.For(len(shards), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			shardSums[i] = sha256.Sum256(shards[i].data)
		}
	})
	// Kinds and Records are empty lists, not null, when there are no
	// docs: the client ranges over them.
	m := Manifest{Version: formatVersion, Pages: len(docs), Scale: scale, K1: k1, Chunk: opts.ChunkSize,
		Kinds: [][2]string{}, Records: []string{}, Plain: opts.Plain}
	kinds := kindTable(docs, opts.KindLabels)
	m.Kinds = append(m.Kinds, kinds...)
	for i, s := range shards {
		h := fingerprint(shardSums[i])
		m.Shards = append(m.Shards, s.key, h)
		files = append(files, File{Name: "t/" + h + ".json", Data: s.data, Sum: shardSums[i]})
	}
	for _, c := range chunks(docs, kinds, opts.ChunkSize) {
		m.Records = append(m.Records, add("r", c))
	}
	m.Skills = add("s", skillList(docs))
	manifest := marshal(m)
	files = append(files, File{Name: "index.json", Data: manifest, Sum: sha256.Sum256(manifest)})
	return dedupe(files), nil
}

// Analyze returns the analysis of every doc, in the order of docs: its
// Analysis when it has one, else one made now from its fields (reading its
// body), on all cores. The analyses it makes share a table of the terms
// they have, and no others. The error is the first a ReadBody returned.
func Analyze(docs []Doc, opts Options) ([]*Analysis, error) {
	return analyzeAll(docs, opts, runtime.GOMAXPROCS(0))
}

// fingerprint is the first hashLen hex digits of sum, a file's SHA-256.
func fingerprint(sum [sha256.Size]byte) string {
	return hex.EncodeToString(sum[:hashLen/2])
}

// dedupe drops the second of two files with the same name: the same
// fingerprint is the same bytes (two shards can only share a name if they
// are equal), and sorts the files by name.
func dedupe(files []File) []File {
	slices.SortStableFunc(files, func(a, b File) int { return cmp.Compare(a.Name, b.Name) })
	return slices.CompactFunc(files, func(a, b File) bool { return a.Name == b.Name })
}

// termPostings are a term's postings list: pairs of doc id and weight for
// a search term, ids alone for a filter term.
type termPostings struct {
	term string
	ids  []int32
}

// shard is a run of terms, in order, that is written to one file.
type shard struct {
	key  string // the shortest prefix of its first term above the last term of the shard before
	data []byte
}

// shardWriter encodes postings, given a run of terms after another in
// client order, into shards of about size bytes: a shard is closed when
// the next term would take it over size, so a term whose postings alone
// are larger has a shard of its own.
type shardWriter struct {
	size        int
	out         []shard
	buf         []byte
	first, last string // the first and the last term of buf
	prevLast    string // the last term of the shard before
}

// addRun encodes the entries of a run of terms on every core, then adds
// them in order.
func (w *shardWriter) addRun(run []termPostings) {
	entries := make([][]byte, len(run))
	parallel.For(len(run), func(lo, hi int) {
		size := 0
		for _, p := range run[lo:hi] {
			size += entrySize(p.term, p.ids)
		}
		b := make([]byte, 0, size)
		ends := make([]int, hi-lo)
		for i, p := range run[lo:hi] {
			b = encodeTerm(b, p.term, p.ids)
			ends[i] = len(b)
		}
		start := 0
		for i, end := range ends {
			entries[lo+i], start = b[start:end], end
		}
	})
	for i, p := range run {
		w.add(p.term, entries[i])
	}
}

// add adds the entry of term (encodeTerm).
func (w *shardWriter) add(term string, entry []byte) {
	if len(w.buf) > 0 && len(w.buf)+len(entry)+2 > w.size {
		w.out = append(w.out, shard{key: boundary(w.prevLast, w.first), data: append(w.buf, '}')})
		w.prevLast, w.buf = w.last, nil
	}
	if len(w.buf) == 0 {
		w.first = term
		w.buf = append(make([]byte, 0, max(w.size, len(entry)+2)), '{')
	} else {
		w.buf = append(w.buf, ',')
	}
	w.buf = append(w.buf, entry...)
	w.last = term
}

// shards closes the last shard and returns them all: one, empty, when no
// term was added.
func (w *shardWriter) shards() []shard {
	if len(w.buf) > 0 || len(w.out) == 0 {
		if len(w.buf) == 0 {
			w.buf = append(w.buf, '{')
		}
		w.out = append(w.out, shard{key: boundary(w.prevLast, w.first), data: append(w.buf, '}')})
		w.buf = nil
	}
	w.out[0].key = ""
	return w.out
}

// boundary is the shortest prefix of first, in code points, that sorts
// after last: every term from that key on (up to the next shard's key)
// is in first's shard.
func boundary(last, first string) string {
	for i := range first {
		if i > 0 && compareTerms(first[:i], last) > 0 {
			return first[:i]
		}
	}
	return first
}

// encodeTerm appends `"term":[…]` to b: for a search term the pairs of doc
// id (as the difference from the previous id) and weight; for a filter
// term the id differences alone.
func encodeTerm(b []byte, term string, p []int32) []byte {
	b = appendString(b, term)
	b = append(b, ':', '[')
	filter := term[0] == ':'
	prev := int32(0)
	for i := 0; i < len(p); i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendInt(b, p[i]-prev)
		prev = p[i]
		if !filter {
			i++
			b = append(b, ',')
			b = appendInt(b, p[i])
		}
	}
	return append(b, ']')
}

// entrySize is the length of encodeTerm's entry of term and p, counted
// without writing it.
func entrySize(term string, p []int32) int {
	n := len(term) + 2
	if !isPlain(term) {
		n = len(marshal(term))
	}
	n += 3 + max(len(p)-1, 0) // ':', '[', ']' and the commas
	filter := term[0] == ':'
	prev := int32(0)
	for i := 0; i < len(p); i++ {
		n += digits(p[i] - prev)
		prev = p[i]
		if !filter {
			i++
			n += digits(p[i])
		}
	}
	return n
}

// appendInt appends the decimal of v, as strconv.AppendInt does: most
// numbers of postings (id differences, weights) have one or two digits,
// written here without its general loop.
func appendInt(b []byte, v int32) []byte {
	switch {
	case v >= 0 && v < 10:
		return append(b, byte('0'+v))
	case v >= 10 && v < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10))
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// digits is the length of appendInt's decimal of v.
func digits(v int32) int {
	switch {
	case v >= 0 && v < 10:
		return 1
	case v >= 10 && v < 100:
		return 2
	}
	n := 1
	if v < 0 {
		n++
	}
	for v <= -10 || v >= 10 {
		v /= 10
		n++
	}
	return n
}

// appendString appends s as a JSON string, without escaping <, > and &
// (the files are JSON, never HTML).
func appendString(b []byte, s string) []byte {
	if isPlain(s) {
		return append(append(append(b, '"'), s...), '"')
	}
	return append(b, marshal(s)...)
}

// isPlain reports whether s needs no escaping in a JSON string.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			return false
		}
	}
	return true
}

// kindTable lists the kinds the docs have, sorted, with their labels.
func kindTable(docs []Doc, labels map[string]string) [][2]string {
	seen := map[string]bool{}
	var kinds [][2]string
	for _, d := range docs {
		if !seen[d.Kind] {
			seen[d.Kind] = true
			label := labels[d.Kind]
			if label == "" {
				label = d.Kind
			}
			kinds = append(kinds, [2]string{d.Kind, label})
		}
	}
	slices.SortFunc(kinds, func(a, b [2]string) int { return cmp.Compare(a[0], b[0]) })
	return kinds
}

// chunks encodes the page records, size to a file, in id order: each
// record is [url, title, kind index, summary], written as marshal would
// write it without its reflection (a build after one page changed encodes
// every record again).
func chunks(docs []Doc, kinds [][2]string, size int) [][]byte {
	kindIndex := map[string]int{}
	for i, k := range kinds {
		kindIndex[k[0]] = i
	}
	var out [][]byte
	for start := 0; start < len(docs); start += size {
		b := []byte{'['}
		for i, d := range docs[start:min(start+size, len(docs))] {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = append(appendString(b, d.URL), ',')
			b = append(appendString(b, d.Title), ',')
			b = append(strconv.AppendInt(b, int64(kindIndex[d.Kind]), 10), ',')
			b = append(appendString(b, d.Summary), ']')
		}
		out = append(out, append(b, ']'))
	}
	return out
}

// skillList encodes the skills the filter offers: [key, name, pages] for
// every key, the name most pages spell it with (on a tie the first in byte
// order), sorted by folded name.
func skillList(docs []Doc) []byte {
	type skill struct {
		key, name string
		pages     int
		spellings map[string]int
	}
	byKey := map[string]*skill{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, s := range d.Skills {
			if s.Key == "" || seen[s.Key] {
				continue
			}
			seen[s.Key] = true
			sk := byKey[s.Key]
			if sk == nil {
				sk = &skill{key: s.Key, spellings: map[string]int{}}
				byKey[s.Key] = sk
			}
			sk.pages++
			sk.spellings[s.Name]++
		}
	}
	list := make([][3]any, 0, len(byKey))
	for _, sk := range byKey {
		for name, n := range sk.spellings {
			if best := sk.spellings[sk.name]; n > best || n == best && (sk.name == "" || name < sk.name) {
				sk.name = name
			}
		}
		list = append(list, [3]any{sk.key, sk.name, sk.pages})
	}
	slices.SortFunc(list, func(a, b [3]any) int {
		return cmp.Or(cmp.Compare(Fold(a[1].(string)), Fold(b[1].(string))), cmp.Compare(a[0].(string), b[0].(string)))
	})
	return marshal(list)
}

// marshal encodes v as compact JSON without escaping <, > and & (the files
// are JSON, never HTML). v holds strings and numbers: it cannot fail.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
