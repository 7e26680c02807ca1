package generate

import (
	"errors"
	"slices"
	"testing"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/output"
)

// A manifest reads back as it was written, and one cut short is
// rejected, never read as a shorter one.
func TestManifestRecord(t *testing.T) {
	files := map[string]Published{
		"index.html":   {Key: deps.Digest{1}, IDs: links.IDs{"main", "top"}, Stamp: output.Stamp{Size: 2048, ModTime: 1700000000123456789}, NamedImages: true},
		"css/site.css": {Key: deps.Digest{2}, Stamp: output.Stamp{Size: 10, ModTime: -1}},
		"img/a.webp":   {Key: deps.Digest{4}, ByTemplate: true},
		"empty.html":   {Key: deps.Digest{3}, IDs: links.IDs{}}, // an empty list, not nil: its record ends in a count of one
	}
	b := EncodeManifest(files)
	got, err := DecodeManifest(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(files) {
		t.Fatalf("DecodeManifest = %v, want %v", got, files)
	}
	for name, want := range files {
		g, ok := got[name]
		if !ok || g.Key != want.Key || g.Stamp != want.Stamp || (g.IDs == nil) != (want.IDs == nil) || !slices.Equal(g.IDs, want.IDs) ||
			g.ByTemplate != want.ByTemplate || g.NamedImages != want.NamedImages {
			t.Errorf("%s: decoded %+v, want %+v", name, g, want)
		}
	}
	everyPrefix(b, func(n int, p []byte) {
		if _, err := DecodeManifest(p); !errors.Is(err, cache.ErrDamaged) {
			t.Errorf("a manifest cut to %d of %d bytes: err = %v, want cache.ErrDamaged", n, len(b), err)
		}
	})
	unsorted := EncodeManifest(map[string]Published{"a.html": {IDs: links.IDs{"b", "a"}}})
	if _, err := DecodeManifest(unsorted); !errors.Is(err, cache.ErrDamaged) {
		t.Errorf("a manifest with ids out of order: err = %v, want cache.ErrDamaged", err)
	}
}
