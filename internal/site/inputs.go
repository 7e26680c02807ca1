package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/pagesource"
	"github.com/careersite/careersite/internal/render"
)

// readConfig reads site.yaml when it changed. It reports whether the
// configuration is new; everything made from the old one is then dropped.
func (b *Builder) readConfig() (bool, error) {
	raw, err := fs.ReadFile(b.fsys, config.Name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	d := deps.NewHasher().Bytes(raw).Bool(err == nil).Str(b.opts.BaseURL).Bool(
		b.opts.Drafts).Bool(
		b.opts.Future).Bool(
		b.opts.Expired).
		Int(
			int64(b.opts.sitemapLimit)).Sum()

	if b.cfg != nil && d == b.cfgDigest {
		return false, nil
	}
	b.cfg, b.cfgDigest = nil, d
	cfg, err := config.Load(b.fsys)
	if err != nil {
		return true, err
	}
	if b.opts.BaseURL != "" {
		if err := cfg.SetBaseURL(b.opts.BaseURL); err != nil {
			return true, fmt.Errorf("--base-url: %w", err)
		}
	}
	links, err := model.NewLinker(cfg.BaseURL)
	if err != nil {
		return true, err
	}
	b.cfg, b.links = cfg, links
	b.images = images.New(images.Options{
		Widths: cfg.Images.Widths, Quality: cfg.Images.Quality,
		MaxBytes: int64(cfg.Limits.Image), MaxPixels: cfg.Limits.ImagePixels,
		Resolve: b.imageResolver(), URL: links.Rel, Cache: b.cache, Stamps: b.stamps,
	})
	b.conv.SetImages(b.images)
	b.funcs.SetImages(b.images)
	b.conv.Configure(cfg, b.cfgDigest, links)
	b.funcs.SetConverter(b.conv.Markdown())
	return true, nil
}

// readContent brings the sources up to date: every content file when all
// is set, else the files among changed. It returns the paths whose bytes
// changed (added, edited or removed).
func (b *Builder) readContent(ctx context.Context, all bool, changed []string, now time.Time) ([]string, error) {
	var paths []string
	var tree *content.Tree // content/ walked once, for the pages, the resources and the links left out
	if all {
		var err error
		if tree, err = content.Walk(b.fsys); err != nil {
			return nil, err
		}
		b.linkWarnings = linkWarnings(tree.LinkWarnings)
		paths = withGone(tree.Pages, maps.Keys(b.sources))
	} else {
		paths = ofKind(changed, content.IsFile)
	}
	r, packed := b.pageReader(all)
	read := make([]*pagesource.Source, len(paths))
	gone := make([]bool, len(paths))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	var done atomic.Int64
	for i, p := range paths {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			old := b.sources[p]
			read[i], gone[i] = r.Read(p, old)
			if s := read[i]; s != nil && s != old && s.Page != nil {
				b.convertOnRead(s, now)
			}
			if b.life.convertsOnRead() && b.opts.Progress != nil {
				b.opts.Progress("converting Markdown", int(done.Add(1)), len(paths))
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if used := r.Close(); packed {
		b.stats.packedPages = used
	}
	var diff []string
	for i, p := range paths {
		old := b.sources[p]
		switch {
		case gone[i] && old != nil:
			delete(b.sources, p)
		case gone[i]:
			continue
		case old != nil && old.Sum == read[i].Sum:
			continue
		default:
			b.sources[p] = read[i]
		}
		diff = append(diff, p)
	}
	// The resources after the pages: which files a bundle owns depends
	// on the pages there are.
	resources, err := b.resources.Read(ctx, b.cfg, tree, changed)
	b.images.Forget(resources...) // read again by the images that show them
	return append(diff, resources...), err
}

// convertOnRead converts the body of src as it is read, for a Builder
// that converts on read (lifetime.go), when its page is published at now.
// A body with shortcode tags waits for the templates and the other pages
// (makeModel converts it), and one with images for the render hook; a
// page that holds its body lazily has neither (internal/pagesource).
func (b *Builder) convertOnRead(src *pagesource.Source, now time.Time) {
	if b.life.convertsOnRead() && !src.Page.Invalid && b.opts.publishing(now).Publishes(src.Page) && pagesource.PlainBody(src.Page.Body) {
		b.keepConversion(src, b.conv.Convert(src.Input()))
	}
}

// reparseAll parses every source again, as a new configuration asks.
func (b *Builder) reparseAll(ctx context.Context, now time.Time) error {
	old := b.sources
	b.sources = map[string]*pagesource.Source{}
	_, err := b.readContent(ctx, true, nil, now)
	for p, s := range old {
		if n := b.sources[p]; n != nil && n.Sum == s.Sum {
			n.Conv = s.Conv // a body converts the same unless the Markdown options changed; keyed below
		}
	}
	return err
}

// readLayouts parses the templates again and analyses them.
func (b *Builder) readLayouts() error {
	b.renderer, b.templates = nil, nil
	b.conv.SetTemplates(nil)
	r, err := render.New(b.fsys, b.opts.Theme, b.funcs.Map())
	if err != nil {
		return err
	}
	b.renderer = r
	b.templates = deps.NewTemplates(r)
	b.conv.SetTemplates(r)
	return b.readStrings() // strings.go
}

// readAssets loads the assets again.
func (b *Builder) readAssets(ctx context.Context) error {
	as, err := assets.Load(ctx, b.fsys, b.opts.Theme, b.links.Rel, b.minifier)
	b.assets = as
	b.images.Reset() // images are read from assets/ again
	h := deps.NewHasher()
	for _, name := range as.Names() {
		a := as.File(name)
		h.Str(name).Str(a.Out).Str(a.Asset.URL).Str(a.Asset.Integrity)
	}
	b.assetDigest = h.Sum()
	b.conv.SetAssets(b.assetDigest)
	b.funcs.SetSite(b.links, as)
	return err
}

// isLayout and isAsset say which part of a site a changed path is in.
func isLayout(p string) bool { return strings.HasPrefix(p, "layouts/") || p == "layouts" }
func isAsset(p string) bool  { return strings.HasPrefix(p, "assets/") || p == "assets" }

// withGone returns files, sorted, with every path of known that is not
// among them: a full read reads each file there is and forgets each one
// that went.
func withGone(files []string, known iter.Seq[string]) []string {
	paths := slices.Clone(files)
	for p := range known {
		if _, found := slices.BinarySearch(files, p); !found {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}

// ofKind returns the paths of changed that is reports true of, sorted,
// each once.
func ofKind(changed []string, is func(string) bool) []string {
	var paths []string
	for _, p := range changed {
		if is(p) {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return slices.Compact(paths)
}
