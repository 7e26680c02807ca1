package site

import (
	"bytes"
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/output"
)

// The records this package keeps in the persistent cache (cache.Encoder)
// read back as they were written, and a record cut short is rejected,
// never read as a shorter one. (Get refuses an entry whose length or
// checksum is wrong before a decoder sees it; these tests are the second
// line.)

// everyPrefix calls f with each proper prefix of b, with no room to grow.
func everyPrefix(b []byte, f func(n int, prefix []byte)) {
	for n := range len(b) {
		f(n, b[:n:n])
	}
}

func TestManifestRecord(t *testing.T) {
	outs := map[string]*outState{
		"index.html":   {key: deps.Digest{1}, ids: links.IDs{"main", "top"}, stamp: output.Stamp{Size: 2048, ModTime: 1700000000123456789}},
		"css/site.css": {key: deps.Digest{2}, stamp: output.Stamp{Size: 10, ModTime: -1}},
		"empty.html":   {key: deps.Digest{3}, ids: links.IDs{}}, // last by name: its record ends in a count of one
	}
	b := encodeManifest(outs)
	got, err := decodeManifest(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(outs) {
		t.Fatalf("decodeManifest = %v, want %v", got, outs)
	}
	for name, want := range outs {
		g := got[name]
		if g == nil || g.key != want.key || g.stamp != want.stamp || (g.ids == nil) != (want.ids == nil) || !slices.Equal(g.ids, want.ids) {
			t.Errorf("%s: decoded %+v, want %+v", name, g, want)
		}
	}
	everyPrefix(b, func(n int, p []byte) {
		if _, err := decodeManifest(p); !errors.Is(err, cache.ErrDamaged) {
			t.Errorf("a manifest cut to %d of %d bytes: err = %v, want cache.ErrDamaged", n, len(b), err)
		}
	})
	unsorted := encodeManifest(map[string]*outState{"a.html": {ids: links.IDs{"b", "a"}}})
	if _, err := decodeManifest(unsorted); !errors.Is(err, cache.ErrDamaged) {
		t.Errorf("a manifest with ids out of order: err = %v, want cache.ErrDamaged", err)
	}
}

func TestFilesRecordCutShort(t *testing.T) {
	files := []generate.File{
		{Name: "search/index.json", Owner: "the search index", Make: generate.BytesOf([]byte(`{"v":1}`))},
		{Name: "search/t/a.json", Owner: "the search index", Make: generate.BytesOf(bytes.Repeat([]byte("x"), 200))},
	}
	var buf bytes.Buffer
	if err := encodeFiles(&buf, files); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if got, ok := decodeFiles(b); !ok || len(got) != len(files) {
		t.Fatalf("decodeFiles = %d files, %v; want %d, true", len(got), ok, len(files))
	}
	everyPrefix(b, func(n int, p []byte) {
		if got, ok := decodeFiles(p); ok || got != nil {
			t.Errorf("files cut to %d of %d bytes: decoded %d files, %v; want none, false", n, len(b), len(got), ok)
		}
	})
}

// The pack of feed entries has no count: cut between two entries, it
// reads as the entries before the cut, each with its own bytes (a pack
// that holds fewer entries); cut anywhere else, it is rejected.
func TestEntriesRecord(t *testing.T) {
	entries := map[deps.Digest][]byte{{1}: []byte("<entry>a</entry>"), {2}: nil, {3}: bytes.Repeat([]byte("b"), 300)}
	b := encodeEntries(entries)
	got, err := decodeEntries(b)
	if err != nil || !maps.EqualFunc(got, entries, bytes.Equal) {
		t.Fatalf("decodeEntries = %q, %v; want %q", got, err, entries)
	}
	everyPrefix(b, func(n int, p []byte) {
		got, err := decodeEntries(p)
		if err != nil {
			if !errors.Is(err, cache.ErrDamaged) {
				t.Errorf("entries cut to %d bytes: err = %v, want cache.ErrDamaged", n, err)
			}
			return
		}
		if !bytes.Equal(encodeEntries(got), p) {
			t.Errorf("entries cut to %d bytes read as %q, which is not what precedes the cut", n, got)
		}
		for k, e := range got {
			if !bytes.Equal(e, entries[k]) {
				t.Errorf("entries cut to %d bytes: entry %x = %q, want %q", n, k[:1], e, entries[k])
			}
		}
	})
}
