package site

import (
	"context"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/jsonld"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/pagesource"
)

// This file makes the model of a build from the sources (makeModel) and
// keeps it for the next (siteModel): which pages are published, their
// digests, the files made from every page's body, and what tells whether
// the model is still valid when time passes.

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
	site, pages := made.Site, made.Pages
	problems = append(problems, errs...)
	// The references of pages with errors of their own are checked too,
	// so that one run reports every mistake.
	problems = append(problems, model.CheckReferences(b.opts.publishing(now).Published(all), pages, broken)...)
	problems = append(problems, images.SetPageImages(pages, pub, b.assets, b.links, locate)...)
	cards, errs := b.socialCards(pages, srcPages(pub), locate)
	problems = append(problems, errs...)
	files, errs := generate.Files(b.cfg, made, pub, b.links, locate, b.opts.sitemapLimit)
	problems = append(problems, errs...)
	files = append(files, cards...)
	slices.SortFunc(files, func(a, b generate.File) int { return strings.Compare(a.Name, b.Name) })
	warnings := b.pageWarnings(pub, now)

	m := &siteModel{site: site, sites: made.Sites, pages: pages, files: files, pub: pub, srcs: srcs, images: images.HasPageImages(pub), paged: paged,
		published: map[string]bool{}, byFile: map[string][]*model.Page{}, now: now, timeSensitive: content.TimeSensitive(all, now)}
	for _, p := range pages {
		if p.Job != nil {
			m.jobs = append(m.jobs, p)
		}
	}
	for _, p := range pub {
		m.published[p.Path] = true
	}
	for _, p := range pages {
		if p.File != "" {
			m.byFile[p.File] = append(m.byFile[p.File], p)
		}
	}
	problems = append(problems, b.resources.Attach(b.cfg, m.pages, m.published)...)
	if len(problems) > 0 {
		return madeModel{problems: problems, warnings: warnings}, nil
	}
	m.pd = b.digestPages(ctx, m, pages)
	if !b.deferring {
		var err error
		if m.files, err = b.withBodyFiles(m); err != nil {
			return madeModel{}, err
		}
	}
	return madeModel{m: m, warnings: warnings}, nil
}

// madeModel is what makeModel made: the model, or the problems of the
// user's files that kept it from being made; the warnings either way.
type madeModel struct {
	m        *siteModel
	problems []error
	warnings []error
}

// withBodyFiles returns the generated files of m with those of bodyFiles
// made anew, which are made only when the fields of some page changed
// since they were last made: in this process, or by a build that filled
// the persistent cache.
func (b *Builder) withBodyFiles(m *siteModel) ([]generate.File, error) {
	h := deps.NewHasher().Digest(b.version).Digest(b.cfgDigest).Digest(b.stringsDigest).Str("body files") // the strings: the kinds' labels
	for _, p := range m.pages {
		// Besides the page's fields, what decides whether the index
		// holds it (generate.InSearch): its layout and its hidden_from;
		// and which index, under which rules: its language's folder
		// and options (searchindex.Files).
		h.Digest(m.pd[p].Self()).Str(model.Layout(p)).Str(model.SitePath(p)).Bool(generate.InSearch(p))
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
		if made, err = bodyFiles(m.pages, b.searchAnalyses(), b.words); err != nil {
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
	files := slices.DeleteFunc(slices.Clone(m.files), func(g generate.File) bool { return g.FromBodies })
	files = append(files, made...)
	slices.SortFunc(files, func(a, b generate.File) int { return strings.Compare(a.Name, b.Name) })
	return files, nil
}

// siteModel is the model of one build, kept for the next.
type siteModel struct {
	site          *model.Site
	sites         []*model.Site // every language's, site among them
	pages         []*model.Page
	files         []generate.File
	pub           []*content.Page               // the published sources, by path
	srcs          map[string]*pagesource.Source // the sources it was made from (every file that parsed)
	published     map[string]bool               // the paths of pub
	now           time.Time                     // the moment it was made for
	timeSensitive []*content.Page               // the sources whose publishing may change with time (stillValid)
	jobs          []*model.Page                 // the job pages, whose postings open and close with time
	byFile        map[string][]*model.Page      // the pages made from each source: a page, or a list page and its pagers
	images        bool                          // some page has image:, whose width and height come from assets/ (internal/images, page.go)
	paged         map[*model.Page]bool          // the list pages, and whether their template cut them into pagers (paginate.go)

	pd        map[*model.Page]*deps.PageDigests
	items     []*item // the outputs, as last planned
	forgotten bool    // forgetPlanning let go of what planning needs: no other build is planned from it

	readers    deps.Readers                // which outputs read what of which page
	needLD     bool                        // some template reads the structured data of other pages
	structured *jsonld.Pages               // the structured data of the write under way
	refs       map[*model.Page]*links.Page // the links of each page, resolved (write.go)
}

// forgetPlanning lets go of what only planning needs, for a Builder that
// builds once, once every output has its key: it plans no other build.
// Writing needs the digests of the pages in feeds (makeFile), not the
// others', nor the indexes of the pages by source. At 100,000 pages
// they are 100 MB, which the collector would mark again and again while
// the pages are written.
func (m *siteModel) forgetPlanning() {
	keep := map[*model.Page]*deps.PageDigests{}
	for _, f := range m.files {
		if f.Feed != nil {
			for _, p := range model.FeedEntries(f.Feed) {
				keep[p] = m.pd[p]
			}
		}
	}
	m.pd, m.byFile, m.srcs, m.published, m.paged = keep, nil, nil, nil, nil
	m.forgotten = true
}

// stillValid reports whether the model is still what the sources make at
// now, but for the sources that changed since: the same pages are
// published (none became due or expired) and no job posting opened or
// closed.
func (m *siteModel) stillValid(b *Builder, now time.Time) bool {
	if now.Before(m.now) {
		return false // the clock went back: start again
	}
	rules := b.opts.publishing(now)
	for _, src := range m.timeSensitive {
		if rules.Publishes(src) != m.published[src.Path] {
			return false
		}
	}
	for _, p := range m.jobs {
		if p.Job.PostingOpen(now) != p.PostingOpen || p.Job.PostingClosed(now) != p.PostingClosed {
			return false
		}
	}
	return true
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
