package search

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// BenchmarkBuild indexes 3,000 pages that read like the site's:
//
//	go test ./internal/search -run '^$' -bench Build -count 6
func BenchmarkBuild(b *testing.B) {
	docs := proseDocs(3000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildAnalysed indexes the same pages from their analyses, as
// a build does when the pages did not change since the pack it read:
// decoding the pack and the index, not the analysis. It reports the size
// of the pack.
func BenchmarkBuildAnalysed(b *testing.B) {
	docs := proseDocs(3000)
	as, err := Analyze(docs, Options{})
	if err != nil {
		b.Fatal(err)
	}
	packed := EncodeAnalyses(as)
	b.ReportAllocs()
	for b.Loop() {
		decoded, err := DecodeAnalyses(packed)
		if err != nil {
			b.Fatal(err)
		}
		for i := range docs {
			docs[i].Analysis = decoded[i]
		}
		if _, err := Build(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(packed))/float64(len(docs)), "pack-B/doc")
}

// proseDocs makes n pages of the same shape as the generated site's: a
// title, two to four skills, a description, six headings and a body of
// about 1,250 words of HTML (paragraphs, lists, highlighted code, character
// references). Words are drawn from a vocabulary of 20,000 made-up words,
// a few accented and some inflected, with Zipf's law, so that a page has
// about 500 distinct terms and the site some 80,000; some are hyphenated
// and some are numbers. The same n gives the same pages.
func proseDocs(n int) []Doc {
	r := rand.New(rand.NewPCG(5, 6))
	vocab := madeUpWords(r, 20000)
	zipf := rand.NewZipf(r, 1.2, 2, uint64(len(vocab)-1))
	separators := append(slices.Repeat([]string{" "}, 30), ", ", ", ", "-")
	word := func() string { return vocab[zipf.Uint64()] }
	phrase := func(words int) string {
		var b strings.Builder
		for i := range words {
			if i > 0 {
				b.WriteString(separators[r.IntN(len(separators))])
			}
			if r.IntN(100) == 0 {
				fmt.Fprint(&b, r.IntN(3000))
			} else {
				b.WriteString(word())
			}
		}
		return b.String()
	}
	skills := vocab[:150]
	kinds := []string{"article", "article", "job", "role", "certification"}
	docs := make([]Doc, n)
	for i := range docs {
		d := Doc{
			URL:         fmt.Sprintf("%s/p%05d/", kinds[i%len(kinds)], i),
			Title:       capital(phrase(4)),
			Kind:        kinds[i%len(kinds)],
			Description: phrase(20),
		}
		d.Summary = d.Description
		for range 2 + r.IntN(3) {
			s := skills[r.IntN(len(skills))]
			d.Skills = append(d.Skills, Skill{Name: capital(s), Key: s})
		}
		var body strings.Builder
		for range 6 {
			h := phrase(3)
			d.Headings = append(d.Headings, h)
			fmt.Fprintf(&body, "<h2 id=\"h%d\">%s</h2>\n", r.IntN(1000), h)
			for range 3 {
				fmt.Fprintf(&body, "<p>%s <em>%s</em> &amp; %s.</p>\n", phrase(30), phrase(2), phrase(25))
			}
			body.WriteString("<ul>\n")
			for range 4 {
				fmt.Fprintf(&body, "<li>%s</li>\n", phrase(8))
			}
			body.WriteString("</ul>\n")
			if r.IntN(3) == 0 {
				fmt.Fprintf(&body, "<pre><code><span class=\"nx\">%s</span><span class=\"p\">.</span><span class=\"nf\">%s</span>(<span class=\"mi\">%d</span>)</code></pre>\n",
					word(), word(), r.IntN(100))
			}
		}
		d.Body = body.String()
		docs[i] = d
	}
	return docs
}

// madeUpWords makes n distinct words of two to four syllables; about one
// in twenty has an accent and one in four an English ending.
func madeUpWords(r *rand.Rand, n int) []string {
	onsets := strings.Fields("b c d f g h j k l m n p r s t v w z br cr dr fl gr pl st tr ch sh th")
	vowels := strings.Fields("a e i o u ai ea ou")
	codas := []string{"", "", "", "n", "r", "s", "t", "l", "m", "nd", "rt", "st", "ck"}
	endings := []string{"s", "ing", "ed", "er", "ers", "ation", "ly", "ies"}
	seen := map[string]bool{}
	var words []string
	for len(words) < n {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(onsets[r.IntN(len(onsets))])
			if r.IntN(50) == 0 {
				b.WriteString([]string{"é", "ü", "ø"}[r.IntN(3)])
			} else {
				b.WriteString(vowels[r.IntN(len(vowels))])
			}
			b.WriteString(codas[r.IntN(len(codas))])
		}
		if r.IntN(4) == 0 {
			b.WriteString(endings[r.IntN(len(endings))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// capital upper-cases the first letter of s, which is ASCII: every made-up
// word starts with one.
func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// BenchmarkEncodeAnalyses encodes the analyses of 3,000 pages: made from
// their fields, as the first build with a cache does, and decoded from a
// pack, as a build after one page changed does (with that one page made).
func BenchmarkEncodeAnalyses(b *testing.B) {
	made, err := Analyze(proseDocs(3000), Options{})
	if err != nil {
		b.Fatal(err)
	}
	decoded, err := DecodeAnalyses(EncodeAnalyses(made))
	if err != nil {
		b.Fatal(err)
	}
	decoded[0] = made[0]
	for name, as := range map[string][]*Analysis{"made": made, "decoded": decoded} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				EncodeAnalyses(as)
			}
		})
	}
}

// BenchmarkWeigh weighs the analyses of 3,000 pages into postings, as a
// build after one page changed has them (decoded from a pack), on one
// core and on every core (ns/op is wall time):
//
//	go test ./internal/search -run '^$' -bench Weigh -count 6
func BenchmarkWeigh(b *testing.B) {
	docs := proseDocs(3000)
	made, err := Analyze(docs, Options{})
	if err != nil {
		b.Fatal(err)
	}
	stats, err := DecodeAnalyses(EncodeAnalyses(made))
	if err != nil {
		b.Fatal(err)
	}
	for i := range docs {
		docs[i].Analysis = stats[i]
	}
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("cores=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				weigh(docs, stats, vocabularyOf(stats, splitDocs(stats, workers)), postingsBudget, func([]termPostings) {})
			}
		})
	}
}

// BenchmarkAnalyze analyses 3,000 pages from their fields, as a cold
// build does: the text of each body, its words and their terms, counted.
//
//	go test ./internal/search -run '^$' -bench Analyze -count 6
func BenchmarkAnalyze(b *testing.B) {
	docs := proseDocs(3000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Analyze(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
