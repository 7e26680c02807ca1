// Package assets is the files a site publishes from assets/: which files,
// the names they are published under, and what templates see of them.
//
// # Which files
//
// [Load] reads every file under assets/ of the theme, then of the site: a
// site's file replaces the theme's at the same path below assets/. The
// generated stylesheet for highlighted code ([SyntaxCSS],
// markdown.Stylesheet) comes first, so that a theme or site file at that
// path replaces it. A site or theme without assets/ has none of its own.
//
// # Names
//
// A file is known by its path below assets/, slash-separated:
// "css/site.css". CSS and JavaScript files are minified
// (output.Minifier.Asset) and published under a fingerprinted name,
// "css/site.3f2a9c1e.css" (output.Fingerprint), so that a host can let
// browsers cache them for ever and a changed file gets a new URL; every
// other file is published as it is, under its own name. A CSS or
// JavaScript file that cannot be parsed is an error at its line and column
// ("assets/js/x.js:2:9: unexpected …", a *diag.Error); the other files are
// still returned. The files are prepared in parallel on
// runtime.GOMAXPROCS goroutines, and the result does not depend on their
// order.
//
// # What templates see
//
// The template function asset is [Set.Lookup]: {{ with asset
// "css/site.css" }}<link rel="stylesheet" href="{{ .URL }}"
// integrity="{{ .Integrity }}">{{ end }}. An [Asset] holds the root-relative
// URL of the published file, with the site's base path, and the
// Subresource Integrity value of its published bytes. A name that is not
// an asset is an error of the template that asked.
//
// # What the build sees
//
// [Set.Names] lists the files, [Set.File] gives one's published name and
// bytes ([File]); the build writes each to its output, checks that no
// other output claims the same name, and keys each by its bytes.
package assets

import (
	"context"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/output"
)

// SyntaxCSS is the generated stylesheet for highlighted code; a site or
// theme file at the same path replaces it.
const SyntaxCSS = "css/syntax.css"

// A Set is the files published from assets/, by their path below it.
type Set struct {
	files map[string]*File // by path below assets/: "css/site.css"
	names []string         // the keys of files, sorted
}

// A File is one published asset.
type File struct {
	Out   string // output file name: "css/site.3f2a9c1e.css"
	Data  []byte // the published bytes
	Asset Asset  // what templates see of it
}

// Asset is what the template function asset returns.
type Asset struct {
	URL       string // root-relative URL of the published file, with the base path
	Integrity string // Subresource Integrity value of the published bytes: "sha384-…"
}

// Load reads the assets of theme, then of site (either may be nil), and
// prepares them for publishing, minifying in parallel; rel turns a path
// below the site's root ("/css/site.3f2a9c1e.css") into a root-relative
// URL with the base path (model.Linker.Rel). A CSS or JavaScript file that
// cannot be parsed is an error at its line and column; the other assets
// are still returned. An error reading a folder returns an empty Set.
func Load(ctx context.Context, site, theme fs.FS, rel func(string) string, min *output.Minifier) (*Set, error) {
	raw := map[string][]byte{SyntaxCSS: markdown.Stylesheet()}
	for _, fsys := range []fs.FS{theme, site} {
		if fsys == nil {
			continue
		}
		if err := read(fsys, raw); err != nil {
			return newSet(nil), err
		}
	}
	names := slices.Sorted(maps.Keys(raw))
	files := make([]*File, len(names))
	errs := make([]error, len(names))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, name := range names {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			files[i], errs[i] = publish(name, raw[name], rel, min)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return newSet(nil), err
	}
	as := map[string]*File{}
	for i, name := range names {
		if files[i] != nil {
			as[name] = files[i]
		}
	}
	return newSet(as), errors.Join(errs...)
}

func newSet(files map[string]*File) *Set {
	if files == nil {
		files = map[string]*File{}
	}
	return &Set{files: files, names: slices.Sorted(maps.Keys(files))}
}

// read adds the files under assets/ in fsys to raw, by path below
// assets/, replacing those already there.
func read(fsys fs.FS, raw map[string][]byte) error {
	err := fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		raw[strings.TrimPrefix(p, "assets/")] = data
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// publish minifies and fingerprints the asset name when it is CSS or
// JavaScript, and works out its URL and integrity from the bytes that will
// be published.
func publish(name string, data []byte, rel func(string) string, min *output.Minifier) (*File, error) {
	out := name
	if output.Minifiable(name) {
		var err error
		if data, err = min.Asset(name, data); err != nil {
			return nil, diag.Wrap("assets/"+name, 0, 0, "", err) // "assets/x.js:3:9: unexpected …"
		}
		out = output.Fingerprint(name, data)
	}
	sum := sha512.Sum384(data)
	return &File{Out: out, Data: data, Asset: Asset{
		URL:       rel("/" + out),
		Integrity: "sha384-" + base64.StdEncoding.EncodeToString(sum[:]),
	}}, nil
}

// Names returns the paths below assets/ of the files of s, sorted. The
// slice is shared: do not change it.
func (s *Set) Names() []string { return s.names }

// File returns the file at name, a path below assets/, or nil.
func (s *Set) File(name string) *File { return s.files[name] }

// Lookup is the template function asset: {{ with asset "css/site.css" }}.
func (s *Set) Lookup(name string) (Asset, error) {
	a, ok := s.files[path.Clean(name)]
	if !ok {
		return Asset{}, fmt.Errorf("asset %q not found in assets/", name)
	}
	return a.Asset, nil
}
