package site

import (
	"encoding/binary"
	"errors"
	"maps"
	"path/filepath"
	"slices"

	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/output"
)

// The manifest records, in the persistent cache, what the last build into
// a destination folder published: every file's key, its stamp (size and
// modification time as written, so that a file changed since by anything
// else is made again) and, for HTML files, its ids (so that links into it
// can be checked without reading it). The next `careersite build`, in
// another process, starts from it: a file whose key and stamp are
// unchanged is linked from the old folder into the new one, not made.

// manifestKind is the cache kind of manifests; the key is the destination.
const manifestKind = "manifest"

func (b *Builder) manifestKey() digest {
	dest, err := filepath.Abs(b.dest)
	if err != nil {
		dest = b.dest
	}
	return newHasher().digest(b.version).str(manifestKind).str(dest).sum()
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

func encodeManifest(outs map[string]*outState) []byte {
	var out []byte
	putString := func(s string) {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	out = binary.AppendUvarint(out, uint64(len(outs)))
	for _, name := range slices.Sorted(maps.Keys(outs)) {
		s := outs[name]
		putString(name)
		out = append(out, s.key[:]...)
		out = binary.AppendVarint(out, s.stamp.Size)
		out = binary.AppendVarint(out, s.stamp.ModTime)
		if s.ids == nil {
			out = binary.AppendUvarint(out, 0)
			continue
		}
		out = binary.AppendUvarint(out, uint64(len(s.ids))+1)
		for _, id := range s.ids {
			putString(id)
		}
	}
	return out
}

var errManifest = errors.New("manifest cut short")

func decodeManifest(data []byte) (map[string]*outState, error) {
	var err error
	uvarint := func() uint64 {
		n, k := binary.Uvarint(data)
		if k <= 0 {
			err = errManifest
			return 0
		}
		data = data[k:]
		return n
	}
	varint := func() int64 {
		n, k := binary.Varint(data)
		if k <= 0 {
			err = errManifest
			return 0
		}
		data = data[k:]
		return n
	}
	str := func() string {
		n := uvarint()
		if err != nil || n > uint64(len(data)) {
			err = errManifest
			return ""
		}
		s := string(data[:n])
		data = data[n:]
		return s
	}
	n := uvarint()
	outs := make(map[string]*outState, min(n, 1<<20))
	for ; err == nil && n > 0; n-- {
		name := str()
		s := &outState{}
		if len(data) < len(s.key) {
			return nil, errManifest
		}
		copy(s.key[:], data)
		data = data[len(s.key):]
		s.stamp = output.Stamp{Size: varint(), ModTime: varint()}
		if ids := uvarint(); ids > 0 {
			s.ids = make(links.IDs, 0, min(ids-1, 1<<16))
			for ; err == nil && ids > 1; ids-- {
				s.ids = append(s.ids, str())
			}
			if !slices.IsSorted(s.ids) {
				return nil, errManifest
			}
		}
		outs[name] = s
	}
	if err == nil && len(data) > 0 {
		err = errManifest
	}
	return outs, err
}
