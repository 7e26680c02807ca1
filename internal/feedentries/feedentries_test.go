package feedentries

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deltapack"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
)

// An entry is made once per key; the pack written after the first
// successful build gives a Builder in another process the same bytes
// without making them.
func TestEntriesPack(t *testing.T) {
	store, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	s := &model.Site{}
	p := &model.Page{Title: "Data engineer", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	key := deps.Digest{7}

	cold := New(store, deps.Digest{9})
	first, err := cold.Entry(s, p, key)
	if err != nil {
		t.Fatal(err)
	}
	p.Title = "Changed, but under the same key"
	again, err := cold.Entry(s, p, key)
	if err != nil || !bytes.Equal(again, first) {
		t.Fatalf("second Entry with one key = %q, %v; want the first bytes", again, err)
	}
	cold.Rotate()
	cold.Save()

	warm := New(store, deps.Digest{9})
	got, err := warm.Entry(s, p, key)
	if err != nil || !bytes.Equal(got, first) {
		t.Fatalf("Entry from the pack = %q, %v; want %q (made again?)", got, err, first)
	}

	other := New(store, deps.Digest{10}) // another binary: not its pack
	if got, _ := other.Entry(s, p, key); bytes.Equal(got, first) {
		t.Error("the pack of another binary's version was read")
	}
}

// build is one build in a new process of the entries of the pages keyed
// 1…n of keys, page k titled titles[k] ("Page k" when absent).
func build(t *testing.T, store *cache.Cache, keys []byte, titles map[byte]string) {
	t.Helper()
	e := New(store, deps.Digest{9})
	for _, k := range keys {
		title := titles[k]
		if title == "" {
			title = fmt.Sprintf("Page %d", k)
		}
		p := &model.Page{Title: title, Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
		if _, err := e.Entry(&model.Site{}, p, deps.Digest{k}); err != nil {
			t.Fatal(err)
		}
	}
	e.Rotate()
	e.Save()
}

// packed returns the keys (their first byte) of the base and the delta
// of the pack in store, and the base's bytes.
func packed(t *testing.T, store *cache.Cache) (base, delta []byte, raw []byte) {
	t.Helper()
	e := New(store, deps.Digest{9})
	_, b, d := deltapack.Open(store, Kind, cache.Key(e.key()))
	firsts := func(data []byte) []byte {
		if data == nil {
			return nil
		}
		entries, err := deltapack.DecodeRecords(data)
		if err != nil {
			t.Fatal(err)
		}
		var out []byte
		for _, k := range slices.SortedFunc(maps.Keys(entries), func(a, b cache.Key) int { return bytes.Compare(a[:], b[:]) }) {
			out = append(out, k[0])
		}
		return out
	}
	return firsts(b), firsts(d), b
}

func keysTo(n byte) []byte {
	var out []byte
	for k := byte(1); k <= n; k++ {
		out = append(out, k)
	}
	return out
}

// A build that made one entry the base does not hold writes it alone, as
// the delta, and leaves the base as it is; one that needs nothing new
// writes nothing; one that left more than an eighth of the base unused
// writes a base of what it used, with no delta.
func TestOneNewEntryIsWrittenAsTheDelta(t *testing.T) {
	store, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	build(t, store, keysTo(16), nil)
	base, delta, raw := packed(t, store)
	if !bytes.Equal(base, keysTo(16)) || delta != nil {
		t.Fatalf("after the first build: base %v, delta %v; want 1…16 and none", base, delta)
	}

	// Page 16 changed: its key is 17.
	build(t, store, append(keysTo(15), 17), map[byte]string{17: "Page 16, edited"})
	base2, delta, raw2 := packed(t, store)
	if !bytes.Equal(base2, keysTo(16)) || !bytes.Equal(raw2, raw) || !bytes.Equal(delta, []byte{17}) {
		t.Fatalf("after one page changed: base %v (same bytes: %v), delta %v; want the same base and the delta 17", base2, bytes.Equal(raw2, raw), delta)
	}

	// Every entry comes from the pack, the edited one from the delta: a
	// title other than the one it was made from would show.
	e := New(store, deps.Digest{9})
	got, err := e.Entry(&model.Site{}, &model.Page{Title: "not this"}, deps.Digest{17})
	if err != nil || !bytes.Contains(got, []byte("Page 16, edited")) {
		t.Fatalf("entry 17 = %q, %v; want the delta's", got, err)
	}

	// Page 16 changed again: the delta holds its new entry alone.
	build(t, store, append(keysTo(15), 18), nil)
	if base, delta, _ := packed(t, store); !bytes.Equal(base, keysTo(16)) || !bytes.Equal(delta, []byte{18}) {
		t.Fatalf("after a second edit: base %v, delta %v; want 1…16 and 18", base, delta)
	}

	// Three pages went: 3 of 16 unused is more than an eighth.
	build(t, store, append(keysTo(13), 18), nil)
	if base, delta, _ := packed(t, store); !bytes.Equal(base, append(keysTo(13), 18)) || delta != nil {
		t.Fatalf("after three pages went: base %v, delta %v; want 1…13, 18 and none", base, delta)
	}
}
