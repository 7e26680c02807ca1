package site

import (
	"context"
	"errors"
	"io/fs"
	"time"

	"github.com/careersite/careersite/internal/cardfiles"
	"github.com/careersite/careersite/internal/keptmodel"
	"github.com/careersite/careersite/internal/pagedigest"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/bundlefiles"
	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diskfs"
	"github.com/careersite/careersite/internal/feedentries"
	"github.com/careersite/careersite/internal/filestamp"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/jsonld"
	"github.com/careersite/careersite/internal/linkrecord"
	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/pagesource"
	"github.com/careersite/careersite/internal/render"
	"github.com/careersite/careersite/internal/searchindex"
	"github.com/careersite/careersite/internal/sitefuncs"
	"github.com/careersite/careersite/internal/socialcard"
	"github.com/careersite/careersite/internal/spelling"
	"github.com/careersite/careersite/internal/uptodate"
	"github.com/careersite/careersite/internal/version"
)

// A Builder builds one site again and again, doing only the work that the
// changes since its last build call for (see the package comment). Build
// and BuildTo must not be called concurrently.
type Builder struct {
	// What it builds, and how it lives: chosen once, by the constructor.
	opts  Options
	dest  string
	fsys  fs.FS
	reads *uptodate.FS // fsys noting what it reads, for the record of a build (uptodate.go); nil: none kept
	life  lifetime     // one build or a session (lifetime.go)
	spill *spiller     // HTML kept out of memory (spill.go); nil: all HTML in memory

	// checking is set while a check (check.go) builds: it keeps no
	// output, so the generated files that hold nothing to check
	// (generate.File.Opaque: the social cards' PNGs, the sitemaps) are not
	// made.
	checking bool
	// A session's check leaves the pagers after the first of a list
	// whose key changed (check.go), unless pagersNow (CheckPagers) says
	// to make them; pagersLeft says the last check left some.
	pagersNow, pagersLeft bool

	// The persistent cache (internal/cache), when there is one.
	cache   *cache.Cache
	version deps.Digest // of the binary, when there is a persistent cache
	// What the site's resources and images held, by their files'
	// stamps, open while a build runs: a build reads none that did not
	// change (internal/bundlefiles, internal/images).
	stamps *filestamp.Stamps

	// The conversions of page bodies (internal/convert), with their
	// store in the persistent cache, open while a build converts (and,
	// for a Builder that builds once, until it has written: convert.go).
	conv *convert.Converter

	// The inputs as of the last build (inputs.go, internal/assets).
	cfg          *config.Config
	cfgDigest    deps.Digest
	links        *model.Linker
	sources      map[string]*pagesource.Source
	resources    *bundlefiles.Set // the files under content/ that are not pages, bundles' resources
	linkWarnings []error          // symbolic links under content/ left out, as of the last full read (warnings.go)
	renderer     *render.Renderer
	templates    *deps.Templates // what each page template can read
	assets       *assets.Set
	assetsErr    error
	images       *images.Set // Markdown images and the template function image (internal/images)
	assetDigest  deps.Digest
	minifier     *output.Minifier
	funcs        *sitefuncs.Funcs // the template functions beyond render's, bound to this build's values
	data         map[string]any   // data/**, .Site.Data (data.go)
	dataErr      error
	dataDigest   deps.Digest // of the data files' bytes

	strings         *i18n.Catalog // the site's strings, for the social cards (strings.go)
	stringsDigest   deps.Digest   // of the i18n files' bytes (strings.go)
	stringsWarnings []error       // keys a language's i18n file lacks

	// Made from the inputs, kept while they are used.
	digests   pagedigest.Maker                         // of pages' groups, career data once per value
	jsonld    jsonld.Cache                             // structured data by its inputs' digest
	entries   *feedentries.Entries                     // feed entries by their inputs' digest, with their pack in the persistent cache
	bodyMemo  cache.Memo[deps.Digest, []generate.File] // bodyFiles by the digest of every page
	analyses  *searchindex.Analyses                    // the search analyses of pages (search.go)
	pagesRead bool                                     // the pack of parsed pages was read (internal/pagesource)
	cards     *socialcard.Cache                        // the social cards drawn and known to fit (cardMaker)
	spelling  spelling.Checker                         // the spellings of the last build's pages, counted (warnings.go)

	// The last good build: its model and what it committed. A failed
	// build forgets the model and what FinishDeferred had to do (reset),
	// except a session's check, which keeps the model (build).
	m        *keptmodel.Model               // nil: make it anew
	outs     map[string]*outState           // the files of the last commit, by name
	outNames []string                       // the names of outs, sorted
	last     Target                         // the target of the last commit
	warned   map[string]*convert.Conversion // the conversions with warnings, by source (warnings.go)

	// What the last check of links found (internal/linkrecord), in a
	// one-shot build with a cache.
	linksChecked *linkrecord.Kept

	// The content files a check read and did not patch into m, its
	// bodies having problems: the next build patches them (patchPlan).
	unplanned []string

	// The build under way, and what it left to FinishDeferred (Options.Defer).
	deferring bool          // this build leaves the files made from every page to FinishDeferred
	deferred  *deferredWork // what FinishDeferred has to do

	stats buildStats // how the last build went, for tests only (lifetime.go)
}

// deferredWork is what a build with Options.Defer left to FinishDeferred.
type deferredWork struct {
	bodies   bool // the files of bodyFiles must be made again
	now      time.Time
	warnings []error
}

// outState is what the Builder remembers of a file it published.
type outState struct {
	key   deps.Digest
	ids   links.IDs    // the ids of an HTML file, for checking links to it
	stamp output.Stamp // for a Dir: the file as written
	body  bool         // made by bodyFiles

	images     []*images.Output // a page's: the image files its templates named (templateimages.go)
	byTemplate bool             // an image file that pages' templates named
}

// New returns a Builder for the site opts describe, kept for a session
// (serve, watch). Nothing is read until the first Build.
func New(opts Options) (*Builder, error) {
	return newBuilder(opts, session{}, 0)
}

// newBuilder returns a Builder that lives life, keeping HTML beyond
// spillBudget bytes out of memory (spill.go); 0: all HTML in memory.
func newBuilder(opts Options, life lifetime, spillBudget int64) (*Builder, error) {
	b := &Builder{
		opts:     opts,
		life:     life,
		dest:     opts.Destination(),
		sources:  map[string]*pagesource.Source{},
		warned:   map[string]*convert.Conversion{},
		minifier: output.NewMinifier(),
		funcs:    &sitefuncs.Funcs{},
	}
	if opts.CacheDir == "" {
		b.outs = map[string]*outState{} // else read from the manifest by the first build
	}
	b.fsys = opts.Files
	if b.fsys == nil {
		disk := diskfs.New(opts.Source)
		b.fsys = disk
		if life.keepsRecord() && opts.CacheDir != "" {
			b.reads = uptodate.NewFS(disk, time.Now, opts.CacheDir)
			b.fsys = b.reads
		}
	}
	if spillBudget > 0 {
		b.spill = newSpiller(b.dest, spillBudget)
	}
	if opts.CacheDir != "" {
		if err := b.openCache(); err != nil {
			return nil, err
		}
	}
	b.conv = convert.New(b.fsys, b.cache, b.version, life.htmlStaysInCache())
	b.cards = socialcard.NewCache(b.cache)
	b.stamps = filestamp.New(b.cache, time.Now)
	b.resources = bundlefiles.New(b.fsys, b.stamps, b.isSource)
	b.entries = feedentries.New(b.cache, b.version)
	return b, nil
}

// openCache opens the persistent cache, from which the first build reads
// what the last build into the destination published. A cache that
// cannot be opened is not used. Its entries are this binary's with this
// theme: the cache's version holds the line that names both
// (internal/version).
func (b *Builder) openCache() error {
	name, err := version.Read(b.opts.Theme)
	if err != nil {
		return err
	}
	v, err := cache.Version(name.String())
	if err != nil {
		return err
	}
	c, err := cache.Open(b.opts.CacheDir, v)
	if err != nil {
		return err
	}
	b.cache, b.version = c, deps.Digest(v)
	return nil
}

// cacheKey turns a digest that already holds the version into a cache key.
func (b *Builder) cacheKey(d deps.Digest) cache.Key { return cache.Key(d) }

// cardMaker makes the social cards of the site as it is now read
// (internal/cardfiles).
func (b *Builder) cardMaker() *cardfiles.Maker {
	return cardfiles.New(b.cfg, b.links, b.strings, b.cards, &b.stats.cardsDrawn)
}

// Build brings the destination folder (Options.Dest) up to date after the
// files changed, paths relative to the site folder ("content/jobs/x.md",
// "site.yaml"); nil means anything may have changed. It writes a new
// folder beside the destination and swaps it in only when the whole build
// succeeded, publishing again by hard link the files whose keys did not
// change and carrying over the paths site.yaml keeps; when no file changed
// at all it leaves the destination as it is.
func (b *Builder) Build(ctx context.Context, changed []string) (*Result, error) {
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
			// folder (output.Recycle): at 20,000 files, hard-linking every
			// unchanged file into a new folder and removing the old one
			// is most of a build after a small change, on a disk.
			if recycled, err := b.cache.Folder("output"); err == nil {
				opts = append(opts, output.Recycle(recycled))
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
		b.linksChecked.Save()
		// Once per Builder: watch, which builds again and again, keeps
		// its entries in memory.
		b.entries.Save()
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
func (b *Builder) build(ctx context.Context, changed []string, open func(*plan) (Target, error)) (_ *Result, err error) {
	kept := false // the model of a failed build is kept (below)
	defer func() {
		if err != nil && !kept {
			b.reset()
		}
	}()
	now := b.opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	if b.outs == nil {
		b.outs = b.loadManifest()
	}
	// A session's checks leave those files as they are too (check.go).
	b.deferring = (b.opts.Defer || b.checking) && len(b.outs) > 0 && b.m != nil
	b.conv.OpenCache()
	b.cards.Open()
	defer b.cards.Close()
	b.stamps.Open()
	defer b.stamps.Close()
	p, err := b.prepare(ctx, changed, now)
	// A check whose pages' bodies have problems keeps its model, which
	// has them as they were (patchPlan).
	kept = b.unplanned != nil
	asked := err == nil // every conversion the site has was asked of the store
	if !b.life.htmlStaysInCache() || err != nil || b.conv.Stats().Found == 0 {
		b.closeConvCache(asked)
	} else {
		// The HTML of conversions found there is read from it as
		// pages are written (convert.go).
		defer b.closeConvCache(asked)
	}
	if err != nil {
		if t, oerr := open(nil); oerr == nil && t != nil {
			err = errors.Join(err, t.Abort())
		}
		return nil, err
	}
	t, err := open(p)
	if err != nil {
		return nil, err
	}
	first := p
	if b.deferring {
		first = b.deferPlan(p)
	}
	if !b.life.plansAgain() {
		p.m.ForgetPlanning()
	}
	res, err := b.write(ctx, first, t, now)
	if err != nil {
		// A check whose pages or links have problems keeps its model,
		// which is the sources' as they are: what the next check
		// changes is patched into it, instead of the whole model being
		// made anew after every keystroke that leaves a problem. Its
		// items hold their new keys while the last commit holds the old,
		// so the outputs of this check are made again, and their
		// problems found again, until a check succeeds. (A build, or
		// serve's, keeps nothing: the files it left to FinishDeferred
		// are known only from a commit.)
		if kept = b.checking && ctx.Err() == nil; kept {
			b.m = p.m
		}
		return nil, err
	}
	b.m = p.m
	if b.deferring && (first.deferred > 0 || b.deferred != nil) {
		bodies := p.bodiesStale || (b.deferred != nil && b.deferred.bodies)
		b.deferred = &deferredWork{bodies: bodies, now: now, warnings: p.warnings}
	}
	b.digests.Rotate()
	b.jsonld.Rotate()
	b.entries.Rotate()
	b.bodyMemo.Rotate()
	return res, nil
}

// reset is the one place that forgets what a failed build or FinishDeferred
// leaves unsure: the model, which the next build makes anew, and what
// FinishDeferred had to do.
func (b *Builder) reset() { b.m, b.deferred = nil, nil }

// FinishDeferred publishes, in a second commit into target, the files that the
// last BuildTo with Options.Defer left as they were: the feeds and the
// search index made from the pages as they are now. After it, the output
// is the one a full build makes. It does nothing when nothing was left.
func (b *Builder) FinishDeferred(ctx context.Context, target Target) (_ *Result, err error) {
	s := b.deferred
	b.deferred = nil
	if s == nil || b.m == nil {
		return nil, nil
	}
	defer func() {
		if err != nil {
			b.reset()
		}
	}()
	b.cards.Open()
	defer b.cards.Close()
	b.stamps.Open()
	defer b.stamps.Close()
	m := b.m
	redo := map[string]bool{}
	if s.bodies {
		if err := b.regenerate(m, redo); err != nil {
			return nil, errors.Join(err, target.Abort())
		}
	}
	return b.write(ctx, b.replan(m, redo, false, s.warnings), target, s.now)
}

// prepare reads what changed and decides what to publish: the model, made
// anew or patched, and every output's key.
