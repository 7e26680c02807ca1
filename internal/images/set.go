package images

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/filestamp"
	"github.com/careersite/careersite/internal/imaging"
)

// Options are what a Set is made with: site.yaml's images and limits, the
// Resolver, how a published file's URL is written and the cache.
type Options struct {
	Widths    []int // images.widths
	Quality   int   // images.quality
	MaxBytes  int64 // limits.image
	MaxPixels int64 // limits.image_pixels

	// Resolve finds the images refs name. A root-relative ref ("/img/x.png")
	// must name the same image on every page, as Assets finds it, until
	// the Set is Reset: the Set keeps where it was found (Lookup).
	Resolve Resolver
	URL     func(sitePath string) string // root-relative URL of a site path, base path included (model.Linker.Rel)
	Cache   *cache.Cache                 // nil: none
	Stamps  *filestamp.Stamps            // what sources held, by their stamps; nil: none
}

// A Set is the images of a site, build after build: the sources read in
// the build under way and every Output named so far. It is safe for
// concurrent use.
type Set struct {
	opts Options
	sem  chan struct{} // one token per core: decoding and encoding
	warm sync.Once     // the WebP encoder's warm-up was started

	mu      sync.Mutex
	sources map[sourceKey]*sourceEntry // for the build under way
	rooted  map[string]Location        // where root-relative refs were found in the build under way
	outputs map[string]*Output         // by name

	processed atomic.Int64 // Outputs made, not found in the cache
	reads     atomic.Int64 // sources read from their files, not known by their stamps
}

// New returns a Set with opts.
func New(opts Options) *Set {
	return &Set{opts: opts, sem: make(chan struct{}, runtime.GOMAXPROCS(0)),
		sources: map[sourceKey]*sourceEntry{}, rooted: map[string]Location{}, outputs: map[string]*Output{}}
}

// Reset forgets the sources read and where root-relative refs were
// found, as a build must after files changed; the Outputs named stay,
// their sources checked again when made.
func (s *Set) Reset() {
	s.mu.Lock()
	s.sources = map[sourceKey]*sourceEntry{}
	s.rooted = map[string]Location{}
	s.mu.Unlock()
}

// Forget forgets the sources read from the files paths ("content/x/team.jpg"),
// which changed: a page resource, read again when next used.
func (s *Set) Forget(paths ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.sources {
		if slices.Contains(paths, k.path) {
			delete(s.sources, k)
		}
	}
}

// sourceKey is what a Set keeps a source by: its Location's Path and Dir.
type sourceKey struct{ path, dir string }

// Stats are how many Outputs were made (not found in the cache) and how
// many sources were read from their files (not known by their stamps)
// since the Set was made: a warm build makes none and reads none.
type Stats struct{ Processed, Read int64 }

// Stats returns how many Outputs were made and sources read.
func (s *Set) Stats() Stats { return Stats{Processed: s.processed.Load(), Read: s.reads.Load()} }

// A Source is an image file as a build read it.
type Source struct {
	Loc  Location
	Sum  [sha256.Size]byte
	Info imaging.Info

	mu sync.Mutex // held while its Outputs are made (make.go)
}

type sourceEntry struct {
	once sync.Once
	src  *Source
	err  error
}

// Source reads the image at loc, once per build, within the limits; see
// the package comment.
func (s *Set) Source(loc Location) (*Source, error) {
	// By the folder too: a bundle's page whose URL changed publishes
	// the same file in another folder.
	key := sourceKey{loc.Path, loc.Dir}
	s.mu.Lock()
	e := s.sources[key]
	if e == nil {
		e = &sourceEntry{}
		s.sources[key] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.src, e.err = s.read(loc) })
	return e.src, e.err
}

// Lookup resolves ref in page and reads the image.
func (s *Set) Lookup(page, ref string) (*Source, error) {
	loc, err := s.resolve(page, ref)
	if err != nil {
		return nil, err
	}
	return s.Source(loc)
}

// resolve is opts.Resolve, asked once for a root-relative ref found on
// any page: the figure shortcode of every page of a site may show the
// same "/img/chart.svg", which Assets finds with an fs.Stat of each
// folder it looks in.
func (s *Set) resolve(page, ref string) (Location, error) {
	if !strings.HasPrefix(ref, "/") {
		return s.opts.Resolve(page, ref)
	}
	s.mu.Lock()
	loc, ok := s.rooted[ref]
	s.mu.Unlock()
	if ok {
		return loc, nil
	}
	loc, err := s.opts.Resolve(page, ref)
	if err == nil {
		s.mu.Lock()
		s.rooted[ref] = loc
		s.mu.Unlock()
	}
	return loc, err
}

// read reads the source at loc: its digest and header, from
// opts.Stamps when the file's stamp is one they know (a build with
// nothing changed reads no photograph), else from its bytes, kept there
// for the next build. The limits are checked either way: site.yaml may
// have changed since.
func (s *Set) read(loc Location) (*Source, error) {
	st := s.opts.Stamps.Stamp(stampKind, loc.FS, loc.Path)
	src, ok := s.stamped(loc, st)
	if !ok {
		s.reads.Add(1)
		data, err := s.readFile(loc)
		if err != nil {
			return nil, err
		}
		info, err := imaging.DecodeInfo(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", loc.Path, err)
		}
		src = &Source{Loc: loc, Sum: sha256.Sum256(data), Info: info}
		s.opts.Stamps.Put(st, encodeSource(src))
	} else if err := s.checkSize(loc, st.Size()); err != nil {
		return nil, err
	}
	if err := imaging.CheckName(loc.Path, src.Info.Format); err != nil {
		return nil, fmt.Errorf("%s: %w", loc.Path, err)
	}
	if src.Info.Format != imaging.SVG && src.Info.Pixels() > s.opts.MaxPixels {
		return nil, fmt.Errorf("%s: %w", loc.Path, &imaging.PixelsError{Width: src.Info.Width, Height: src.Info.Height, Max: s.opts.MaxPixels})
	}
	return src, nil
}

// stampKind is the kind of the sources' digests and headers in Stamps.
const stampKind = "image source"

// stamped returns the source at loc as the file was when it had the
// stamp st, if Stamps kept it.
func (s *Set) stamped(loc Location, st filestamp.Stamp) (*Source, bool) {
	v, ok := s.opts.Stamps.Get(st)
	if !ok {
		return nil, false
	}
	d := cache.NewDecoder(v)
	src := &Source{Loc: loc, Sum: d.Digest()}
	src.Info.Format = imaging.Format(d.Bytes())
	src.Info.Width, src.Info.Height, src.Info.Orientation = d.Int(), d.Int(), d.Int()
	if d.End() != nil {
		return nil, false
	}
	return src, true
}

// encodeSource is what stamped reads back.
func encodeSource(src *Source) []byte {
	var e cache.Encoder
	e.Digest(src.Sum)
	e.String(string(src.Info.Format))
	e.Int(src.Info.Width)
	e.Int(src.Info.Height)
	e.Int(src.Info.Orientation)
	return e.Encoded()
}

// readFile reads the file at loc, refusing from its size one over
// limits.image.
func (s *Set) readFile(loc Location) ([]byte, error) {
	info, err := fs.Stat(loc.FS, loc.Path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a file", loc.Path)
	}
	if err := s.checkSize(loc, info.Size()); err != nil {
		return nil, err
	}
	data, err := fs.ReadFile(loc.FS, loc.Path)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > s.opts.MaxBytes { // it grew since
		return nil, fmt.Errorf("%s is more than limits.image (%s)", loc.Path, sizeText(s.opts.MaxBytes))
	}
	return data, nil
}

// checkSize refuses a file of size bytes over limits.image.
func (s *Set) checkSize(loc Location, size int64) error {
	if size > s.opts.MaxBytes {
		return fmt.Errorf("%s is %s, more than limits.image (%s)", loc.Path, sizeText(size), sizeText(s.opts.MaxBytes))
	}
	return nil
}

// An Output is one file made from a source: the source processed by a
// resolved spec, or, for an SVG or a GIF (Spec.Op 0), the source as it is.
type Output struct {
	Name          string // site path: "img/team.800w.1f3a5c7e9b2d4f60.webp"
	Key           imaging.Key
	Spec          imaging.Spec
	Width, Height int
	Source        *Source

	// Guarded by Source.mu (make.go):
	made []byte // made with another Output of its source, not yet asked for
	err  error  // its source could not be decoded
}

// output returns the Output of src by the resolved spec sp (Op 0: the
// source as it is), naming it the first time.
func (s *Set) output(src *Source, sp imaging.Spec) *Output {
	k := imaging.KeyOf(src.Sum, sp)
	w, h := src.Info.Width, src.Info.Height
	f := src.Info.Format
	width := 0
	if sp.Op != 0 {
		w, h = sp.Size(w, h)
		f, width = sp.Format, w
	}
	name := src.Loc.Dir + imaging.OutputName(src.Loc.Path, width, f, k)
	s.mu.Lock()
	defer s.mu.Unlock()
	if o := s.outputs[name]; o != nil && o.Key == k {
		return o
	}
	o := &Output{Name: name, Key: k, Spec: sp, Width: w, Height: h, Source: src}
	s.outputs[name] = o
	return o
}

// Output returns the Output named name, nil when none was named.
func (s *Set) Output(name string) *Output {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.outputs[name]
}

// URL is the root-relative URL of o, base path included.
func (s *Set) URL(o *Output) string { return s.opts.URL(o.Name) }

// sourceOutputs are the Outputs named of src still to make, by name.
func (s *Set) sourceOutputs(src *Source) []*Output {
	s.mu.Lock()
	defer s.mu.Unlock()
	var outs []*Output
	for _, o := range s.outputs {
		if o.Source == src && o.Spec.Op != 0 {
			outs = append(outs, o)
		}
	}
	sort.Slice(outs, func(i, j int) bool { return outs[i].Name < outs[j].Name })
	return outs
}

// errChanged is the error for a source whose bytes are not the ones read
// when its Outputs were named.
var errChanged = errors.New("the file changed while the site was built; build again")

// sourceBytes reads src's file again, as it was when read.
func (s *Set) sourceBytes(src *Source) ([]byte, error) {
	data, err := s.readFile(src.Loc)
	if err != nil {
		return nil, err
	}
	if sha256.Sum256(data) != src.Sum {
		return nil, fmt.Errorf("%s: %w", src.Loc.Path, errChanged)
	}
	return data, nil
}

// sizeText is n bytes in the largest binary unit it fills: "20.0 MiB",
// "1.5 KiB", "900 bytes".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
