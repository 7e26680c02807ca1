package search

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres", "postgres"},
		{"PostgreSQL", "postgresql"},
		{"Développeur", "developpeur"},
		{"De\u0301veloppeur", "developpeur"}, // already decomposed
		{"Ærø Straße", "aero strasse"},
		{"Łódź", "lodz"},
		{"Ça coûte 5 €", "ca coute 5 €"},
		{"ΣΟΦΟΣ", "σοφοσ"},
		{"İstanbul", "istanbul"},
		{"Gödel, Escher", "godel, escher"},
		{"日本語", "日本語"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want string // words joined by spaces; joined ones marked with +
	}{
		{"back-end developer", "back end +backend developer"},
		{"front-end/back-end", "front end +frontend back end +backend"},
		{"2024-2025 pay", "2024 2025 pay"},
		{"node.js, c++ & c#", "node js c c"},
		{"a--b", "a b"},
		{"x-ray-", "x ray +xray"},
		{"e-mail-address", "e mail +email address +mailaddress"},
		{"über-großartig", "über großartig +übergroßartig"},
		{"", ""},
	}
	for _, tt := range tests {
		var got []string
		Words(tt.in, func(w string, joined bool) {
			if joined {
				w = "+" + w
			}
			got = append(got, w)
		})
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Back-End Developers", "back end developer"},
		{"Caching is caching; caches cache.", "cach cach cach cach"},
		{"PostgreSQL and Postgres", "postgresql postgr"},
		{"Café au lait", "cafe au lait"},
		{"IT support in the UK", "it support uk"},
		{"APIs for EC2 and S3", "api ec2 s3"},
		{"Ünïcödé Résumés", "unicod resum"},
		{strings.Repeat("x", 41) + " ok", "ok"},
	}
	for _, tt := range tests {
		if got := strings.Join(Terms(tt.in, false), " "); got != tt.want {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlainTerms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Die Entwickler und Entwicklerinnen", "die entwickler und entwicklerinnen"},
		{"Was ist an der Wartung schön?", "was ist an der wartung schon"},
		{"Straße, Größe", "strasse grosse"},
		{strings.Repeat("x", 41) + " ok", "ok"},
	}
	for _, tt := range tests {
		if got := strings.Join(Terms(tt.in, true), " "); got != tt.want {
			t.Errorf("Terms(%q, plain) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCompareTerms(t *testing.T) {
	// JavaScript's order: U+FF5E (one UTF-16 unit, FF5E) sorts after
	// U+20000 (units D840 DC00), unlike in UTF-8 byte order.
	terms := []string{"\uff5e", "\U00020000", "b", "a", "ab", "é", "\U00020001"}
	slices.SortFunc(terms, compareTerms)
	want := []string{"a", "ab", "b", "é", "\U00020000", "\U00020001", "\uff5e"}
	if !slices.Equal(terms, want) {
		t.Errorf("sorted = %q, want %q", terms, want)
	}
}

// TestCompareTermsAsUTF16 compares pairs of terms that share a prefix and
// differ in ASCII letters, in accented ones, in code points on either
// side of U+FFFF and in length, as JavaScript does: by their UTF-16 code
// units.
func TestCompareTermsAsUTF16(t *testing.T) {
	pieces := []string{"", "a", "b", "z", "é", "ê", "ж", "\u4e2d", "\uff5e", "\U00020000", "\U0001f600", "1"}
	for _, prefix := range []string{"", "ab", "é", "\U00020000"} {
		for _, x := range pieces {
			for _, y := range pieces {
				for _, tail := range []string{"", "a", "\uff5e"} {
					a, b := prefix+x, prefix+y+tail
					want := slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
					if got := compareTerms(a, b); cmp.Compare(got, 0) != want {
						t.Errorf("compareTerms(%q, %q) = %d, want the sign of %d", a, b, got, want)
					}
				}
			}
		}
	}
}

// TestAnalyzerRemembersWords analyses a page again and again on the same
// worker: its words are known, so the analysis allocates nothing for them,
// only the Analysis it returns and its counts, however many pages it reads
// (the page has 2,000 words, some 10 KB of them).
func TestAnalyzerRemembersWords(t *testing.T) {
	d := Doc{Title: "Back-End Developer", Description: "Builds the APIs of Ærø's services.",
		Headings: []string{"Caching"}, Skills: []Skill{{Name: "PostgreSQL"}}}
	var words strings.Builder
	for i := range 2000 {
		words.WriteString(" q" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)))
	}
	body := "<p>Designs <em>back</em>-end services, caches and queues; développe des APIs.</p><ul><li>Go</li><li>SQL</li></ul><p>" + words.String() + "</p>"
	a := newAnalyzer(&dictionary{ids: map[string]int32{}}, false)
	first := a.analyze(&d, body, "Job description")
	known, terms := len(a.known), len(a.dict.terms)
	allocs := testing.AllocsPerRun(100, func() { a.analyze(&d, body, "Job description") })
	if allocs > 2 {
		t.Errorf("analysing a page again allocated %v times, want at most 2 (the Analysis and its counts)", allocs)
	}
	if len(a.known) != known || len(a.dict.terms) != terms {
		t.Errorf("analysing a page again: %d known words and %d terms, want %d and %d", len(a.known), len(a.dict.terms), known, terms)
	}
	if again := a.analyze(&d, body, "Job description"); string(again.counts) != string(first.counts) || again.lens != first.lens {
		t.Errorf("analysing a page again gave other counts: %v %v, want %v %v", again.counts, again.lens, first.counts, first.lens)
	}
}
