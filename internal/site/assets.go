package site

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
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/output"
)

// syntaxCSS is the generated stylesheet for highlighted code; a site or
// theme file at the same path replaces it.
const syntaxCSS = "css/syntax.css"

// assets are the files published from assets/: the theme's, then the site's
// over them by path, plus the generated syntax stylesheet. CSS and
// JavaScript are minified and published under a fingerprinted name
// ("css/site.3f2a9c1e.css", see output.Fingerprint), so that a host can let
// browsers cache them for ever and a changed file gets a new URL; every
// other file is published as it is, under its own name.
type assets struct {
	files map[string]*asset // by path below assets/: "css/site.css"
}

type asset struct {
	out  string // output file name: "css/site.3f2a9c1e.css"
	data []byte // the published bytes
	ref  Asset
}

// Asset is what the template function asset returns.
type Asset struct {
	URL       string // root-relative URL of the published file, with the base path
	Integrity string // Subresource Integrity value of the published bytes: "sha384-…"
}

// loadAssets reads the assets and prepares them for publishing, minifying
// in parallel. A CSS or JavaScript file that cannot be parsed is an error at
// its line and column; the other assets are still returned.
func loadAssets(ctx context.Context, site, theme fs.FS, links *model.Linker, min *output.Minifier) (*assets, error) {
	raw := map[string][]byte{syntaxCSS: markdown.Stylesheet()}
	for _, fsys := range []fs.FS{theme, site} {
		if fsys == nil {
			continue
		}
		if err := readAssets(fsys, raw); err != nil {
			return &assets{files: map[string]*asset{}}, err
		}
	}
	names := slices.Sorted(maps.Keys(raw))
	files := make([]*asset, len(names))
	errs := make([]error, len(names))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, name := range names {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			files[i], errs[i] = publish(name, raw[name], links, min)
			return nil
		})
	}
	as := &assets{files: map[string]*asset{}}
	if err := g.Wait(); err != nil {
		return as, err
	}
	for i, name := range names {
		if files[i] != nil {
			as.files[name] = files[i]
		}
	}
	return as, errors.Join(errs...)
}

// readAssets adds the files under assets/ in fsys to raw, by path below
// assets/, replacing those already there.
func readAssets(fsys fs.FS, raw map[string][]byte) error {
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
func publish(name string, data []byte, links *model.Linker, min *output.Minifier) (*asset, error) {
	out := name
	if output.Minifiable(name) {
		var err error
		if data, err = min.Asset(name, data); err != nil {
			return nil, diag.Wrap("assets/"+name, 0, 0, "", err) // "assets/x.js:3:9: unexpected …"
		}
		out = output.Fingerprint(name, data)
	}
	sum := sha512.Sum384(data)
	return &asset{out: out, data: data, ref: Asset{
		URL:       links.Rel("/" + out),
		Integrity: "sha384-" + base64.StdEncoding.EncodeToString(sum[:]),
	}}, nil
}

// lookup is the template function asset: {{ with asset "css/site.css" }}.
func (as *assets) lookup(name string) (Asset, error) {
	a, ok := as.files[path.Clean(name)]
	if !ok {
		return Asset{}, fmt.Errorf("asset %q not found in assets/", name)
	}
	return a.ref, nil
}
