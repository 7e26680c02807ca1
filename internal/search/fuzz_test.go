package search

import (
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze feeds any text through the analysis: nothing panics, Fold
// is idempotent on valid UTF-8, and every term is a non-empty folded word
// no longer than maxWordLen.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"Développeur back-end", "<p>a &amp; b</p>", "ΣΟΦΟΣ ß İ", "\xff\xfe", "<script>x", "a-b-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := Text(s)
		if !utf8.ValidString(s) {
			Terms(text)
			return
		}
		if f1 := Fold(s); Fold(f1) != f1 {
			t.Errorf("Fold(%q) = %q, but Fold of that is %q", s, f1, Fold(f1))
		}
		for _, term := range Terms(text) {
			if term == "" || utf8.RuneCountInString(term) > maxWordLen || Fold(term) != term {
				t.Errorf("Terms(%q) has %q", text, term)
			}
		}
	})
}
