package generate

import (
	"bytes"
	"errors"
	"maps"
	"testing"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
)

// The records of generated files and feed entries read back as they were
// written, and a record cut short is rejected, never read as a shorter
// one. (cache.Get refuses an entry whose length or checksum is wrong
// before a decoder sees it; these tests are the second line.)

// everyPrefix calls f with each proper prefix of b, with no room to grow.
func everyPrefix(b []byte, f func(n int, prefix []byte)) {
	for n := range len(b) {
		f(n, b[:n:n])
	}
}

func TestFilesRecordCutShort(t *testing.T) {
	files := []File{
		{Name: "search/index.json", Owner: "the search index", Make: BytesOf([]byte(`{"v":1}`))},
		{Name: "search/t/a.json", Owner: "the search index", Make: BytesOf(bytes.Repeat([]byte("x"), 200))},
	}
	var buf bytes.Buffer
	if err := EncodeFiles(&buf, files); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if got, ok := DecodeFiles(b); !ok || len(got) != len(files) {
		t.Fatalf("DecodeFiles = %d files, %v; want %d, true", len(got), ok, len(files))
	}
	everyPrefix(b, func(n int, p []byte) {
		if got, ok := DecodeFiles(p); ok || got != nil {
			t.Errorf("files cut to %d of %d bytes: decoded %d files, %v; want none, false", n, len(b), len(got), ok)
		}
	})
}

// The pack of feed entries has no count: cut between two entries, it
// reads as the entries before the cut, each with its own bytes (a pack
// that holds fewer entries); cut anywhere else, it is rejected.
func TestEntriesRecord(t *testing.T) {
	entries := map[deps.Digest][]byte{{1}: []byte("<entry>a</entry>"), {2}: nil, {3}: bytes.Repeat([]byte("b"), 300)}
	b := EncodeEntries(entries)
	got, err := DecodeEntries(b)
	if err != nil || !maps.EqualFunc(got, entries, bytes.Equal) {
		t.Fatalf("DecodeEntries = %q, %v; want %q", got, err, entries)
	}
	everyPrefix(b, func(n int, p []byte) {
		got, err := DecodeEntries(p)
		if err != nil {
			if !errors.Is(err, cache.ErrDamaged) {
				t.Errorf("entries cut to %d bytes: err = %v, want cache.ErrDamaged", n, err)
			}
			return
		}
		if !bytes.Equal(EncodeEntries(got), p) {
			t.Errorf("entries cut to %d bytes read as %q, which is not what precedes the cut", n, got)
		}
		for k, e := range got {
			if !bytes.Equal(e, entries[k]) {
				t.Errorf("entries cut to %d bytes: entry %x = %q, want %q", n, k[:1], e, entries[k])
			}
		}
	})
}

// TestEncodeEntriesFillsOneBuffer: a pack of feed entries is megabytes at
// 10,000 pages; it is written into one buffer of its length, not grown a
// copy at a time.
func TestEncodeEntriesFillsOneBuffer(t *testing.T) {
	entries := map[deps.Digest][]byte{}
	for i := range 1000 {
		entries[deps.HashBytes([]byte{byte(i), byte(i >> 8)})] = bytes.Repeat([]byte{'x'}, 1000+i)
	}
	// The keys, sorted in a slice of their number, and the buffer (with
	// a little room for the race detector's own); grown a copy at a time,
	// the buffer alone was 26 allocations.
	if n := testing.AllocsPerRun(5, func() { EncodeEntries(entries) }); n > 4 {
		t.Errorf("EncodeEntries of 1,000 entries made %v allocations, want at most 4", n)
	}
}
