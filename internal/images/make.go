package images

import (
	"bytes"
	"fmt"

	"github.com/careersite/careersite/internal/imaging"
)

// cacheKind is the kind of processed images in the persistent cache.
const cacheKind = "image"

// Bytes returns the bytes of o, made once: found in the persistent cache,
// or made with every other Output of its source still to make (decoded
// once), on one of GOMAXPROCS tokens.
func (s *Set) Bytes(o *Output) ([]byte, error) {
	o.once.Do(func() { o.data, o.err = s.make(o) })
	return o.data, o.err
}

func (s *Set) make(o *Output) ([]byte, error) {
	if o.Spec.Op == 0 {
		return s.sourceBytes(o.Source) // an SVG or a GIF, as it is
	}
	if data, ok := s.cached(o); ok {
		return data, nil
	}
	src := o.Source
	src.mu.Lock()
	defer src.mu.Unlock()
	if o.made != nil { // made with another Output of the source
		return o.made, nil
	}
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	return s.makeAll(o)
}

// makeAll decodes o's source once and makes o and every Output of the
// source not yet made and not in the cache; o's bytes are returned, the
// others' kept in them. Called with the source's lock and a token held.
func (s *Set) makeAll(o *Output) ([]byte, error) {
	data, err := s.sourceBytes(o.Source)
	if err != nil {
		return nil, err
	}
	todo := []*Output{o}
	for _, other := range s.sourceOutputs(o.Source) {
		if other != o && other.made == nil {
			if _, ok := s.cached(other); !ok {
				todo = append(todo, other)
			}
		}
	}
	for _, t := range todo {
		if t.Spec.Format == imaging.WebP {
			s.warm.Do(func() { go imaging.WarmUpWebP() })
		}
	}
	img, _, err := imaging.Decode(data, s.opts.MaxPixels)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.Source.Loc.Path, err)
	}
	sc := imaging.NewScaler(img) // the widths share its halvings
	for _, t := range todo {
		var buf bytes.Buffer
		if err := imaging.Encode(&buf, sc.Process(t.Spec), t.Spec.Format, t.Spec.Quality); err != nil {
			return nil, fmt.Errorf("%s: %w", o.Source.Loc.Path, err)
		}
		s.processed.Add(1)
		if c := s.opts.Cache; c != nil {
			_ = c.Put(cacheKind, c.Key(cacheKind, t.Key[:]), buf.Bytes()) // a cache that cannot be written costs the next build time, not this one its output
		}
		t.made = buf.Bytes()
	}
	return o.made, nil
}

// cached returns o's bytes from the persistent cache.
func (s *Set) cached(o *Output) ([]byte, bool) {
	c := s.opts.Cache
	if c == nil {
		return nil, false
	}
	return c.Get(cacheKind, c.Key(cacheKind, o.Key[:]))
}
