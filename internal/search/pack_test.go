package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"
)

// analysed returns docs with the analyses given and bodies that cannot be
// read: a build that reads one fails.
func analysed(docs []Doc, analyses []*Analysis) []Doc {
	out := slices.Clone(docs)
	for i, a := range analyses {
		if a == nil {
			continue
		}
		out[i].Analysis, out[i].Body = a, ""
		out[i].ReadBody = func() (string, error) { return "", errors.New("read the body of an analysed doc") }
	}
	return out
}

func analyze(t *testing.T, docs []Doc, opts Options) []*Analysis {
	t.Helper()
	as, err := Analyze(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func decode(t *testing.T, data []byte) []*Analysis {
	t.Helper()
	as, err := DecodeAnalyses(data)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func sameFiles(a, b []File) bool {
	return slices.EqualFunc(a, b, func(x, y File) bool { return x.Name == y.Name && bytes.Equal(x.Data, y.Data) })
}

// TestBuildFromAnalyses builds the golden test's docs from analyses made
// in an earlier build, passed through EncodeAnalyses and DecodeAnalyses,
// from a mix of those, analyses kept in memory and docs analysed anew,
// and from two packs: every file must be the one a build from the fields
// makes, and no analysed doc's body is read.
func TestBuildFromAnalyses(t *testing.T) {
	docs := append(proseDocs(300), rankDocs...)
	opts := Options{ShardSize: 4 << 10, ChunkSize: 8, KindLabels: map[string]string{"job": "Job description", "role": "Role guide"}}
	want := build(t, docs, opts)
	fresh := analyze(t, docs, opts)
	packed := EncodeAnalyses(fresh)
	decoded := decode(t, packed)
	if len(decoded) != len(docs) {
		t.Fatalf("%d analyses decoded, want %d", len(decoded), len(docs))
	}

	mixed := make([]*Analysis, len(docs))
	for i := range docs {
		switch i % 3 {
		case 0:
			mixed[i] = decoded[i]
		case 1:
			mixed[i] = fresh[i]
		}
	}
	half := len(docs) / 2
	twoPacks := append(decode(t, EncodeAnalyses(fresh[:half])), decode(t, EncodeAnalyses(fresh[half:]))...)
	for _, tt := range []struct {
		name     string
		analyses []*Analysis
	}{
		{"decoded", decoded},
		{"in memory", fresh},
		{"mixed", mixed},
		{"from two packs", twoPacks},
	} {
		if got := build(t, analysed(docs, tt.analyses), opts); !sameFiles(got, want) {
			t.Errorf("%s: the index differs from the one made from the fields", tt.name)
		}
		// Analyze gives the analyses it is given, and makes the others,
		// which encode as those made from scratch do.
		as := analyze(t, analysed(docs, tt.analyses), opts)
		for i, a := range tt.analyses {
			if a != nil && as[i] != a {
				t.Errorf("%s: Analyze did not return the analysis of doc %d", tt.name, i)
			}
		}
		if !bytes.Equal(EncodeAnalyses(as), packed) {
			t.Errorf("%s: the encoding differs from that of the analyses made from the fields", tt.name)
		}
	}
}

// TestBuildFromAnalysesOfOtherDocs gives Build analyses decoded from a
// pack of more docs than it indexes: the terms only the others have are
// not in the index.
func TestBuildFromAnalysesOfOtherDocs(t *testing.T) {
	docs := proseDocs(60)
	decoded := decode(t, EncodeAnalyses(analyze(t, docs, Options{})))
	some := docs[:20]
	if got, want := build(t, analysed(some, decoded[:20]), Options{}), build(t, some, Options{}); !sameFiles(got, want) {
		t.Error("the index of analyses from a larger pack differs from the one made from the fields")
	}
}

// TestEncodeAnalysesKeepsCounts encodes a count that 16 bits cannot hold.
func TestEncodeAnalysesKeepsCounts(t *testing.T) {
	docs := []Doc{{URL: "a/", Body: strings.Repeat("go ", 70000)}, {URL: "b/", Body: "go rust"}}
	got := build(t, analysed(docs, decode(t, EncodeAnalyses(analyze(t, docs, Options{})))), Options{})
	if !sameFiles(got, build(t, docs, Options{})) {
		t.Error("the index differs after the analyses were encoded")
	}
}

// pack assembles an encoding by hand: ints are written as uvarints,
// strings and byte slices as they are.
func pack(parts ...any) []byte {
	var b []byte
	for _, p := range parts {
		switch p := p.(type) {
		case int:
			b = binary.AppendUvarint(b, uint64(p))
		case uint64:
			b = binary.AppendUvarint(b, p)
		case string:
			b = append(b, p...)
		case []byte:
			b = append(b, p...)
		}
	}
	return b
}

// head is the first varint of an entry: the step from the term number
// before and the mask of fields.
func head(step int, mask uint64) uint64 { return zigzag(step)<<nfields | mask }

func TestDecodeAnalyses(t *testing.T) {
	// Two terms, "go" and "golang" (sharing "go"), and one analysis:
	// lengths 1, 0, 0, 5; "go" once in the title, "golang" 4 times in
	// the body.
	entries := pack(head(1, 1), 1, head(1, 8), 4)
	valid := pack(packMagic, 2, 0, 2, "go", 2, 4, "lang", 1, 1, 0, 0, 5, len(entries), entries)
	as, err := DecodeAnalyses(valid)
	if err != nil || len(as) != 1 {
		t.Fatalf("DecodeAnalyses(valid) = %d analyses, %v", len(as), err)
	}
	if got := as[0].table.terms; !slices.Equal(got, []string{"go", "golang"}) || as[0].lens != [nfields]int32{1, 0, 0, 5} {
		t.Errorf("decoded terms %q, lengths %v", got, as[0].lens)
	}
	if again := EncodeAnalyses(as); !bytes.Equal(again, valid) {
		t.Errorf("EncodeAnalyses(DecodeAnalyses(valid)) = %q, want %q", again, valid)
	}

	one := func(terms ...any) []byte { // a pack of these terms and valid's analysis
		return pack(append(append([]any{packMagic}, terms...), 1, 1, 0, 0, 5, len(entries), entries)...)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"another format", append([]byte("search analyses 2\n"), valid[len(packMagic):]...)},
		{"bytes after", append(slices.Clone(valid), 0)},
		{"terms out of order", one(2, 0, 6, "golang", 0, 2, "go")},
		{"a term twice", one(2, 0, 2, "go", 2, 0, "")},
		{"an empty term", one(2, 0, 0, "", 0, 2, "go")},
		{"a filter term", one(2, 0, 6, ":k:job", 0, 2, "go")},
		{"a term too long", one(2, 0, 41, strings.Repeat("x", 41), 0, 2, "zz")},
		{"invalid UTF-8", one(2, 0, 2, "g\xff", 0, 2, "go")},
		{"a prefix longer than the term before", one(2, 0, 2, "go", 3, 1, "x")},
		{"a term number out of range", pack(packMagic, 1, 0, 2, "go", 1, 0, 0, 0, 1, 2, head(2, 8), 1)},
		{"a term number below 0", pack(packMagic, 1, 0, 2, "go", 1, 0, 0, 0, 1, 2, head(-1, 8), 1)},
		{"term numbers not rising", pack(packMagic, 2, 0, 2, "go", 2, 4, "lang", 1, 0, 0, 0, 2, 4, head(1, 8), 1, head(0, 8), 1)},
		{"no field", pack(packMagic, 1, 0, 2, "go", 1, 0, 0, 0, 1, 1, head(1, 0))},
		{"a count of 0", pack(packMagic, 1, 0, 2, "go", 1, 0, 0, 0, 1, 2, head(1, 8), 0)},
		{"a count cut short", pack(packMagic, 1, 0, 2, "go", 1, 0, 0, 0, 1, 2, head(1, 9), 1)},
		{"a length too large", pack(packMagic, 1, 0, 2, "go", 1, 0, 0, 0, 1<<31, 2, head(1, 8), 1)},
		{"more analyses than bytes", pack(packMagic, 1, 0, 2, "go", 1<<40)},
		{"more terms than bytes", pack(packMagic, 1<<40, 0, 2, "go")},
	}
	for _, tt := range tests {
		if as, err := DecodeAnalyses(tt.data); err == nil {
			t.Errorf("%s: DecodeAnalyses(%q) = %d analyses, want an error", tt.name, tt.data, len(as))
		}
	}
	for n := range len(valid) {
		if _, err := DecodeAnalyses(valid[:n]); err == nil {
			t.Errorf("DecodeAnalyses of the first %d of %d bytes succeeded", n, len(valid))
		}
	}
}
