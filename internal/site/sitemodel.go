package site

import (
	"context"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/pagesource"
)

// This file makes the model of a build from the sources (makeModel), to
// be kept for the next (internal/keptmodel), with the files made from
// every page's body.

// makeModel loads the model from the sources: the steps of load in the
// package comment, with every file read, parsed and converted only when it
// changed.
func (b *Builder) makeModel(ctx context.Context, now time.Time) (madeModel, error) {
	var problems []error
	paths := slices.Sorted(maps.Keys(b.sources))
	var all []*content.Page
	srcs := map[string]*pagesource.Source{}
	for _, p := range paths {
		s := b.sources[p]
		problems = append(problems, diag.Leaves(s.Err)...)
		if s.Page != nil {
			all = append(all, s.Page)
			srcs[p] = s
		}
	}
	validPages, broken := content.Valid(all)
	pub := b.opts.publishing(now).Published(validPages)
	pubSrcs := make([]*pagesource.Source, len(pub))
	for i, p := range pub {
		pubSrcs[i] = srcs[p.Path]
	}
	b.conv.SetPages(inputs(pubSrcs), now)
	if err := b.convert(ctx, pubSrcs); err != nil {
		return madeModel{}, err
	}
	bodies := make([]model.Body, len(pub))
	for i, s := range pubSrcs {
		bodies[i] = s.Conv.Body()
		problems = append(problems, s.Conv.Problems()...)
	}
	locate := content.NewLocator(b.fsys)
	problems = append(problems, checkFrontMatter(b.cfg, pub, locate)...)
	paged := map[*model.Page]bool{}
	made, errs := model.Index(b.cfg, b.links, pub, bodies, b.recordingPaginates(paged), b.words, now)
	for _, s := range made.Sites {
		s.Data = b.data
	}
	pages := made.Pages
	problems = append(problems, errs...)
	// The references of pages with errors of their own are checked too,
	// so that one run reports every mistake.
	problems = append(problems, model.CheckReferences(b.opts.publishing(now).Published(all), pages, broken)...)
	problems = append(problems, images.SetPageImages(pages, pub, b.assets, b.links, locate)...)
	cards, errs := b.cardMaker().Files(pages, srcPages(pub), locate)
	problems = append(problems, errs...)
	files, errs := generate.Files(b.cfg, made, pub, b.links, locate, b.opts.sitemapLimit)
	problems = append(problems, errs...)
	files = append(files, cards...)
	warnings := b.pageWarnings(pub, now)

	m := keptmodel.New(keptmodel.Made{Config: b.cfg, Links: b.links, SitemapLimit: b.opts.sitemapLimit,
		Model: made, Files: files, Pub: pub, Srcs: srcs, All: all, Paged: paged, Now: now})
	problems = append(problems, b.resources.Attach(b.cfg, m.Pages, m.Published)...)
	if len(problems) > 0 {
		return madeModel{problems: problems, warnings: warnings}, nil
	}
	m.Digests = b.digests.Pages(pages)
	if !b.deferring {
		var err error
		if m.Files, err = b.withBodyFiles(m); err != nil {
			return madeModel{}, err
		}
	}
	return madeModel{m: m, warnings: warnings}, nil
}

// madeModel is what makeModel made: the model, or the problems of the
// user's files that kept it from being made; the warnings either way.
type madeModel struct {
	m        *keptmodel.Model
	problems []error
	warnings []error
}

// withBodyFiles returns the generated files of m with those of bodyFiles
// made anew, which are made only when the fields of some page changed
// since they were last made: in this process, or by a build that filled
// the persistent cache.
func (b *Builder) withBodyFiles(m *keptmodel.Model) ([]generate.File, error) {
	h := deps.NewHasher().Digest(b.version).Digest(b.cfgDigest).Digest(b.stringsDigest).Str("body files") // the strings: the kinds' labels
	for _, p := range m.Pages {
		// Besides the page's fields, what decides whether the index
		// holds it (generate.InSearch): its layout and its hidden_from;
		// and which index, under which rules: its language's folder
		// and options (searchindex.Files).
		h.Digest(m.Digests[p].Self()).Str(model.Layout(p)).Str(model.SitePath(p)).Bool(generate.InSearch(p))
		h.Str(generate.SearchDirOf(p.Site)).Bool(generate.SearchPlain(p.Site))
	}
	key := h.Sum()
	made, ok := b.bodyMemo.Get(key)
	if !ok && b.cache != nil {
		if data, hit := b.cache.Get("bodyfiles", b.cacheKey(key)); hit {
			made, ok = generate.DecodeFiles(data)
		}
	}
	if !ok {
		var err error
		if made, err = bodyFiles(m.Pages, b.searchAnalyses(), b.words); err != nil {
			return nil, err
		}
	}
	// Spilled before they are encoded for the cache, so that their bytes
	// are not in memory twice.
	for i := range made {
		if err := b.spill.spillFile(&made[i]); err != nil {
			return nil, err
		}
	}
	if !ok && b.cache != nil {
		// A spill that cannot be read leaves the entry out here, and fails
		// the build when the files are written.
		b.cache.PutStream("bodyfiles", b.cacheKey(key), func(w io.Writer) error { return generate.EncodeFiles(w, made) })
	}
	b.bodyMemo.Put(key, made)
	files := slices.DeleteFunc(slices.Clone(m.Files), func(g generate.File) bool { return g.FromBodies })
	files = append(files, made...)
	slices.SortFunc(files, func(a, b generate.File) int { return strings.Compare(a.Name, b.Name) })
	return files, nil
}

// srcPages are sources by path.
func srcPages(sources []*content.Page) map[string]*content.Page {
	m := make(map[string]*content.Page, len(sources))
	for _, src := range sources {
		m[src.Path] = src
	}
	return m
}

// checkFrontMatter reports the front-matter values that the site model
// cannot use: aliases that are not root-relative paths, taxonomy values
// that make no URL.
func checkFrontMatter(cfg *config.Config, sources []*content.Page, locate content.Locator) []error {
	var errs []error
	for _, src := range sources {
		errs = append(errs, generate.CheckAliases(src, locate)...)
		errs = append(errs, model.CheckTerms(cfg, src, locate)...)
	}
	return errs
}
