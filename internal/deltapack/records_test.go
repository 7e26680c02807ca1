package deltapack

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"runtime"
	"testing"

	"github.com/careersite/careersite/internal/cache"
)

// records are n payloads keyed by their number.
func records(from, to int) map[cache.Key][]byte {
	rs := map[cache.Key][]byte{}
	for i := from; i < to; i++ {
		rs[cache.Key{byte(i)}] = []byte{byte(i), 'v'}
	}
	return rs
}

// A build that changed one record of many writes that record as the
// delta, read back over the base; one that left more than an eighth of
// the base unused writes a new base of what it used.
func TestRecordsSave(t *testing.T) {
	c, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	open := func() *Records { return OpenRecords(c, "kind", cache.Key{2}) }
	if !open().Save(records(0, 100)) {
		t.Fatal("the first Save wrote no base")
	}
	used := records(1, 100) // record 0 went, 100 came
	used[cache.Key{100}] = []byte("new")
	r := open()
	if data, ok := r.Get(cache.Key{0}); !ok || string(data) != "\x00v" {
		t.Fatalf("Get(0) = %q, %v; want the base's record", data, ok)
	}
	if r.Save(used) {
		t.Fatal("a build that changed one record of 100 wrote a new base")
	}
	r = open()
	if data, ok := r.Get(cache.Key{100}); !ok || string(data) != "new" {
		t.Fatalf("Get(100) = %q, %v; want the delta's record", data, ok)
	}
	if data, ok := r.Get(cache.Key{50}); !ok || string(data) != "2v" {
		t.Fatalf("Get(50) = %q, %v; want the base's record", data, ok)
	}
	if !r.Save(records(0, 50)) {
		t.Error("a build that used half the base wrote no new base")
	}
	if _, ok := open().Get(cache.Key{100}); ok {
		t.Error("a record not used by the build that wrote the base was kept")
	}
}

// A pack of records has no count: cut between two records, it reads as
// the records before the cut, each with its own bytes (a pack that holds
// fewer records); cut anywhere else, it is rejected.
func TestRecordsCodec(t *testing.T) {
	rs := map[cache.Key][]byte{{1}: []byte("<entry>a</entry>"), {2}: nil, {3}: bytes.Repeat([]byte("b"), 300)}
	b := encodeRecords(t, rs)
	got, err := DecodeRecords(b)
	if err != nil || !maps.EqualFunc(got, rs, bytes.Equal) {
		t.Fatalf("DecodeRecords = %q, %v; want %q", got, err, rs)
	}
	for n := range len(b) {
		p := b[:n:n]
		got, err := DecodeRecords(p)
		if err != nil {
			if !errors.Is(err, cache.ErrDamaged) {
				t.Errorf("records cut to %d bytes: err = %v, want cache.ErrDamaged", n, err)
			}
			continue
		}
		if !bytes.Equal(encodeRecords(t, got), p) {
			t.Errorf("records cut to %d bytes read as %q, which is not what precedes the cut", n, got)
		}
		for k, r := range got {
			if !bytes.Equal(r, rs[k]) {
				t.Errorf("records cut to %d bytes: record %x = %q, want %q", n, k[:1], r, rs[k])
			}
		}
	}
}

// encodeRecords is what WriteRecords writes of records.
func encodeRecords(t *testing.T, records map[cache.Key][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteRecords(&b, records); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWriteRecordsCopiesNoRecord: a pack of records is megabytes at
// 10,000 pages, each record held by its caller already; it is written a
// chunk at a time, not copied whole into one buffer at the peak of a
// build's memory.
func TestWriteRecordsCopiesNoRecord(t *testing.T) {
	rs := map[cache.Key][]byte{}
	total := 0
	for i := range 1000 {
		rs[cache.Key{byte(i), byte(i >> 8)}] = bytes.Repeat([]byte{'x'}, 1000+i)
		total += 1000 + i
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := WriteRecords(io.Discard, rs); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	// The sorted keys and one chunk: 96 KiB; the whole pack is 1.5 MB.
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(total)/8 {
		t.Errorf("WriteRecords of %d bytes of records allocated %d bytes, want at most %d", total, n, total/8)
	}
}
