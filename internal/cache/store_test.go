package cache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// storeOf opens the store "kind" of the cache in dir for version v.
func storeOf(t *testing.T, dir string, v byte) (*Cache, *Store) {
	t.Helper()
	c, err := Open(dir, Key{v})
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Store("kind")
	if err != nil {
		t.Fatal(err)
	}
	return c, s
}

// fill puts n entries, "entry i", and returns their keys.
func fill(t *testing.T, c *Cache, s *Store, n int) []Key {
	t.Helper()
	keys := make([]Key, n)
	for i := range keys {
		keys[i] = c.Key("kind", fmt.Appendf(nil, "%d", i))
		if err := s.Put(keys[i], fmt.Appendf(nil, "entry %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestStoreKeepsEntriesForTheNextBuild(t *testing.T) {
	dir := t.TempDir()
	c, s := storeOf(t, dir, 1)
	keys := fill(t, c, s, 300)
	if err := s.Close(true); err != nil {
		t.Fatal(err)
	}
	shards, _ := filepath.Glob(filepath.Join(dir, "kind", "*", "*.shelf"))
	if len(shards) != storeShards {
		t.Errorf("%d entries went into %d files, want %d", len(keys), len(shards), storeShards)
	}
	_, s = storeOf(t, dir, 1)
	defer s.Close(false)
	for i, k := range keys {
		if got, ok := s.Get(k); !ok || string(got) != fmt.Sprintf("entry %d", i) {
			t.Fatalf("Get(entry %d) = %q, %v", i, got, ok)
		}
	}
	if _, ok := s.Get(c.Key("kind", []byte("never put"))); ok {
		t.Error("Get of a key never put found an entry")
	}
	_, other := storeOf(t, dir, 2)
	defer other.Close(false)
	if _, ok := other.Get(keys[0]); ok {
		t.Error("a store of another version found an entry")
	}
}

// TestStoreDamage damages records of a shard: each damaged one is a miss,
// the whole ones before a damaged header are still found, and Close
// rewrites the shard without the damage, so that entries put after it
// are found again.
func TestStoreDamage(t *testing.T) {
	dir := t.TempDir()
	c, s := storeOf(t, dir, 1)
	var keys []Key
	for i := 0; len(keys) < 4; i++ {
		k := c.Key("kind", fmt.Appendf(nil, "%d", i))
		if k[0] < 256/storeShards { // all in shard 00
			keys = append(keys, k)
			s.Put(k, fmt.Appendf(nil, "entry %d", len(keys)-1))
		}
	}
	s.Close(false)
	name := s.shards[0].name
	data, _ := os.ReadFile(name)
	size := len(data) / 4          // every record is the same length
	data[2*size-1] ^= 1            // the payload of the second
	data[2*size] = 'X'             // the magic of the third
	data = data[:len(data)-size/2] // the fourth cut short
	os.WriteFile(name, data, 0o644)

	_, s = storeOf(t, dir, 1)
	for i, want := range []bool{true, false, false, false} {
		if _, ok := s.Get(keys[i]); ok != want {
			t.Errorf("Get(entry %d) found %v, want %v", i, ok, want)
		}
	}
	if err := s.Close(false); err != nil {
		t.Fatal(err)
	}
	_, s = storeOf(t, dir, 1)
	s.Put(keys[3], []byte("entry 3"))
	s.Close(false)
	_, s = storeOf(t, dir, 1)
	defer s.Close(false)
	for i, want := range []bool{true, false, false, true} {
		if _, ok := s.Get(keys[i]); ok != want {
			t.Errorf("after the rewrite, Get(entry %d) found %v, want %v", i, ok, want)
		}
	}
}

// TestStoreCompacts: after a build that asked for every entry it needed,
// a shard that is mostly entries it did not ask for is rewritten without
// them; after a build that did not, nothing is dropped.
func TestStoreCompacts(t *testing.T) {
	defer func(n int64) { compactAfter = n }(compactAfter)
	compactAfter = 1 << 10
	dir := t.TempDir()
	c, s := storeOf(t, dir, 1)
	big := make([]byte, compactAfter)
	var old []Key
	for i := 0; i < 4*storeShards; i++ {
		k := c.Key("kind", fmt.Appendf(nil, "old %d", i))
		s.Put(k, big)
		old = append(old, k)
	}
	s.Close(true)
	before := storeSize(t, dir)

	_, s = storeOf(t, dir, 1)
	fresh := fill(t, c, s, 10)
	s.Close(false)
	_, s = storeOf(t, dir, 1)
	if _, ok := s.Get(old[0]); !ok {
		t.Error("a build that did not ask for every entry dropped one")
	}
	s.Close(false)

	// Half the entries are got, half only found with Has: Close keeps
	// both.
	_, s = storeOf(t, dir, 1)
	for i, k := range fresh {
		if i%2 == 0 {
			s.Get(k)
		} else if !s.Has(k) {
			t.Errorf("Has(entry %d) is false", i)
		}
	}
	if s.Has(c.Key("kind", []byte("never put"))) {
		t.Error("Has of a key never put is true")
	}
	s.Close(true)
	if after := storeSize(t, dir); after > before/10 {
		t.Errorf("the store is %d bytes after compaction, %d before, want the old entries gone", after, before)
	}
	_, s = storeOf(t, dir, 1)
	defer s.Close(false)
	for i, k := range fresh {
		if got, ok := s.Get(k); !ok || string(got) != fmt.Sprintf("entry %d", i) {
			t.Errorf("after compaction Get(entry %d) = %q, %v", i, got, ok)
		}
	}
	for _, k := range old {
		if _, ok := s.Get(k); ok {
			t.Fatal("an entry the build did not ask for survived compaction")
		}
	}
}

func storeSize(t *testing.T, dir string) int64 {
	t.Helper()
	shards, _ := filepath.Glob(filepath.Join(dir, "kind", "*", "*.shelf"))
	var n int64
	for _, p := range shards {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		n += info.Size()
	}
	return n
}

// TestStoreWritesRecordsTogether: Put holds small records back and Close
// writes them, so a build makes a write per shard rather than per entry;
// a shard's records are written when the next one does not fit in its
// buffer.
func TestStoreWritesRecordsTogether(t *testing.T) {
	dir := t.TempDir()
	c, s := storeOf(t, dir, 1)
	keys := fill(t, c, s, 300)
	if n := shardBytes(t, dir); n != 0 {
		t.Errorf("before Close, the shards hold %d bytes; want 0, the records held back", n)
	}
	// Into one shard: a record larger than its buffer, then one more.
	if err := s.Put(keys[0], make([]byte, flushAfter)); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(keys[0], []byte("entry 0")); err != nil {
		t.Fatal(err)
	}
	if n := shardBytes(t, dir); n < flushAfter {
		t.Errorf("after a Put of %d bytes and one more, the shards hold %d bytes; want the large record written", flushAfter, n)
	}
	if err := s.Close(true); err != nil {
		t.Fatal(err)
	}
	_, s = storeOf(t, dir, 1)
	defer s.Close(false)
	for i, k := range keys {
		if got, ok := s.Get(k); !ok || string(got) != fmt.Sprintf("entry %d", i) {
			t.Fatalf("Get(entry %d) = %q, %v", i, got, ok)
		}
	}
}

// shardBytes is the size of every shard of the store "kind" in dir.
func shardBytes(t *testing.T, dir string) int64 {
	t.Helper()
	shards, _ := filepath.Glob(filepath.Join(dir, "kind", "*", "*.shelf"))
	var n int64
	for _, name := range shards {
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		n += info.Size()
	}
	return n
}

// TestStoreReadsHeadersAcrossWindows: records of many sizes, some longer
// than a window, put headers across the windows' edges; every entry is
// found again.
func TestStoreReadsHeadersAcrossWindows(t *testing.T) {
	dir := t.TempDir()
	c, s := storeOf(t, dir, 1)
	var keys []Key
	var payloads [][]byte
	for i := range 600 {
		k := c.Key("kind", fmt.Appendf(nil, "%d", i))
		p := fmt.Appendf(nil, "entry %d %s", i, make([]byte, i*i*37%(3*windowSize/2)))
		if err := s.Put(k, p); err != nil {
			t.Fatal(err)
		}
		keys, payloads = append(keys, k), append(payloads, p)
	}
	if err := s.Close(true); err != nil {
		t.Fatal(err)
	}
	_, s = storeOf(t, dir, 1)
	defer s.Close(false)
	for i, k := range keys {
		if got, ok := s.Get(k); !ok || !bytes.Equal(got, payloads[i]) {
			t.Fatalf("Get(entry %d) = %d bytes, %v; want %d bytes", i, len(got), ok, len(payloads[i]))
		}
	}
}

// TestPutSummedWithAWrongSum: an entry put with a sum that is not its
// payload's is a miss in the next build, as a damaged one is, and the
// entries beside it are found.
func TestPutSummedWithAWrongSum(t *testing.T) {
	dir := t.TempDir()
	c, s := storeOf(t, dir, 1)
	right, wrong := c.Key("kind", []byte("right")), c.Key("kind", []byte("wrong"))
	if err := s.PutSummed(right, []byte("right"), sha256.Sum256([]byte("right"))); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSummed(wrong, []byte("wrong"), sha256.Sum256([]byte("another payload"))); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(true); err != nil {
		t.Fatal(err)
	}
	_, s = storeOf(t, dir, 1)
	defer s.Close(false)
	if got, ok := s.Get(right); !ok || string(got) != "right" {
		t.Errorf("Get(right) = %q, %v; want \"right\", true", got, ok)
	}
	if got, ok := s.Get(wrong); ok {
		t.Errorf("Get(wrong) = %q, true; want a miss", got)
	}
}
