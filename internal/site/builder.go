package site

import (
	"context"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/parallel"
	"github.com/careersite/careersite/internal/render"
)

// A Builder builds one site again and again, doing only the work that the
// changes since its last build call for (see the package comment). Build
// and BuildTo must not be called concurrently.
type Builder struct {
	opts    Options
	dest    string
	fsys    fs.FS
	cache   *cache.Cache
	version deps.Digest // of the binary, when there is a persistent cache
	// The conversions of Markdown in the cache, open while a build
	// converts (and, for a Builder that builds once, until it has
	// written), how many it was asked for, how many it had, and how many
	// bodies whose HTML it had were converted again when that HTML could
	// not be read (the last two for tests) (inputs.go).
	shelf       *cache.Shelf
	shelfAsked  atomic.Int64
	shelfFound  atomic.Int64
	reconverted atomic.Int64

	// The inputs as of the last build.
	cfg       *config.Config
	cfgDigest deps.Digest
	links     *model.Linker
	mdOpts    markdown.Options
	mdDigest  deps.Digest // of the version and mdOpts
	converter *markdown.Converter
	// A Builder that builds once (Build) converts each body as soon as
	// its file is read and lets the Markdown go, so that the site's
	// Markdown is never held whole, and keeps HTML beyond a budget out of
	// memory (spill.go). One kept for a session holds everything.
	eager        bool
	spill        *spiller // nil: all HTML in memory
	sources      map[string]*source
	linkWarnings []error // symbolic links under content/ left out, as of the last full read (warnings.go)
	renderer     *render.Renderer
	templates    *deps.Templates // what each page template can read
	assets       *assets
	assetsErr    error
	assetDigest  deps.Digest
	minifier     *output.Minifier
	funcs        *funcState

	// Made from the inputs, kept while they are used.
	career      memo[any, deps.Digest]         // career data by pointer
	jsonld      memo[deps.Digest, jsonldDocs]  // structured data by its inputs' deps.Digest
	entries     memo[deps.Digest, []byte]      // feed entries by their inputs' deps.Digest
	entriesOnce sync.Once                      // the pack of feed entries was read (write.go)
	builds      int                            // calls of Build
	entriesMade atomic.Bool                    // this build made feed entries the pack does not hold
	bodyMemo    memo[deps.Digest, []generated] // bodyFiles by the deps.Digest of every page
	analyses    *analyses                      // the search analyses of pages (analyses.go)
	pagesRead   bool                           // the pack of parsed pages was read (pages.go)
	packedPages int                            // how many of its pages the read used, for tests

	m    *siteModel           // the model of the last good build; nil: make it anew
	outs map[string]*outState // the files of the last commit, by name

	last      Target                 // the target of the last commit
	warned    map[string]*conversion // the conversions with warnings, by source (warnings.go)
	outNames  []string               // the names of outs, sorted
	deferring bool                   // this build leaves the files made from every page to Settle
	pending   *settle                // what Settle has to do
}

// settle is what a build with Options.Defer left to Settle.
type settle struct {
	bodies   bool // the files of bodyFiles must be made again
	now      time.Time
	warnings []error
}

type jsonldDocs struct {
	docs []template.JS
	errs []error
}

// outState is what the Builder remembers of a file it published.
type outState struct {
	key   deps.Digest
	ids   links.IDs    // the ids of an HTML file, for checking links to it
	stamp output.Stamp // for a Dir: the file as written
	body  bool         // made by bodyFiles
}

// New returns a Builder for the site opts describe. Nothing is read until
// the first Build.
func New(opts Options) (*Builder, error) {
	b := &Builder{
		opts:     opts,
		dest:     opts.Destination(),
		sources:  map[string]*source{},
		warned:   map[string]*conversion{},
		minifier: output.NewMinifier(),
		funcs:    &funcState{},
		outs:     map[string]*outState{},
	}
	b.fsys = os.DirFS(opts.Source)
	if opts.CacheDir != "" {
		if err := b.openCache(); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// openCache opens the persistent cache and reads what the last build into
// the destination published. A cache that cannot be opened is not used.
func (b *Builder) openCache() error {
	v, err := cache.Version()
	if err != nil {
		return err
	}
	c, err := cache.Open(b.opts.CacheDir, v)
	if err != nil {
		return err
	}
	b.cache, b.version = c, deps.Digest(v)
	b.outs = b.loadManifest()
	return nil
}

// cacheKey turns a digest that already holds the version into a cache key.
func (b *Builder) cacheKey(d deps.Digest) cache.Key { return cache.Key(d) }

// Build brings the destination folder (Options.Dest) up to date after the
// files changed, paths relative to the site folder ("content/jobs/x.md",
// "site.yaml"); nil means anything may have changed. It writes a new
// folder beside the destination and swaps it in only when the whole build
// succeeded, publishing again by hard link the files whose keys did not
// change and carrying over the paths site.yaml keeps; when no file changed
// at all it leaves the destination as it is.
func (b *Builder) Build(ctx context.Context, changed []string) (*Result, error) {
	b.builds++
	var dir *output.Dir
	res, err := b.build(ctx, changed, func(p *plan) (Target, error) {
		if b.unchanged(p) {
			// Nothing to write; what killed builds left beside the
			// destination is removed all the same.
			return nil, output.Tidy(b.dest)
		}
		var keep []string
		if b.cfg != nil {
			keep = b.cfg.Keep
		}
		opts := []output.Option{output.Keep(keep...)}
		if b.cache != nil {
			// Where the output before last waits for the next build to
			// bring it up to date, instead of starting from an empty
			// folder (output.Spare): at 20,000 files, hard-linking every
			// unchanged file into a new folder and removing the old one
			// is most of a build after a small change, on a disk.
			if spare, err := b.cache.Aside("output"); err == nil {
				opts = append(opts, output.Spare(spare))
			}
		}
		var err error
		dir, err = output.NewDir(b.dest, opts...)
		return dir, err
	})
	if err == nil && b.cache != nil {
		if dir != nil {
			b.saveManifest()
		}
		if b.builds == 1 {
			// Once per Builder: watch, which builds again and again,
			// keeps its entries in memory.
			b.saveEntries()
		}
		b.cache.Trim()
	}
	return res, err
}

// BuildTo is Build into target, which is committed on success and aborted
// on any error.
func (b *Builder) BuildTo(ctx context.Context, changed []string, target Target) (*Result, error) {
	return b.build(ctx, changed, func(*plan) (Target, error) { return target, nil })
}

// build does one build; open gives the target once the plan is known (nil
// when nothing needs writing).
func (b *Builder) build(ctx context.Context, changed []string, open func(*plan) (Target, error)) (*Result, error) {
	now := b.opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	b.deferring = b.opts.Defer && len(b.outs) > 0 && b.m != nil
	b.openShelf()
	p, err := b.prepare(ctx, changed, now)
	asked := err == nil // every conversion the site has was asked of the shelf
	if !b.eager || err != nil || b.shelfFound.Load() == 0 {
		b.closeShelf(asked)
	} else {
		// The HTML of conversions found there is read from it as
		// pages are written (inputs.go).
		defer b.closeShelf(asked)
	}
	if err != nil {
		b.m, b.pending = nil, nil
		if t, oerr := open(nil); oerr == nil && t != nil {
			err = errors.Join(err, t.Abort())
		}
		return nil, err
	}
	t, err := open(p)
	if err != nil {
		b.m, b.pending = nil, nil
		return nil, err
	}
	first := p
	if b.deferring {
		first = b.deferPlan(p)
	}
	if b.eager {
		p.m.forgetPlanning()
	}
	res, err := b.write(ctx, first, t, now)
	if err != nil {
		b.m, b.pending = nil, nil
		return nil, err
	}
	b.m = p.m
	if b.deferring && (first.deferred > 0 || b.pending != nil) {
		bodies := p.bodiesStale || (b.pending != nil && b.pending.bodies)
		b.pending = &settle{bodies: bodies, now: now, warnings: p.warnings}
	}
	b.career.rotate()
	b.jsonld.rotate()
	b.entries.rotate()
	b.bodyMemo.rotate()
	return res, nil
}

// plan is what one build publishes.
type plan struct {
	m        *siteModel
	items    []*item // every output file, sorted by name
	warnings []error // stale data, closed postings, long descriptions
	how      string  // which way the build went, for tests and benchmarks

	bodiesStale bool // the files of bodyFiles were left for Settle
	deferred    int  // how many files were left for Settle
}

// An item is one output file and its key.
type item struct {
	name  string
	key   deps.Digest
	page  *model.Page // a page, rendered with tmpl
	tmpl  string
	gen   *generated // or a generated file
	asset *asset     // or an asset
	keep  bool       // publish the file of the last commit as it is (Options.Defer)
}

// deferPlan is p less the files made from every page: feeds whose key
// changed, and the files of bodyFiles, are published as the last commit
// had them, for Settle to make.
func (b *Builder) deferPlan(p *plan) *plan {
	items := make([]*item, 0, len(p.items))
	deferred := 0
	for _, it := range p.items {
		if it.gen != nil && (it.gen.feed != nil || it.gen.fromBodies) {
			if prev := b.outs[it.name]; prev != nil && prev.key != it.key {
				it = &item{name: it.name, key: prev.key, keep: true}
				deferred++
			}
		}
		items = append(items, it)
	}
	if p.bodiesStale {
		n := len(items)
		for name, st := range b.outs {
			if !st.body {
				continue
			}
			if _, found := slices.BinarySearchFunc(items[:n], name, func(it *item, name string) int { return compareStrings(it.name, name) }); !found {
				items = append(items, &item{name: name, key: st.key, keep: true})
			}
		}
		slices.SortFunc(items, func(a, b *item) int { return compareStrings(a.name, b.name) })
		deferred++ // the files of bodyFiles, made anew
	}
	return &plan{m: p.m, items: items, warnings: p.warnings, how: p.how, deferred: deferred}
}

// Settle publishes, in a second commit into target, the files that the
// last BuildTo with Options.Defer left as they were: the feeds and the
// search index made from the pages as they are now. After it, the output
// is the one a full build makes. It does nothing when nothing was left.
func (b *Builder) Settle(ctx context.Context, target Target) (*Result, error) {
	s := b.pending
	b.pending = nil
	if s == nil || b.m == nil {
		return nil, nil
	}
	m := b.m
	redo := map[string]bool{}
	if s.bodies {
		if err := b.regenerate(m, redo); err != nil {
			b.m = nil
			return nil, errors.Join(err, target.Abort())
		}
	}
	p, err := b.replan(ctx, m, redo, s.warnings)
	if err == nil {
		var res *Result
		if res, err = b.write(ctx, p, target, s.now); err == nil {
			return res, nil
		}
	}
	b.m = nil
	return nil, err
}

// prepare reads what changed and decides what to publish: the model, made
// anew or patched, and every output's key.
func (b *Builder) prepare(ctx context.Context, changed []string, now time.Time) (*plan, error) {
	all := changed == nil || b.cfg == nil
	cfgChanged, layoutsChanged, assetsChanged := all, all, all
	var contentPaths []string
	for _, p := range changed {
		switch {
		case p == config.Name:
			cfgChanged = true
		case isLayout(p):
			layoutsChanged = true
		case isAsset(p):
			assetsChanged = true
		default:
			contentPaths = append(contentPaths, p)
		}
	}
	fresh := false
	if cfgChanged {
		var err error
		if fresh, err = b.readConfig(); err != nil {
			return nil, err
		}
	}
	var diff []string
	var err error
	if fresh {
		b.m = nil
		layoutsChanged, assetsChanged = true, true
		err = b.reparseAll(ctx, now)
	} else {
		diff, err = b.readContent(ctx, all, contentPaths, now)
	}
	if err != nil {
		return nil, err
	}
	var problems []error
	if layoutsChanged || b.renderer == nil {
		problems = append(problems, diag.Leaves(b.readLayouts())...)
	}
	if assetsChanged || b.assets == nil || b.assetsErr != nil {
		b.assetsErr = b.readAssets(ctx)
	}
	problems = append(problems, diag.Leaves(b.assetsErr)...)

	m := b.m
	switch {
	case len(problems) > 0:
		m = nil
	case m != nil && (m.forgotten || !m.stillValid(b, now)):
		m = nil
	case m != nil && (layoutsChanged || assetsChanged) && len(diff) > 0:
		m = nil
	}
	switch {
	case m == nil:
		return b.fullPlan(ctx, now, problems)
	case layoutsChanged || assetsChanged:
		return b.keysPlan(ctx, m, now)
	}
	return b.patchPlan(ctx, m, diff, now)
}

// fullPlan makes the model from the sources, then every output's key.
func (b *Builder) fullPlan(ctx context.Context, now time.Time, problems []error) (*plan, error) {
	m, errs, warnings, err := b.makeModel(ctx, now)
	if err != nil {
		return nil, err
	}
	problems = append(problems, errs...)
	if m != nil && b.assets != nil {
		problems = append(problems, checkOutputs(m.pages, m.files, b.assets)...)
	}
	if len(problems) > 0 {
		return nil, failed(errors.Join(problems...), warnings)
	}
	p, err := b.planAll(ctx, m, warnings, "full")
	if p != nil {
		p.bodiesStale = b.deferring
	}
	return p, err
}

// keysPlan keeps the model, whose sources have not changed, and makes
// every output's key again: the templates or the assets changed.
func (b *Builder) keysPlan(ctx context.Context, m *siteModel, now time.Time) (*plan, error) {
	warnings := b.pageWarnings(m.pub, now)
	if errs := checkOutputs(m.pages, m.files, b.assets); len(errs) > 0 {
		return nil, failed(errors.Join(errs...), warnings)
	}
	return b.planAll(ctx, m, warnings, "keys")
}

// makeModel loads the model from the sources: the steps of load in the
// package comment, with every file read, parsed and converted only when it
// changed.
func (b *Builder) makeModel(ctx context.Context, now time.Time) (*siteModel, []error, []error, error) {
	opts := b.opts
	opts.Now = now
	var problems []error
	paths := sortedKeysOf(b.sources)
	var all []*content.Page
	srcs := map[string]*source{}
	for _, p := range paths {
		s := b.sources[p]
		problems = append(problems, diag.Leaves(s.err)...)
		if s.page != nil {
			all = append(all, s.page)
			srcs[p] = s
		}
	}
	validPages, broken := valid(all)
	pub := published(validPages, opts)
	pubSrcs := make([]*source, len(pub))
	for i, p := range pub {
		pubSrcs[i] = srcs[p.Path]
	}
	if err := b.convert(ctx, pubSrcs); err != nil {
		return nil, nil, nil, err
	}
	bodies := make([]model.Body, len(pub))
	for i, s := range pubSrcs {
		bodies[i] = s.conv.body()
		problems = append(problems, s.conv.probs...)
	}
	locate := newLocator(b.fsys)
	problems = append(problems, checkFrontMatter(b.cfg, pub, locate)...)
	made, errs := model.Index(b.cfg, b.links, pub, bodies, now)
	site, pages := made.Site, made.Pages
	problems = append(problems, errs...)
	// The references of pages with errors of their own are checked too,
	// so that one run reports every mistake.
	problems = append(problems, model.CheckReferences(published(all, opts), pages, broken)...)
	files, errs := generatedFiles(b.cfg, made, pub, b.links, locate, b.opts.sitemapLimit)
	problems = append(problems, errs...)
	warnings := b.pageWarnings(pub, now)

	m := &siteModel{site: site, pages: pages, files: files, pub: pub, srcs: srcs,
		published: map[string]bool{}, byFile: map[string][]*model.Page{}, now: now, timely: timely(srcs, now)}
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
	if len(problems) > 0 {
		return nil, problems, warnings, nil
	}
	m.pd = b.digestPages(ctx, m, pages)
	if !b.deferring {
		var err error
		if m.files, err = b.withBodyFiles(m); err != nil {
			return nil, nil, nil, err
		}
	}
	return m, nil, warnings, nil
}

// withBodyFiles returns the generated files of m with those of bodyFiles
// made anew, which are made only when the fields of some page changed
// since they were last made: in this process, or by a build that filled
// the persistent cache.
func (b *Builder) withBodyFiles(m *siteModel) ([]generated, error) {
	h := deps.NewHasher().Digest(b.version).Digest(b.cfgDigest).Str("body files")
	for _, p := range m.pages {
		// Besides the page's fields, what decides whether the index
		// holds it (generate.InSearch): its layout and its hidden_from.
		h.Digest(m.pd[p].Self()).Str(model.Layout(p)).Str(model.SitePath(p)).Bool(generate.InSearch(p))
	}
	key := h.Sum()
	made, ok := b.bodyMemo.get(key)
	if !ok && b.cache != nil {
		if data, hit := b.cache.Get("bodyfiles", b.cacheKey(key)); hit {
			made, ok = decodeFiles(data)
		}
	}
	if !ok {
		var err error
		if made, err = bodyFiles(m.pages, b.searchAnalyses()); err != nil {
			return nil, err
		}
	}
	// Spilled before they are encoded for the cache, so that their bytes
	// are not in memory twice.
	for i := range made {
		if err := b.spill.keepFile(&made[i]); err != nil {
			return nil, err
		}
	}
	if !ok && b.cache != nil {
		// A spill that cannot be read leaves the entry out here, and fails
		// the build when the files are written.
		b.cache.PutStream("bodyfiles", b.cacheKey(key), func(w io.Writer) error { return encodeFiles(w, made) })
	}
	b.bodyMemo.put(key, made)
	files := slices.DeleteFunc(slices.Clone(m.files), func(g generated) bool { return g.fromBodies })
	files = append(files, made...)
	slices.SortFunc(files, func(a, b generated) int { return compareStrings(a.name, b.name) })
	return files, nil
}

// encodeFiles writes generated files whose bytes are made (bodyFiles) for
// the persistent cache, one file at a time: their bytes may be spilled.
// The record (cache.Encoder) is their count, then each file's name, owner
// and bytes.
func encodeFiles(w io.Writer, files []generated) error {
	var e cache.Encoder
	e.Int(len(files))
	for _, f := range files {
		data, err := f.make()
		if err != nil {
			return err
		}
		e.String(f.name)
		e.String(f.owner)
		e.Int(len(data))
		if _, err := w.Write(e.Encoded()); err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
		e.Reset()
	}
	if len(files) == 0 {
		_, err := w.Write(e.Encoded()) // the count
		return err
	}
	return nil
}

// decodeFiles reads what encodeFiles wrote; a record cut short or damaged
// is not read.
func decodeFiles(b []byte) ([]generated, bool) {
	d := cache.NewDecoder(b)
	var files []generated
	for n := d.Count(3); n > 0; n-- {
		name, owner, data := string(d.Bytes()), string(d.Bytes()), d.Bytes()
		if d.Err() != nil {
			return nil, false
		}
		files = append(files, generated{name: name, owner: owner, make: bytesOf(data), digest: digestOf(data), fromBodies: true})
	}
	if d.End() != nil {
		return nil, false
	}
	return files, true
}

// siteModel is the model of one build, kept for the next.
type siteModel struct {
	site      *model.Site
	pages     []*model.Page
	files     []generated
	pub       []*content.Page          // the published sources, by path
	srcs      map[string]*source       // the sources it was made from (every file that parsed)
	published map[string]bool          // the paths of pub
	now       time.Time                // the moment it was made for
	timely    []*content.Page          // the sources whose publishing may change with time (stillValid)
	jobs      []*model.Page            // the job pages, whose postings open and close with time
	byFile    map[string][]*model.Page // the pages made from each source: a page, or a list page and its pagers

	pd        map[*model.Page]*deps.PageDigests
	items     []*item // the outputs, as last planned
	forgotten bool    // forgetPlanning let go of what planning needs: no other build is planned from it

	// Which outputs read the body of which page (deps.PageKey.Body), so that a body
	// edit re-renders only those.
	rev        map[*model.Page][]string
	revAll     []string
	needLD     bool                      // some template reads the structured data of other pages
	structured *structured               // the structured data of the write under way (structured.go)
	refs       map[*model.Page]*pageRefs // the links of each page, resolved (write.go)
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
		if f.feed != nil {
			for _, p := range model.FeedEntries(f.feed) {
				keep[p] = m.pd[p]
			}
		}
	}
	m.pd, m.byFile, m.srcs, m.published = keep, nil, nil, nil
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
	opts := b.opts
	opts.Now = now
	for _, src := range m.timely {
		if isPublished(src.FrontMatter, opts) != m.published[src.Path] {
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

// timely returns the sources (of every valid one, published or not) whose
// front matter has a date less than two days before now, or after it: only
// whether those are published can change as time passes (publish_date,
// date, expiry_date; the margin covers rules that count whole days).
func timely(srcs map[string]*source, now time.Time) []*content.Page {
	since := now.Add(-48 * time.Hour)
	var out []*content.Page
	for _, path := range sortedKeysOf(srcs) {
		p := srcs[path].page
		if p == nil || p.Invalid || p.IsIndex {
			continue
		}
		fm := p.FrontMatter
		for _, t := range []time.Time{fm.Date, fm.Updated, fm.PublishDate, fm.ExpiryDate} {
			if t.After(since) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// patchPlan applies edits to the bodies of pages: when the front matter of
// every changed source is as the model has it, the model keeps its shape
// (the same pages, lists, relations and URLs) and only the fields that come
// from the body change. The pages are patched in place, and only the
// outputs that read their bodies get new keys. Anything else makes the
// model anew.
func (b *Builder) patchPlan(ctx context.Context, m *siteModel, diff []string, now time.Time) (*plan, error) {
	var changed []*source
	for _, path := range diff {
		old, cur := m.srcs[path], b.sources[path]
		if old == nil || cur == nil || cur.page == nil || cur.err != nil || old.fm != cur.fm ||
			m.published[path] != isPublishedSource(cur, b.opts, now) {
			b.m = nil
			return b.fullPlan(ctx, now, nil)
		}
		if m.published[path] {
			changed = append(changed, cur)
		}
	}
	if err := b.convert(ctx, changed); err != nil {
		return nil, err
	}
	var problems []error
	for _, s := range changed {
		problems = append(problems, s.conv.probs...)
	}
	warnings := b.pageWarnings(m.pub, now)
	if len(problems) > 0 {
		return nil, failed(errors.Join(problems...), warnings)
	}
	redo := map[string]bool{}
	if len(changed) > 0 {
		for _, name := range m.revAll {
			redo[name] = true
		}
	}
	for _, path := range diff {
		m.srcs[path] = b.sources[path]
	}
	for i, p := range m.pub {
		if s := b.sources[p.Path]; s != nil && s.page != p && slices.Contains(diff, p.Path) {
			m.pub[i] = s.page
		}
	}
	for _, s := range changed {
		for _, p := range m.byFile[s.path] {
			model.Refill(p, s.conv.body())
			m.pd[p] = b.digestPage(m, p)
			for _, name := range m.rev[p] {
				redo[name] = true
			}
		}
	}
	if len(changed) > 0 && !b.deferring {
		// The files made from the bodies of every page (the search
		// index) are made again.
		if err := b.regenerate(m, redo); err != nil {
			return nil, failed(err, warnings)
		}
	}
	p, err := b.replan(ctx, m, redo, warnings)
	if p != nil {
		p.bodiesStale = len(changed) > 0 && b.deferring
	}
	return p, err
}

// regenerate makes the generated files of m that are made from page
// bodies again (bodyFiles) and puts them in its items, to be keyed again.
func (b *Builder) regenerate(m *siteModel, redo map[string]bool) error {
	files, err := b.withBodyFiles(m)
	if err != nil {
		return err
	}
	if errs := checkOutputs(m.pages, files, b.assets); len(errs) > 0 {
		return diag.Sorted(errs...)
	}
	m.files = files
	items := slices.DeleteFunc(slices.Clone(m.items), func(it *item) bool { return it.gen != nil && it.gen.fromBodies })
	for i := range files {
		if files[i].fromBodies {
			items = append(items, &item{name: files[i].name, gen: &files[i]})
			redo[files[i].name] = true
		}
	}
	slices.SortFunc(items, func(a, b *item) int { return compareStrings(a.name, b.name) })
	m.items = items
	return nil
}

func isPublishedSource(s *source, opts Options, now time.Time) bool {
	opts.Now = now
	return s.page.IsIndex || isPublished(s.page.FrontMatter, opts)
}

// planAll plans every output of m.
func (b *Builder) planAll(ctx context.Context, m *siteModel, warnings []error, how string) (*plan, error) {
	var items []*item
	var problems []error
	for _, p := range m.pages {
		name, err := b.renderer.Find(render.Lookup{Kind: lookupKind(p.Kind), Section: p.Section, Type: p.Type, Layout: model.Layout(p), Taxonomy: model.TaxonomyName(p)})
		if err != nil {
			problems = append(problems, where(p).wrap("", err))
			continue
		}
		items = append(items, &item{name: model.OutputOf(p), page: p, tmpl: name})
	}
	for i := range m.files {
		if m.files[i].claimOnly {
			continue
		}
		items = append(items, &item{name: m.files[i].name, gen: &m.files[i]})
	}
	for _, name := range sortedKeysOf(b.assets.files) {
		a := b.assets.files[name]
		items = append(items, &item{name: a.out, asset: a})
	}
	if len(problems) > 0 {
		return nil, failed(errors.Join(problems...), warnings)
	}
	slices.SortFunc(items, func(a, b *item) int { return compareStrings(a.name, b.name) })
	m.items = items
	m.rev, m.revAll = map[*model.Page][]string{}, nil
	m.needLD = false
	all := map[string]bool{}
	for _, it := range items {
		all[it.name] = true
	}
	p, err := b.replan(ctx, m, all, warnings)
	if p != nil {
		p.how = how
	}
	return p, err
}

// replan makes the keys of the items of m named in redo, keeping the others'.
func (b *Builder) replan(ctx context.Context, m *siteModel, redo map[string]bool, warnings []error) (*plan, error) {
	k := b.keyer(m)
	type found struct {
		body    []*model.Page
		bodyAll bool
	}
	var todo []*item
	for _, it := range m.items {
		if redo[it.name] {
			todo = append(todo, it)
		}
	}
	// A whole plan makes the reverse index, unless the Builder builds once:
	// then no later build is planned from it.
	index := len(redo) == len(m.items) && !b.eager
	res := make([]found, len(todo))
	parallel.For(len(todo), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			it := todo[i]
			switch {
			case it.page != nil:
				pk := k.Page(it.page, b.templates.Page(it.tmpl), index)
				it.key, res[i].body, res[i].bodyAll = pk.Key, pk.Body, pk.BodyAll
				if index {
					res[i].body = append(res[i].body, it.page)
				}
			case it.gen != nil:
				it.key = k.File(it.name, it.gen.digest)
				if f := it.gen.feed; f != nil {
					res[i].body = model.FeedEntries(f)
				}
			case it.asset != nil:
				it.key = k.Asset(it.name, it.asset.data)
			}
		}
	})
	if len(redo) == len(m.items) {
		for i, it := range todo {
			if index {
				for _, p := range res[i].body {
					m.rev[p] = append(m.rev[p], it.name)
				}
				if res[i].bodyAll {
					m.revAll = append(m.revAll, it.name)
				}
			}
			if it.page != nil {
				m.needLD = m.needLD || b.templates.Page(it.tmpl).ReadsOthersJSONLD()
			}
		}
	}
	return &plan{m: m, items: m.items, warnings: warnings, how: "patch"}, nil
}

// unchanged reports whether every output has the key it had at the last
// commit into the destination and is still there as written: then there is
// nothing to write.
func (b *Builder) unchanged(p *plan) bool {
	if p == nil || len(p.items) != len(b.outs) {
		return false
	}
	for _, it := range p.items {
		prev := b.outs[it.name]
		if prev == nil || prev.key != it.key {
			return false
		}
		info, err := os.Lstat(filepath.Join(b.dest, filepath.FromSlash(it.name)))
		if err != nil || !info.Mode().IsRegular() || info.Size() != prev.stamp.Size || info.ModTime().UnixNano() != prev.stamp.ModTime {
			return false
		}
	}
	return true
}

// memo is a cache that keeps what the last successful build and the
// current one used, and forgets the rest.
type memo[K comparable, V any] struct {
	mu       sync.Mutex
	old, cur map[K]V
}

func (m *memo[K, V]) get(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.cur[k]; ok {
		return v, true
	}
	v, ok := m.old[k]
	if ok {
		m.putLocked(k, v)
	}
	return v, ok
}

func (m *memo[K, V]) put(k K, v V) {
	m.mu.Lock()
	m.putLocked(k, v)
	m.mu.Unlock()
}

func (m *memo[K, V]) putLocked(k K, v V) {
	if m.cur == nil {
		m.cur = map[K]V{}
	}
	m.cur[k] = v
}

// lastUsed returns, after rotate, what the build that just succeeded used:
// a copy, to read while the next build uses the memo.
func (m *memo[K, V]) lastUsed() map[K]V {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.old)
}

// rotate forgets what the build that just succeeded did not use.
func (m *memo[K, V]) rotate() {
	m.mu.Lock()
	m.old, m.cur = m.cur, nil
	m.mu.Unlock()
}

func sortedKeysOf[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
