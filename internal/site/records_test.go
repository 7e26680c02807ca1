package site

import (
	"errors"
	"slices"
	"testing"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
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
