// Package convert turns the Markdown bodies of pages, with their
// shortcodes, into converted bodies: the HTML, the summary, the table of
// contents, the headings, the links written in them (with their places,
// for the link checker) and the problems and warnings, each at its place
// in the file. A Conversion is what the model reads as a page's Body
// (model.Body).
//
// What goes in: a content file's page as parsed (Source), and what the
// pipeline read besides, as it reads it — site.yaml (Configure: the
// Markdown options, the base URL), the shortcode templates (SetTemplates),
// the asset table (SetAssets), the digests of the i18n strings of each
// language (SetStrings), the data files (SetData) and the published
// pages a shortcode can look up (SetPages). A body's shortcodes run in
// its page's language (content.Page.Language).
//
// Each conversion is keyed by everything it depends on: the body's text,
// the line it starts on, the Markdown options and the binary's version,
// and, for a body with shortcodes, everything they can read (shortcodes.go
// states what). A conversion whose key differs from what it would be now
// is stale (Stale) and is converted again; nothing else is.
//
// Bodies are converted on all cores (ConvertAll). When the pipeline has a
// persistent cache, conversions are kept in its store of Markdown
// (store.go): a body whose key the store holds is not converted again,
// and a Converter whose HTML stays in the cache reads a body's HTML from
// the store only when the page is written.
//
// The pipeline (internal/site) owns the rest: which bodies to convert and
// when, and keeping HTML out of memory (Conversion.Spill).
package convert

import (
	"context"
	"io/fs"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deltapack"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/render"
)

// A Converter converts the bodies of one site's pages, build after build.
// Its methods that set an input (Configure, SetTemplates, SetAssets,
// SetStrings, SetData, SetPages) must not be called while bodies are converted.
type Converter struct {
	// Chosen once, by New.
	fsys             fs.FS
	cache            *cache.Cache // nil: none
	version          deps.Digest  // of the binary, when there is a cache
	htmlStaysInCache bool

	// The inputs, as the pipeline last set them.
	cfg          *config.Config
	cfgDigest    deps.Digest
	links        *model.Linker
	md           *markdown.Converter
	mdDigest     deps.Digest                   // of the version and the Markdown options
	shortcodes   *shortcodeTemplates           // nil until the templates are read
	site         *shortcodeSite                // .Site in shortcodes
	dataDigest   deps.Digest                   // of the data files' bytes
	assetDigest  deps.Digest                   // of the asset table
	strings      func(lang string) deps.Digest // of the string files a language's T reads; nil until set
	lookupDigest deps.Digest                   // of the pages shortcodes can look up: paths, URLs, front matter, posting state
	images       *images.Set                   // the site's images; nil: Markdown writes images (images.go)
	hook         *hookTemplate                 // the render hook of images; nil until the templates are read

	// The store of the build under way, open between OpenCache and
	// CloseCache, and how it was used (Stats).
	store                     *cache.Store
	asked, found, reconverted atomic.Int64

	// The pack of records as the first build read it, and the records of
	// that build's conversions, until its CloseCache saves them (store.go).
	records      func() *deltapack.Records // read once, on a goroutine of its own
	usedMu       sync.Mutex
	used         map[cache.Key][]byte
	recordsSaved bool
}

// New returns a Converter that reads content files from fsys when it
// must convert a body again (see store.go), with the persistent cache c
// of the binary's version (nil: none). When htmlStaysInCache is set, the
// HTML of a conversion found in the cache is left there, to be read when
// its page is written, and the store stays open until then; else it is
// read at once, as conversions that outlive a build need.
func New(fsys fs.FS, c *cache.Cache, version deps.Digest, htmlStaysInCache bool) *Converter {
	return &Converter{fsys: fsys, cache: c, version: version, htmlStaysInCache: htmlStaysInCache}
}

// Configure sets what site.yaml decides: the Markdown options (its
// markdown section, the base path, the limit on code blocks), the links
// of pages and cfgDigest, the digest of the configuration, which the key
// of a body with shortcodes holds.
func (cv *Converter) Configure(cfg *config.Config, cfgDigest deps.Digest, links *model.Linker) {
	opts := markdown.Options{
		UnsafeHTML:  cfg.Markdown.UnsafeHTML,
		Typographer: cfg.Markdown.Typographer,
		BasePath:    cfg.BasePath(),

		MaxCodeBlock: int(cfg.Limits.CodeBlock),
	}
	cv.cfg, cv.cfgDigest, cv.links = cfg, cfgDigest, links
	cv.md = markdown.New(opts)
	cv.mdDigest = deps.NewHasher().Digest(cv.version).Str("markdown").Value(reflect.ValueOf(opts)).Sum()
}

// Markdown is the site's Markdown converter, as Configure made it: also
// the one of the markdownify template function.
func (cv *Converter) Markdown() *markdown.Converter { return cv.md }

// SetTemplates sets the renderer whose shortcode templates run in bodies;
// nil until the templates are read.
func (cv *Converter) SetTemplates(r *render.Renderer) {
	cv.shortcodes, cv.hook = nil, nil
	if r != nil {
		cv.shortcodes = newShortcodeTemplates(r)
		cv.hook = newHookTemplate(r)
	}
}

// SetAssets sets the digest of the asset table, which the key of a body
// whose shortcodes call asset holds.
func (cv *Converter) SetAssets(digest deps.Digest) { cv.assetDigest = digest }

// SetStrings sets sum, which gives the digest of the string files that T
// reads on a page of a language (i18n.Catalog.SumFor), which the key of a
// body with shortcodes holds.
func (cv *Converter) SetStrings(sum func(lang string) deps.Digest) { cv.strings = sum }

// SetData sets the data files of the build under way, .Site.Data in
// shortcodes, and the digest of their bytes; with them the shortcodes'
// .Site is made anew from the configuration (call it after Configure).
// It keeps the page lookup of the last SetPages: a build that keeps the
// model's pages sets none.
func (cv *Converter) SetData(data map[string]any, digest deps.Digest) {
	s := newShortcodeSite(cv.cfg, data)
	if cv.site != nil {
		s.pages = cv.site.pages
	}
	cv.site, cv.dataDigest = s, digest
}

// SetPages sets the published pages srcs that shortcodes can look up
// (.Site.GetPage), with their posting state taken at now; after SetData.
func (cv *Converter) SetPages(srcs []Source, now time.Time) {
	lookup := newPageLookup(srcs, cv.links, now)
	cv.site.pages, cv.lookupDigest = lookup, lookup.digest()
}

// SetPage replaces, among the pages of the last SetPages, the page of
// src.Path, whose front matter changed, and reports whether it could: the
// page was among them, with the URL it has now or with another, which no
// other page of them has now (a slug or url edited: GetPage finds the
// page at its new URL only). Its posting state is
// taken at the time the last SetPages was given. The conversions whose
// shortcodes look pages up are then stale.
func (cv *Converter) SetPage(src Source) bool {
	if cv.site == nil || !cv.site.pages.replace(src) {
		return false
	}
	cv.lookupDigest = cv.site.pages.digest()
	return true
}

// A Source is a content file's page, to convert its body.
type Source struct {
	Path        string        // "content/jobs/x.md"
	Page        *content.Page // as parsed
	Sum         deps.Digest   // of the file's bytes (content.FileDigests): a file read again must be the one converted
	FrontMatter deps.Digest   // of the bytes before the body: front matter and its fences
	BodySum     deps.Digest   // of the body, when the reader hashed it with the file; zero: Page.BodySum
}

// bodySum is the SHA-256 of the source's body.
func (s Source) bodySum() deps.Digest {
	if s.BodySum != (deps.Digest{}) {
		return s.BodySum
	}
	return s.Page.BodySum()
}

// key is what a body converts to depends on: its text (by its digest,
// which a page holding its body lazily knows without it), the line it
// starts on (positions of links and errors), the Markdown options and the
// binary, and what the shortcodes it uses read (scKey, shortcodes.go).
func (cv *Converter) key(src Source, scKey deps.Digest) deps.Digest {
	return deps.NewHasher().Digest(cv.mdDigest).Int(int64(src.Page.BodyLine)).Digest(src.bodySum()).Digest(scKey).Digest(cv.imageKey(src.Page)).Sum()
}

// Stale reports whether c, the conversion of a body, is stale: there is
// none, the Markdown options changed since, or what its shortcodes read.
// A conversion is made anew for a file that changed; the pipeline asks
// only about the others.
func (cv *Converter) Stale(c *Conversion) bool {
	return c == nil || c.md != cv.mdDigest || cv.shortcodeStale(c) || cv.imagesStale(c)
}

// ConvertAll converts the body of every source of srcs, on all cores,
// and calls done with each conversion on the goroutine that made it. It
// stops early only when ctx is done.
func (cv *Converter) ConvertAll(ctx context.Context, srcs []Source, done func(i int, c *Conversion)) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, src := range srcs {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			done(i, cv.Convert(src))
			return nil
		})
	}
	return g.Wait()
}

// Convert converts the body of src, or finds its conversion in the store.
func (cv *Converter) Convert(src Source) *Conversion {
	e := cv.parseShortcodes(src.Page)
	var names []string
	if e != nil {
		names = e.names
	}
	scKey := cv.shortcodeKey(names, src.Page.Language)
	key := cv.key(src, scKey)
	if e == nil || len(e.probs) == 0 {
		if c := cv.fromCache(src, key); c != nil {
			c.names, c.scKey, c.page, c.lang = names, scKey, src.Path, src.Page.Language
			return c
		}
	}
	if err := src.Page.LoadBody(); err != nil {
		return newConversion(key, nil, []error{err}) // the file changed since its stamp was taken
	}
	var res *markdown.Result
	var probs []error
	uses := cv.newUses(src.Path, src.Page, e)
	if e != nil {
		res, probs = cv.convertExpanded(src.Path, src.Page, e, uses)
	} else {
		var err error
		res, err = cv.md.ConvertImages(src.Page.Body, src.Page.BodyLine, "", cv.imageHook(src.Path, src.Page, uses))
		for _, e := range diag.Leaves(err) {
			probs = append(probs, inFile(src.Path, e))
		}
	}
	c := newConversion(key, res, probs)
	c.setImages(src.Path, uses)
	c.md = cv.mdDigest
	c.names, c.scKey, c.lang = names, scKey, src.Page.Language
	c.warns = markdownWarnings(src.Path, res)
	// A result with warnings is not kept: the store does not hold them,
	// and every build must report them.
	if res != nil && len(probs) == 0 && len(res.Warnings) == 0 {
		cv.save(c, res.HTML)
	}
	return c
}
