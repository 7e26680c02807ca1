package site

import (
	"path/filepath"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
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
// The record is generate.EncodeManifest's.

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
	files, err := generate.DecodeManifest(data)
	if err != nil {
		return map[string]*outState{}
	}
	outs := make(map[string]*outState, len(files))
	for name, f := range files {
		s := &outState{key: f.Key, stamp: f.Stamp, ids: f.IDs, byTemplate: f.ByTemplate}
		if f.NamedImages {
			// Which image files the page named is not recorded (they are
			// the image pipeline's values): the page is rendered again,
			// and names them again.
			s.key = deps.Digest{}
		}
		outs[name] = s
	}
	return outs
}

// saveManifest records the files of the commit that just happened.
func (b *Builder) saveManifest() {
	files := make(map[string]generate.Published, len(b.outs))
	for name, s := range b.outs {
		files[name] = generate.Published{Key: s.key, Stamp: s.stamp, IDs: s.ids, ByTemplate: s.byTemplate, NamedImages: len(s.images) > 0}
	}
	b.cache.Put(manifestKind, b.cacheKey(b.manifestKey()), generate.EncodeManifest(files))
}

// linkRecordKey is the key of the record of the last check of links
// into the destination (linkrecord.Kept). The record says what it was
// checked against, so it is right beside any manifest, or none.
func (b *Builder) linkRecordKey() cache.Key {
	return b.cacheKey(deps.NewHasher().Digest(b.manifestKey()).Str("link-record").Sum())
}
