package deltapack

import (
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
