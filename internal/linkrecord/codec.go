package linkrecord

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/links"
)

// Encode returns r as the bytes of a cache entry (internal/cache's codec):
// the names with their digests, sorted, then the pages sorted by file and
// URL, each with its links' digest, the indexes of the names it looked up
// and its broken links. The same Record gives the same bytes.
func (r *Record) Encode() []byte {
	var e cache.Encoder
	if r == nil {
		e.Int(0)
		e.Int(0)
		return e.Encoded()
	}
	names := slices.Sorted(maps.Keys(r.names))
	index := make(map[string]int, len(names))
	e.Int(len(names))
	for i, name := range names {
		index[name] = i
		e.String(name)
		e.Digest(r.names[name])
	}
	keys := slices.SortedFunc(maps.Keys(r.pages), func(a, b pageKey) int {
		return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.url, b.url))
	})
	e.Int(len(keys))
	for _, k := range keys {
		p := r.pages[k]
		e.String(k.file)
		e.String(k.url)
		e.Digest(p.links)
		e.Int(len(p.lookedUp))
		for _, name := range p.lookedUp {
			e.Int(index[name])
		}
		e.Int(len(p.broken))
		for _, b := range p.broken {
			e.String(b.Dest)
			e.Int(b.Line)
			e.Int(b.Col)
			e.String(b.Reason)
		}
	}
	return e.Encoded()
}

// Decode reads a Record that Encode wrote.
func Decode(data []byte) (*Record, error) {
	d := cache.NewDecoder(data)
	r := &Record{names: map[string]digest{}, pages: map[pageKey]*pageResult{}}
	names := make([]string, d.Count(1+sha256Size))
	for i := range names {
		names[i] = d.String()
		r.names[names[i]] = d.Digest()
	}
	for range d.Count(2 + sha256Size + 2) {
		k := pageKey{file: d.String(), url: d.String()}
		p := &pageResult{links: d.Digest()}
		p.lookedUp = make([]string, d.Count(1))
		for i := range p.lookedUp {
			n := d.Int()
			if n >= len(names) {
				d.Fail(fmt.Sprintf("name %d of %d", n, len(names)))
				break
			}
			p.lookedUp[i] = names[n]
		}
		p.broken = make([]links.Broken, d.Count(4))
		for i := range p.broken {
			p.broken[i] = links.Broken{File: k.file, Dest: d.String(), Line: d.Int(), Col: d.Int(), Reason: d.String()}
		}
		r.pages[k] = p
	}
	if err := d.End(); err != nil {
		return nil, fmt.Errorf("link record: %w", err)
	}
	return r, nil
}

const sha256Size = len(digest{})
