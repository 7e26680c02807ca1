package site

import (
	"maps"
	"path/filepath"
	"slices"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/output"
)

// The manifest records, in the persistent cache, what the last build into
// a destination folder published: every file's key, its stamp (size and
// modification time as written, so that a file changed since by anything
// else is made again) and, for HTML files, its ids (so that links into it
// can be checked without reading it), and whether it is an image file
// that pages' templates named or a page whose templates named some. The
// next `careersite build`, in
// another process, starts from it: a file whose key and stamp are
// unchanged is linked from the old folder into the new one, not made.

// manifestKind is the cache kind of manifests; the key is the destination.
const manifestKind = "manifest"

func (b *Builder) manifestKey() deps.Digest {
	dest, err := filepath.Abs(b.dest)
	if err != nil {
		dest = b.dest
	}
	return deps.NewHasher().Digest(b.version).Str(manifestKind).Str(dest).Sum()
}

// loadManifest returns the files of the last build into the destination,
// or none when there is no manifest or it cannot be read.
func (b *Builder) loadManifest() map[string]*outState {
	data, ok := b.cache.Get(manifestKind, b.cacheKey(b.manifestKey()))
	if !ok {
		return map[string]*outState{}
	}
	outs, err := decodeManifest(data)
	if err != nil {
		return map[string]*outState{}
	}
	return outs
}

// saveManifest records the files of the commit that just happened.
func (b *Builder) saveManifest() {
	b.cache.Put(manifestKind, b.cacheKey(b.manifestKey()), encodeManifest(b.outs))
}

// encodeManifest writes the record (cache.Encoder) of outs: their count,
// then by name each file's name, key, size, modification time, its flags
// (manifestFlags) and, for HTML, the count of its ids plus one and the
// ids (0 for other files).
func encodeManifest(outs map[string]*outState) []byte {
	var e cache.Encoder
	e.Int(len(outs))
	for _, name := range slices.Sorted(maps.Keys(outs)) {
		s := outs[name]
		e.String(name)
		e.Digest(s.key)
		e.Varint(s.stamp.Size)
		e.Varint(s.stamp.ModTime)
		e.Int(manifestFlags(s))
		if s.ids == nil {
			e.Int(0)
			continue
		}
		e.Int(len(s.ids) + 1)
		for _, id := range s.ids {
			e.String(id)
		}
	}
	return e.Encoded()
}

// minManifestEntry is the fewest bytes a file takes in a manifest: its
// name's length, key, size, modification time and ids.
const minManifestEntry = 1 + len(deps.Digest{}) + 1 + 1 + 1 + 1

// The flags of a file in a manifest.
const (
	flagByTemplate  = 1 << iota // an image file that pages' templates named
	flagNamedImages             // a page whose templates named image files
)

func manifestFlags(s *outState) int {
	f := 0
	if s.byTemplate {
		f |= flagByTemplate
	}
	if len(s.images) > 0 {
		f |= flagNamedImages
	}
	return f
}

// decodeManifest reads what encodeManifest wrote, to its end.
func decodeManifest(data []byte) (map[string]*outState, error) {
	d := cache.NewDecoder(data)
	n := d.Count(minManifestEntry)
	outs := make(map[string]*outState, n)
	for ; d.Err() == nil && n > 0; n-- {
		name := string(d.Bytes())
		s := &outState{key: d.Digest(), stamp: output.Stamp{Size: d.Varint(), ModTime: d.Varint()}}
		flags := d.Int()
		s.byTemplate = flags&flagByTemplate != 0
		if flags&flagNamedImages != 0 {
			// Which image files the page named is not recorded (they are
			// the image pipeline's values): the page is rendered again,
			// and names them again.
			s.key = deps.Digest{}
		}
		if ids := d.Int(); ids > 0 {
			s.ids = make(links.IDs, 0, min(ids-1, d.Len())) // an id takes a byte at least
			for ; d.Err() == nil && ids > 1; ids-- {
				s.ids = append(s.ids, string(d.Bytes()))
			}
			if !slices.IsSorted(s.ids) {
				d.Fail("ids out of order")
			}
		}
		outs[name] = s
	}
	if err := d.End(); err != nil {
		return nil, err
	}
	return outs, nil
}
