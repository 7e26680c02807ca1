package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/index.json")

// rankDocs are a few pages that compete for the same words.
var rankDocs = []Doc{
	{URL: "jobs/dba/", Title: "PostgreSQL Database Administrator", Kind: "job",
		Skills: []Skill{{"PostgreSQL", "postgresql"}, {"Linux", "linux"}},
		Body:   "Run PostgreSQL in production: backups, replication and upgrades."},
	{URL: "jobs/back-end-developer/", Title: "Back-End Developer", Kind: "job",
		Skills: []Skill{{"Go", "go"}, {"PostgreSQL", "postgresql"}},
		Body:   "Build APIs in Go and store data in Postgres. Developers write tests."},
	{URL: "guides/caching/", Title: "Caching and performance", Kind: "article",
		Skills:   []Skill{{"Caching", "caching"}},
		Headings: []string{"When the database is slow"},
		Body:     "Cache what Postgres computes slowly. A developer measures first."},
	{URL: "roles/front-end/", Title: "Front-end developer career path", Kind: "role",
		Skills: []Skill{{"JavaScript", "javascript"}},
		Body:   "Front-end developers build what users see, in the browser."},
	{URL: "about/", Title: "About this site", Kind: "article",
		Body: "Who writes the guides and where the numbers come from."},
}

// memIndex builds docs and opens the index over the files in memory,
// counting the files fetched.
func memIndex(t *testing.T, docs []Doc, opts Options) (*Index, map[string][]byte, *[]string) {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range build(t, docs, opts) {
		files[f.Name] = f.Data
	}
	var fetched []string
	ix, err := Open(func(name string) ([]byte, error) {
		fetched = append(fetched, name)
		data, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("%s: no such file", name)
		}
		return data, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ix, files, &fetched
}

func urls(results []Result) []string {
	var out []string
	for _, r := range results {
		out = append(out, r.URL)
	}
	return out
}

func TestRanking(t *testing.T) {
	ix, _, _ := memIndex(t, rankDocs, Options{})
	tests := []struct {
		q    Query
		want []string
	}{
		// the title and skills outweigh a mention in the body
		{Query{Text: "postgres"}, []string{"jobs/dba/", "jobs/back-end-developer/", "guides/caching/"}},
		{Query{Text: "PostgreSQL"}, []string{"jobs/dba/", "jobs/back-end-developer/"}},
		// prefixes, as the reader types
		{Query{Text: "postg"}, []string{"jobs/dba/", "jobs/back-end-developer/", "guides/caching/"}},
		{Query{Text: "ca"}, []string{"guides/caching/", "roles/front-end/"}}, // caching, career
		// every word must match
		{Query{Text: "postgres developer"}, []string{"jobs/back-end-developer/", "guides/caching/"}},
		// and when no page has them all, those with most of them come back
		{Query{Text: "developer kubernetes"}, []string{"jobs/back-end-developer/", "roles/front-end/", "guides/caching/"}},
		// hyphenated words are found written together
		{Query{Text: "backend"}, []string{"jobs/back-end-developer/"}},
		{Query{Text: "front end"}, []string{"roles/front-end/"}},
		// accents and case do not matter; stop words are ignored
		{Query{Text: "DÉVELOPPERS"}, nil},
		{Query{Text: "the developers"}, []string{"jobs/back-end-developer/", "roles/front-end/", "guides/caching/"}},
		{Query{Text: "the"}, nil},
		// filters
		{Query{Text: "postgres", Kind: "article"}, []string{"guides/caching/"}},
		{Query{Text: "developer", Skill: "postgresql"}, []string{"jobs/back-end-developer/"}},
		{Query{Text: "developer", Kind: "certification"}, nil},
	}
	for _, tt := range tests {
		_, got, err := ix.Search(tt.q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(urls(got), tt.want) {
			t.Errorf("Search(%+v) = %q, want %q", tt.q, urls(got), tt.want)
		}
	}
}

// TestPlainRules: a language without a stemmer is matched as its words
// are folded, prefixes included, and English stop words are words in it;
// the manifest tells the client so, and an English index does not say it.
func TestPlainRules(t *testing.T) {
	docs := []Doc{
		{URL: "de/jobs/entwickler/", Title: "Softwareentwickler für Datenbanken", Kind: "job", Body: "Was macht ein Entwickler? Er übernimmt Wartung."},
		{URL: "de/jobs/pflege/", Title: "Pflegefachkraft", Kind: "job", Body: "Die Pflege von Menschen."},
	}
	ix, files, _ := memIndex(t, docs, Options{Plain: true})
	tests := []struct {
		q    Query
		want []string
	}{
		{Query{Text: "Datenbanken"}, []string{"de/jobs/entwickler/"}},
		{Query{Text: "datenbank"}, []string{"de/jobs/entwickler/"}}, // a prefix, not a stem
		{Query{Text: "fur"}, []string{"de/jobs/entwickler/"}},       // accents folded
		{Query{Text: "UBERNIMMT"}, []string{"de/jobs/entwickler/"}},
		{Query{Text: "was"}, []string{"de/jobs/entwickler/"}}, // an English stop word
		{Query{Text: "datenbanks"}, nil},                      // not stemmed to "datenbank"
	}
	for _, tt := range tests {
		_, got, err := ix.Search(tt.q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(urls(got), tt.want) {
			t.Errorf("Search(%+v) = %q, want %q", tt.q, urls(got), tt.want)
		}
	}
	if !bytes.Contains(files["index.json"], []byte(`"plain":true`)) {
		t.Errorf("plain manifest = %s, want \"plain\":true", files["index.json"])
	}
	_, english, _ := memIndex(t, docs, Options{})
	if bytes.Contains(english["index.json"], []byte(`plain`)) {
		t.Errorf("English manifest = %s, want no plain", english["index.json"])
	}
}

func TestRecords(t *testing.T) {
	ix, _, _ := memIndex(t, rankDocs, Options{KindLabels: map[string]string{"job": "Job description"}})
	_, got, err := ix.Search(Query{Text: "dba administrator"}, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := Record{URL: "jobs/dba/", Title: "PostgreSQL Database Administrator", Kind: "job"}
	if len(got) != 1 || got[0].Record != want {
		t.Errorf("Search = %+v, want one result %+v", got, want)
	}
	if !slices.Contains(ix.m.Kinds, [2]string{"job", "Job description"}) || !slices.Contains(ix.m.Kinds, [2]string{"role", "role"}) {
		t.Errorf("manifest kinds = %q", ix.m.Kinds)
	}
}

// manyDocs makes n pages of words drawn from a small vocabulary, so that
// the index has many shards.
func manyDocs(n int) []Doc {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields("postgres python golang kubernetes docker terraform react vue angular java kotlin swift " +
		"rust scala sql nosql redis kafka spark hadoop airflow tableau excel linux windows azure aws gcp " +
		"security network cloud data analyst engineer developer manager designer writer tester recruiter " +
		"salary remote onsite hybrid junior senior lead principal staff intern apprentice mentor")
	var docs []Doc
	for i := range n {
		var body []string
		for range 60 {
			body = append(body, vocab[r.IntN(len(vocab))]+fmt.Sprint(r.IntN(40)))
		}
		docs = append(docs, Doc{
			URL: fmt.Sprintf("jobs/p%04d/", i), Title: fmt.Sprintf("Page %d %s", i, vocab[i%len(vocab)]),
			Kind: []string{"job", "role", "article"}[i%3], Summary: "Summary of page " + fmt.Sprint(i),
			Skills: []Skill{{vocab[i%7], vocab[i%7]}}, Body: strings.Join(body, " "),
		})
	}
	return docs
}

// TestFileSums: every file carries the SHA-256 of its bytes, for the
// caller's digest of it.
func TestFileSums(t *testing.T) {
	for _, f := range build(t, manyDocs(100), Options{ShardSize: 2 << 10, ChunkSize: 10}) {
		if f.Sum != sha256.Sum256(f.Data) {
			t.Errorf("%s: Sum is not the SHA-256 of its bytes", f.Name)
		}
	}
}

// TestAppendInt: appendInt and digits agree with strconv on the numbers
// of postings, those of one and two digits and the others.
func TestAppendInt(t *testing.T) {
	for _, v := range []int32{0, 1, 9, 10, 42, 99, 100, 101, 999, 1000, 123456, math.MaxInt32, -1, -9, -10, -99, -100, math.MinInt32} {
		want := strconv.FormatInt(int64(v), 10)
		if got := string(appendInt([]byte("x"), v)); got != "x"+want {
			t.Errorf("appendInt(%d) = %q, want %q", v, got, "x"+want)
		}
		if got := digits(v); got != len(want) {
			t.Errorf("digits(%d) = %d, want %d", v, got, len(want))
		}
	}
}

func TestSharding(t *testing.T) {
	const size = 2 << 10
	docs := manyDocs(400)
	ix, files, fetched := memIndex(t, docs, Options{ShardSize: size, ChunkSize: 10})

	// Every file but the manifest is named by its bytes.
	for name, data := range files {
		if name == "index.json" {
			continue
		}
		if want := fingerprint(sha256.Sum256(data)); strings.TrimSuffix(path.Base(name), ".json") != want {
			t.Errorf("%s: fingerprint %s does not match its bytes", name, want)
		}
	}
	m := ix.m
	if len(m.Shards) < 2*20 {
		t.Fatalf("%d shards; want many at ShardSize %d", len(m.Shards)/2, size)
	}
	if len(m.Records) != 40 {
		t.Errorf("%d record chunks, want 40", len(m.Records))
	}
	// Shard keys rise; every term is in the shard its key range says, and a
	// shard over size holds one term.
	if m.Shards[0] != "" {
		t.Errorf("first shard key = %q, want \"\"", m.Shards[0])
	}
	for i := 0; i < len(m.Shards)/2; i++ {
		data := files["t/"+m.Shards[2*i+1]+".json"]
		var terms map[string]json.RawMessage
		if err := json.Unmarshal(data, &terms); err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		if len(data) > size && len(terms) > 1 {
			t.Errorf("shard %d is %d bytes with %d terms; over %d only one term may be", i, len(data), len(terms), size)
		}
		if i > 0 && compareTerms(m.Shards[2*i-2], m.Shards[2*i]) >= 0 {
			t.Errorf("shard keys %q, %q do not rise", m.Shards[2*i-2], m.Shards[2*i])
		}
		for term := range terms {
			if first, _ := ix.shardRange(term, term); first != i {
				t.Errorf("term %q is in shard %d, but the manifest leads to shard %d", term, i, first)
			}
		}
	}

	// A one-word query reads the manifest, one shard and the record chunks
	// of the results it shows; nothing else.
	*fetched = nil
	total, got, err := ix.Search(Query{Text: "kubernetes7"}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if total < 3 || len(got) != 3 {
		t.Fatalf("kubernetes7: %d results, %d shown; want at least 3", total, len(got))
	}
	var shards, chunks int
	for _, name := range *fetched {
		switch {
		case strings.HasPrefix(name, "t/"):
			shards++
		case strings.HasPrefix(name, "r/"):
			chunks++
		default:
			t.Errorf("the query read %s", name)
		}
	}
	if shards != 1 || chunks > 3 {
		t.Errorf("the query read %d shards and %d record chunks, want 1 and at most 3: %q", shards, chunks, *fetched)
	}
	// A prefix reads a bounded run of shards.
	*fetched = nil
	if _, _, err := ix.Search(Query{Text: "ku"}, 0); err != nil {
		t.Fatal(err)
	}
	if len(*fetched) > maxPrefixShards {
		t.Errorf("the prefix \"ku\" read %d files, want at most %d", len(*fetched), maxPrefixShards)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	docs := manyDocs(50)
	a := build(t, docs, Options{ShardSize: 1 << 10})
	shuffled := slices.Clone(docs)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b := build(t, shuffled, Options{ShardSize: 1 << 10})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("file %d: %s, then %s", i, a[i].Name, b[i].Name)
		}
	}
}

// TestBuildIgnoresWorkers analyses and weighs the same docs on one
// worker and on several, which number the terms in other orders and
// write the postings of each term in parts: no file may change.
func TestBuildIgnoresWorkers(t *testing.T) {
	docs := proseDocs(200)
	encode := func(workers int) []shard {
		stats, _ := analyzeAll(docs, Options{}, workers)
		return encodeShards(docs, stats, workers, postingsBudget)
	}
	one := encode(1)
	for _, workers := range []int{2, 7} {
		got := encode(workers)
		if !slices.EqualFunc(got, one, func(a, b shard) bool { return a.key == b.key && bytes.Equal(a.data, b.data) }) {
			t.Errorf("the shards on %d workers differ from those on one", workers)
		}
	}
}

// encodeShards weighs the docs on workers goroutines with the postings
// budget given and encodes the postings into shards of 4 KiB.
func encodeShards(docs []Doc, stats []*Analysis, workers, budget int) []shard {
	w := shardWriter{size: 4 << 10}
	weigh(docs, stats, vocabularyOf(stats, splitDocs(stats, workers)), budget, w.addRun)
	return w.shards()
}

// TestWeighInRuns makes the postings a few terms at a time, down to one
// term per run: the shards must be those made all at once, and every
// term's postings must come once, in client order.
func TestWeighInRuns(t *testing.T) {
	docs := append(proseDocs(20), rankDocs...)
	analyses := func() []*Analysis {
		stats, _ := analyzeAll(docs, Options{}, 1)
		return stats // weigh lets go of them
	}
	whole := encodeShards(docs, analyses(), 1, postingsBudget)
	for _, budget := range []int{1, 300, 5000} {
		if got := encodeShards(docs, analyses(), 3, budget); !slices.EqualFunc(got, whole, func(a, b shard) bool { return a.key == b.key && bytes.Equal(a.data, b.data) }) {
			t.Errorf("with a budget of %d, the shards differ from those made at once", budget)
		}
		stats := analyses()
		var terms []string
		weigh(docs, stats, vocabularyOf(stats, splitDocs(stats, 2)), budget, func(run []termPostings) {
			for _, p := range run {
				terms = append(terms, p.term)
			}
		})
		if !slices.IsSortedFunc(terms, compareTerms) || len(slices.Compact(slices.Clone(terms))) != len(terms) {
			t.Errorf("with a budget of %d, the terms do not come once each in client order", budget)
		}
	}
}

// TestManyOccurrences weighs a term that occurs more often in a field than
// 16 bits can count.
func TestManyOccurrences(t *testing.T) {
	const n = 70000
	docs := []Doc{{URL: "a/", Body: strings.Repeat("go ", n)}, {URL: "b/", Body: "go rust"}}
	stats, _ := analyzeAll(docs, Options{}, 1)
	var all []termPostings
	weigh(docs, stats, vocabularyOf(stats, splitDocs(stats, 2)), postingsBudget, func(run []termPostings) { all = append(all, run...) })
	for _, p := range all {
		if p.term != "go" {
			continue
		}
		avg := float64(n+2) / 2
		want := []int32{0, int32(math.Round(scale * n / (0.25 + 0.75*n/avg))), 1, int32(math.Round(scale / (0.25 + 0.75*2/avg)))}
		if !slices.Equal(p.ids, want) {
			t.Errorf("postings of go = %v, want %v", p.ids, want)
		}
		return
	}
	t.Error("no postings for go")
}

// TestBuildGolden checks that the files have not changed by a byte: the
// client reads them, and builds are compared byte for byte. The manifest
// names every other file by its fingerprint, so comparing it compares them
// all. Run with -update after a change to the format.
func TestBuildGolden(t *testing.T) {
	docs := append(proseDocs(300), rankDocs...)
	var manifest []byte
	for _, f := range build(t, docs, Options{ShardSize: 4 << 10, ChunkSize: 8}) {
		if f.Name == "index.json" {
			manifest = append(f.Data, '\n')
		}
	}
	const golden = "testdata/index.json"
	if *update {
		if err := os.WriteFile(golden, manifest, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(manifest, want) {
		t.Errorf("index.json differs from %s; go test -update rewrites it", golden)
	}
}

func TestEmptyIndex(t *testing.T) {
	ix, _, _ := memIndex(t, nil, Options{})
	n, got, err := ix.Search(Query{Text: "anything"}, 10)
	if err != nil || n != 0 || len(got) != 0 {
		t.Errorf("Search on an empty index = %d, %v, %v", n, got, err)
	}
}

// TestEmptyManifestHasLists: the client ranges over the manifest's kinds
// and records (assets/js/search.js), and a JSON null there throws, so a
// site with nothing to index showed "Search is not available".
func TestEmptyManifestHasLists(t *testing.T) {
	for _, f := range build(t, nil, Options{}) {
		if f.Name == "index.json" && bytes.Contains(f.Data, []byte("null")) {
			t.Errorf("index.json of no docs = %s, want empty lists, not null", f.Data)
		}
	}
}

func build(t *testing.T, docs []Doc, opts Options) []File {
	t.Helper()
	files, err := Build(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestReadBody builds the index from bodies given by ReadBody and from
// the same bodies in Body: the files must be the same; a ReadBody that
// fails fails the build with its error.
func TestReadBody(t *testing.T) {
	docs := proseDocs(100)
	want := build(t, docs, Options{})
	lazy := slices.Clone(docs)
	for i := range lazy {
		body := lazy[i].Body
		lazy[i].Body = ""
		lazy[i].ReadBody = func() (string, error) { return body, nil }
	}
	got := build(t, lazy, Options{})
	if !slices.EqualFunc(got, want, func(a, b File) bool { return a.Name == b.Name && bytes.Equal(a.Data, b.Data) }) {
		t.Error("the index differs when the bodies come from ReadBody")
	}
	broken := errors.New("the body is gone")
	lazy[42].ReadBody = func() (string, error) { return "", broken }
	if files, err := Build(lazy, Options{}); !errors.Is(err, broken) || files != nil {
		t.Errorf("Build with a failing ReadBody = %d files, %v; want the error", len(files), err)
	}
}

// TestChunksAsMarshalled: the records are the bytes encoding/json (without
// HTML escaping) gives the lists [url, title, kind index, summary], for
// strings that need escaping too.
func TestChunksAsMarshalled(t *testing.T) {
	docs := []Doc{
		{URL: "a/", Title: "Plain", Kind: "job", Summary: "A summary."},
		{URL: "b/", Title: `Quote " and \ back`, Kind: "role", Summary: "<b>&amp;</b>\ttab\nline"},
		{URL: "c/ü/", Title: "Straße \u2028 sep \x7f", Kind: "job", Summary: "\x01 émoji 🙂"},
	}
	kinds := [][2]string{{"job", "Job"}, {"role", "Role"}}
	got := chunks(docs, kinds, 2)
	want := [][]byte{
		marshalRecords(docs[:2], map[string]int{"job": 0, "role": 1}),
		marshalRecords(docs[2:], map[string]int{"job": 0, "role": 1}),
	}
	if len(got) != len(want) {
		t.Fatalf("%d chunks, want %d", len(got), len(want))
	}
	for i := range want {
		if string(got[i]) != string(want[i]) {
			t.Errorf("chunk %d = %s, want %s", i, got[i], want[i])
		}
	}
}

func marshalRecords(docs []Doc, kind map[string]int) []byte {
	var records [][]any
	for _, d := range docs {
		records = append(records, []any{d.URL, d.Title, kind[d.Kind], d.Summary})
	}
	return marshal(records)
}

// TestEntrySize counts the bytes of entries of search terms, filters and
// terms that JSON escapes, with ids and weights of every length.
func TestEntrySize(t *testing.T) {
	tests := []struct {
		term string
		ids  []int32
	}{
		{"go", nil},
		{"go", []int32{0, 1}},
		{"postgr", []int32{3, 9, 12, 70, 1000, 123456789, math.MaxInt32, 10}},
		{":k:job", []int32{0, 9, 10, 99, 100}},
		{"caf\u00e9\"\\", []int32{5, -7}},
	}
	for _, tt := range tests {
		if got, want := entrySize(tt.term, tt.ids), len(encodeTerm(nil, tt.term, tt.ids)); got != want {
			t.Errorf("entrySize(%q, %v) = %d, want %d", tt.term, tt.ids, got, want)
		}
	}
}
