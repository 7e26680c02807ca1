package search

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze feeds any text through the analysis: nothing panics, the
// words the analysis finds in a body, reading it a piece at a time, are
// those Words finds in Fold of its text, Fold is idempotent on valid
// UTF-8, and every term is a non-empty folded word no longer than
// maxWordLen.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"Développeur back-end", "<p>a &amp; b</p>", "ΣΟΦΟΣ ß İ", "\xff\xfe", "<script>x", "a-b-",
		"caf&eacute; <EM>E</EM>\u0301 Ærø &#x1F600;", "x\xc3<b>\xa9</b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := Text(s)
		if got, want := bodyWords(s), foldedWords(Fold(text)); got != want {
			t.Errorf("the analysis reads the words of %q as %q, want Words(Fold(Text(…))) = %q", s, got, want)
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

// bodyWords returns the words the analysis finds in the body h, as
// foldedWords writes them.
func bodyWords(h string) string {
	var b strings.Builder
	a := newAnalyzer(&dictionary{ids: map[string]int32{}}, false)
	a.split.yield = func(w []byte, joined bool) { writeWord(&b, string(w), joined) }
	a.countBody(h)
	return b.String()
}

// foldedWords returns the words Words finds in folded, each followed by a
// space, the joined ones marked with "+".
func foldedWords(folded string) string {
	var b strings.Builder
	Words(folded, func(w string, joined bool) { writeWord(&b, w, joined) })
	return b.String()
}

func writeWord(b *strings.Builder, w string, joined bool) {
	if joined {
		b.WriteByte('+')
	}
	b.WriteString(w)
	b.WriteByte(' ')
}
