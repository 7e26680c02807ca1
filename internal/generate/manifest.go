package generate

import (
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/output"
)

// This file is the record of a manifest: what the last build into a
// destination folder published, which the pipeline keeps in the
// persistent cache so that the next `careersite build`, in another
// process, can publish again every file whose key and stamp are
// unchanged instead of making it.

// Published is what a manifest records of one file a build published.
type Published struct {
	Key         deps.Digest  // its dependency key
	Stamp       output.Stamp // its size and modification time as written
	IDs         links.IDs    // an HTML file's ids, sorted, for checking links into it; nil for other files
	ByTemplate  bool         // an image file that pages' templates named
	NamedImages bool         // a page whose templates named image files (which ones is not recorded)
}

// EncodeManifest writes the record (cache.Encoder) of files: their
// count, then by name each file's name, key, size, modification time,
// its flags and, for a file with ids, the count of its ids plus one and
// the ids (0 for a file without).
func EncodeManifest(files map[string]Published) []byte {
	var e cache.Encoder
	e.Int(len(files))
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f := files[name]
		e.String(name)
		e.Digest(f.Key)
		e.Varint(f.Stamp.Size)
		e.Varint(f.Stamp.ModTime)
		e.Int(manifestFlags(f))
		if f.IDs == nil {
			e.Int(0)
			continue
		}
		e.Int(len(f.IDs) + 1)
		for _, id := range f.IDs {
			e.String(id)
		}
	}
	return e.Encoded()
}

// minManifestEntry is the fewest bytes a file takes in a manifest: its
// name's length, key, size, modification time, flags and ids.
const minManifestEntry = 1 + len(deps.Digest{}) + 1 + 1 + 1 + 1

// The flags of a file in a manifest.
const (
	flagByTemplate  = 1 << iota // Published.ByTemplate
	flagNamedImages             // Published.NamedImages
)

func manifestFlags(f Published) int {
	flags := 0
	if f.ByTemplate {
		flags |= flagByTemplate
	}
	if f.NamedImages {
		flags |= flagNamedImages
	}
	return flags
}

// DecodeManifest reads what EncodeManifest wrote, to its end; a record
// cut short or damaged, or with ids out of order, is cache.ErrDamaged.
func DecodeManifest(data []byte) (map[string]Published, error) {
	d := cache.NewDecoder(data)
	n := d.Count(minManifestEntry)
	files := make(map[string]Published, n)
	for ; d.Err() == nil && n > 0; n-- {
		name := string(d.Bytes())
		f := Published{Key: d.Digest(), Stamp: output.Stamp{Size: d.Varint(), ModTime: d.Varint()}}
		flags := d.Int()
		f.ByTemplate = flags&flagByTemplate != 0
		f.NamedImages = flags&flagNamedImages != 0
		if ids := d.Int(); ids > 0 {
			f.IDs = make(links.IDs, 0, min(ids-1, d.Len())) // an id takes a byte at least
			for ; d.Err() == nil && ids > 1; ids-- {
				f.IDs = append(f.IDs, string(d.Bytes()))
			}
			if !slices.IsSorted(f.IDs) {
				d.Fail("ids out of order")
			}
		}
		files[name] = f
	}
	if err := d.End(); err != nil {
		return nil, err
	}
	return files, nil
}
