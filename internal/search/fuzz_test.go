package search

import (
	"bytes"
	"fmt"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze feeds any text through the analysis: nothing panics, the
// folded text of a body is Fold of its text, Fold is idempotent on valid
// UTF-8, and every term is a non-empty folded word no longer than
// maxWordLen.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"Développeur back-end", "<p>a &amp; b</p>", "ΣΟΦΟΣ ß İ", "\xff\xfe", "<script>x", "a-b-",
		"caf&eacute; <EM>E</EM>\u0301 Ærø &#x1F600;", "x\xc3<b>\xa9</b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := Text(s)
		if got, want := foldedText(s), Fold(text); got != want {
			t.Errorf("foldedText(%q) = %q, want Fold(Text(…)) = %q", s, got, want)
		}
		if !utf8.ValidString(s) {
			Terms(text, false)
			return
		}
		if f1 := Fold(s); Fold(f1) != f1 {
			t.Errorf("Fold(%q) = %q, but Fold of that is %q", s, f1, Fold(f1))
		}
		for _, term := range Terms(text, false) {
			if term == "" || utf8.RuneCountInString(term) > maxWordLen || Fold(term) != term {
				t.Errorf("Terms(%q) has %q", text, term)
			}
		}
	})
}

// FuzzDecodeAnalyses feeds any bytes to DecodeAnalyses: nothing panics,
// and what it accepts encodes to bytes it accepts again, the same after a
// second round, and indexes without a panic.
func FuzzDecodeAnalyses(f *testing.F) {
	f.Add(EncodeAnalyses(mustAnalyze(rankDocs)))
	f.Add(EncodeAnalyses(mustAnalyze(manyDocs(3))))
	f.Add([]byte(packMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		as, err := DecodeAnalyses(data)
		if err != nil {
			return
		}
		once := EncodeAnalyses(as)
		again, err := DecodeAnalyses(once)
		if err != nil {
			t.Fatalf("DecodeAnalyses(EncodeAnalyses(DecodeAnalyses(%q))): %v", data, err)
		}
		if twice := EncodeAnalyses(again); !bytes.Equal(twice, once) {
			t.Errorf("a second round changed the encoding of %q", data)
		}
		docs := make([]Doc, len(as))
		for i, a := range as {
			docs[i] = Doc{URL: fmt.Sprint(i), Kind: "job", Analysis: a}
		}
		if _, err := Build(docs, Options{}); err != nil {
			t.Error(err)
		}
	})
}

func mustAnalyze(docs []Doc) []*Analysis {
	as, err := Analyze(docs, Options{})
	if err != nil {
		panic(err)
	}
	return as
}
