package images

import (
	"bytes"
	"fmt"

	"github.com/careersite/careersite/internal/imaging"
	"golang.org/x/sync/errgroup"
)

// cacheKind is the kind of processed images in the persistent cache.
const cacheKind = "image"

// Bytes returns the bytes of o: found in the persistent cache, or made
// with every other Output of its source still to make, decoded once and
// each scaled and encoded on one of GOMAXPROCS tokens, in parallel: a
// build that writes its files on one goroutine (a small site) still makes
// a photograph's widths on every core. A Set keeps no bytes it has handed out: those
// made with another Output wait in the cache (without one, in the Output
// until asked for), so memory grows with the images being made, not with
// the images of the site. A source that cannot be decoded fails each of
// its Outputs with the same error, decoded once.
func (s *Set) Bytes(o *Output) ([]byte, error) {
	if o.Spec.Op == 0 {
		return s.sourceBytes(o.Source) // an SVG or a GIF, as it is
	}
	src := o.Source
	src.mu.Lock()
	defer src.mu.Unlock()
	if data, err, ok := o.take(); ok {
		return data, err
	}
	if data, ok := s.cached(o); ok {
		return data, nil
	}
	return s.makeAll(o)
}

// take returns, once, the bytes or the error o was made with alongside
// another Output of its source; an error stays. Called with the source's
// lock held.
func (o *Output) take() ([]byte, error, bool) {
	if o.err != nil {
		return nil, o.err, true
	}
	data := o.made
	o.made = nil
	return data, nil, data != nil
}

// makeAll decodes o's source once and makes o and every Output of the
// source not yet made and not in the cache; o's bytes are returned, the
// others' put in the cache, or kept in them when there is none. Called
// with the source's lock held.
func (s *Set) makeAll(o *Output) ([]byte, error) {
	todo := []*Output{o}
	for _, other := range s.sourceOutputs(o.Source) {
		if other != o && other.made == nil && other.err == nil {
			if !s.inCache(other) {
				todo = append(todo, other)
			}
		}
	}
	data, err := s.makeEach(o.Source, todo)
	if err != nil {
		for _, t := range todo {
			t.err = err
		}
		return nil, err
	}
	return data, nil
}

// makeEach makes the Outputs todo of src from one decoding, each scaled
// and encoded on a token of its own, in parallel, and returns the bytes of
// the first. Memory: one decoded source per caller (at most one per write
// worker) and one scaling per token.
func (s *Set) makeEach(src *Source, todo []*Output) ([]byte, error) {
	data, err := s.sourceBytes(src)
	if err != nil {
		return nil, err
	}
	for _, t := range todo {
		if t.Spec.Format == imaging.WebP {
			s.warm.Do(func() { go imaging.WarmUpWebP() })
		}
	}
	s.sem <- struct{}{}
	img, _, err := imaging.Decode(data, s.opts.MaxPixels)
	<-s.sem
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src.Loc.Path, err)
	}
	sc := imaging.NewScaler(img) // the widths share its halvings
	made := make([][]byte, len(todo))
	var g errgroup.Group
	for i, t := range todo {
		g.Go(func() error {
			s.sem <- struct{}{}
			defer func() { <-s.sem }()
			var buf bytes.Buffer
			if err := imaging.Encode(&buf, sc.Process(t.Spec), t.Spec.Format, t.Spec.Quality); err != nil {
				return fmt.Errorf("%s: %w", src.Loc.Path, err)
			}
			made[i] = buf.Bytes()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	for i, t := range todo {
		s.processed.Add(1)
		c := s.opts.Cache
		stored := c != nil && c.Put(cacheKind, c.Key(cacheKind, t.Key[:]), made[i]) == nil // one that cannot be written costs memory, not output
		if i > 0 && !stored {
			t.made = made[i]
		}
	}
	return made[0], nil
}

// cached returns o's bytes from the persistent cache.
func (s *Set) cached(o *Output) ([]byte, bool) {
	c := s.opts.Cache
	if c == nil {
		return nil, false
	}
	return c.Get(cacheKind, c.Key(cacheKind, o.Key[:]))
}

// inCache reports whether the persistent cache has an entry for o, unread
// (a damaged one is found when o is asked for, and o made again then).
func (s *Set) inCache(o *Output) bool {
	c := s.opts.Cache
	return c != nil && c.Has(cacheKind, c.Key(cacheKind, o.Key[:]))
}
