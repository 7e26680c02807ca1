package feedentries

import (
	"bytes"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
)

// An entry is made once per key; the pack written after the first
// successful build gives a Builder in another process the same bytes
// without making them, and it writes no pack again.
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
		t.Fatalf("Entry from the pack = %q, %v; want %q", got, err, first)
	}
	if warm.made.Load() {
		t.Error("an entry in the pack was made again")
	}

	other := New(store, deps.Digest{10}) // another binary: not its pack
	if got, _ := other.Entry(s, p, key); bytes.Equal(got, first) {
		t.Error("the pack of another binary's version was read")
	}
}
