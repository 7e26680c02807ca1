// Package site is the build pipeline: it reads a site folder, makes the
// model that templates see (internal/model) from it, and renders and writes
// every output, again and again for serve and watch, doing only what
// changed.
//
// # The pipeline
//
// A build turns a site folder into its output, all or nothing:
//
//  1. site.yaml is decoded (config.Load); --base-url replaces its base_url.
//     The data files, data/**, are loaded (data.Load, data.go): .Site.Data.
//  2. content/**/*.md is read and parsed in parallel (content.ParseFile);
//     pages with problems are reported and left out. The other files under
//     content/ are read when a page bundle owns them (content.BundleOf):
//     its resources.
//  3. Drafts, pages whose publish_date (else date) is after Options.Now and
//     pages whose expiry_date has passed are left out unless Options ask for
//     them (content.Publishing).
//  4. Each page's Markdown is converted once, in parallel (internal/convert:
//     markdown.Convert), its shortcodes run first (internal/shortcode): parsed,
//     expanded into placeholders, and their outputs put in place of those
//     in the HTML, summary, table of contents, headings and links. A body
//     with shortcode tags is converted once every file is read and the
//     templates are parsed, and so is one with images: each Markdown image
//     of the site's (internal/images) is written by the render hook
//     layouts/_markup/render-image.html, and the files made from it are
//     outputs of the build, made once each, as they are written, from the
//     persistent cache when it holds them (convert.ImageError says where
//     a broken one is shown). An image is looked for in the page's
//     bundle, then under assets/ (bundleimages.go); a JPEG, PNG or WebP
//     file of assets/ or of a bundle is published under its own name
//     re-encoded, without its metadata (cleanimages.go). The files the
//     template function image (internal/sitefuncs) names are published
//     with the page that named them (templateimages.go).
//     Build, which builds once, converts each body as its file is read and
//     lets the Markdown go; beyond 4 MiB of HTML it keeps a page's HTML
//     in a temporary file beside the destination until the page is
//     rendered (spill.go, spill.Budget), so that memory does not grow
//     with the site's HTML.
//  5. The model is made (model.Index): the home page, one section per
//     first-level folder of content/ (from its _index.md, or made up when
//     it has none), the regular pages, a taxonomy page and term pages for
//     each taxonomy of site.yaml that pages use, the pagers of section and
//     term lists longer than page_size whose template reads .Paginator
//     (paginate.go), the navigation, the pages career
//     references name, and the feeds; then each published page gets its
//     bundle's resources (model.AttachResources, internal/bundlefiles). A page whose hidden_from names lists
//     is in none of them. Two pages with one URL are an error, and so is a
//     career reference to no page (model.CheckReferences).
//  6. The outputs that are not templates are made from the model
//     (internal/generate; generate.Files lists them): redirect pages for
//     aliases and for "/page/1/", _redirects, Atom feeds, the sitemap and
//     robots.txt, a search index per language under its search/ (search.go,
//     internal/searchindex), each without the pages whose hidden_from
//     names it. An alias that is a page's URL, or any two outputs with
//     one file name, are errors (generate.CheckRedirects,
//     generate.CheckOutputs).
//     A page's front matter image: is found under assets/ with its width
//     and height (images.SetPageImages), and every page without one gets
//     a social card, /cards/<path>.png (generate.Cards), drawn by
//     internal/socialcard when it is written and kept in the persistent
//     cache (internal/cardfiles).
//  7. Templates are parsed from the site's layouts/ over the theme's
//     (render.New, with the site's template functions of internal/sitefuncs) and every page is rendered in parallel, with the
//     generated files, the pages' resources (as they are, read from
//     content/ as they are written) and the assets (site files over theme files, and the
//     generated css/syntax.css; CSS and JavaScript minified and
//     fingerprinted, internal/assets), into a Target: for `build` and `watch` a
//     temporary directory beside the destination (output.Dir), for `serve`
//     memory (output.Memory). With minify_html every HTML page is minified.
//     A page's structured data (JSON-LD) is made once per build, when a
//     render first reads it (internal/jsonld), never stored on the Page.
//  8. The links written in Markdown are checked against what was written
//     (internal/links); with broken_links: warn a broken one is a warning in
//     Result, not an error.
//  9. Only when every step succeeded is the Target committed: the temporary
//     directory swapped in for the destination, with the paths of
//     site.yaml's keep carried over from the old one (output.Keep; the
//     build's own file wins over a kept one), the memory's new tree
//     published at once.
//
// Every error caused by a user's file is collected across all steps that can
// run, sorted by path, line and column, and returned joined; nothing is
// written then and the previous output stays as it was. The same input gives
// the same bytes: every list is sorted, every map ranged in order.
//
// # Builds that do only what changed
//
// A Builder (New, then Build or BuildTo with the paths that changed, nil
// for "anything") runs the pipeline again and again, keeping what it made:
// Build is a Builder used once; serve and watch keep one for the session.
// It keeps
//
//   - every content file by path with the SHA-256 of its bytes, its parsed
//     page and its converted Markdown: only files among the changed paths
//     (or, for nil, whose bytes differ) are read again, parsed again and
//     converted again; a resource by path with the SHA-256 and size of its
//     bytes, and a resource that was added, changed or removed makes the
//     model anew, so that its file and the pages that read .Resources get
//     new keys (internal/bundlefiles);
//   - the converted Markdown of a body, by everything its conversion
//     depends on (internal/convert states what): a change to any of it
//     converts the page again; a change to the data files makes the
//     model anew;
//   - the templates, parsed again only when something under layouts/
//     changed, and what each page template can read (internal/deps); the assets,
//     minified and fingerprinted again only when something under assets/
//     changed; the structured data of each page and the feed entry of each
//     page (internal/feedentries), by digests of what they are made from;
//   - for every output file of the last commit, its dependency key
//     (internal/deps).
//
// A dependency key is a SHA-256 of everything an output is made from:
// internal/deps states what it hashes, and how it finds, without running
// the templates, what each one can read.
//
// An output whose key is the one it had at the last commit is not made
// again: output.Memory carries it over from its last tree, output.Dir
// hard-links it from the old destination into the new one (or copies it
// where there are no hard links) if the file is still as it was written
// (its size and modification time). A build in which every key is as it was
// and every file is still there does not touch the destination at all.
//
// The model is made anew when the configuration, layouts or assets changed
// together with content, when a page was added, removed or renamed, when a
// changed page's front matter differs in more than what gives the model
// no other shape, or when time passed a date that decides what is
// published or whether a job posting is open. An edit of page bodies, and
// of the front matter that gives the model no other shape, patches the
// model kept from the last build in place (internal/keptmodel: which
// edits, and how): only the outputs whose keys read what changed of the
// patched pages get new keys. A change of layouts or assets alone keeps
// the model and makes every key again. An edit of hidden_from, being front
// matter, makes the model anew: the lists, feeds and sitemap that gain or
// lose the page get new keys from the pages they hold, and the search
// index from what decides which pages it holds (Builder.withBodyFiles).
//
// With Options.Defer (serve), BuildTo leaves the files made from every
// page — feeds whose entries changed, the search index (bodyFiles) — as the
// last commit had them, and FinishDeferred makes them in a second commit: the
// browser reloads once the pages are published, and the output is the one
// a full build makes once FinishDeferred returns.
//
// With Options.CacheDir (`build`, by default .careersite/cache, see
// internal/cache), the parsed pages of the content files (internal/pagesource,
// pagepack.Cache: a build parses only the files whose bytes changed,
// and reads no file of plain Markdown whose stamp is unchanged, its body
// read only if its conversion is not in the cache),
// converted Markdown,
// the files of bodyFiles and the search analyses of pages (internal/searchindex:
// the index made again after a page changed analyses that page alone) are
// kept on disk, as is the output before last (output.Recycle), and so is a
// manifest of the last commit into each destination (manifest.go): every
// file's key, size, modification time and ids. The next `careersite
// build`, in another process, publishes again every file whose key and
// stamp are unchanged. An entry that is damaged or made by another binary
// is never used. Build also keeps a record of each build (uptodate.go,
// internal/uptodate): the next whose every input and output has the
// stamp the record holds, and whose time crossed no moment that decides
// what it publishes or warns of, reports that build's result again and
// reads nothing else.
package site

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/output"
)

// Options say what to build and where.
type Options struct {
	Source  string // the site folder, holding site.yaml
	Dest    string // the output folder; "" means Source/public
	BaseURL string // replaces site.yaml's base_url when not empty

	Drafts  bool // include pages with draft: true
	Future  bool // include pages published after Now
	Expired bool // include pages whose expiry_date is before Now

	Now   time.Time // the moment that decides future and expired pages; zero means time.Now()
	Theme fs.FS     // the default theme, holding layouts/ and assets/

	// Files, when not nil, is what the build reads instead of the files
	// in Source: the language server's open buffers over the folder
	// (internal/overlay). Source still names the folder for the cache,
	// the destination and messages.
	Files fs.FS

	// CacheDir is the persistent build cache (.careersite/cache in the
	// site, see internal/cache); "" builds without one.
	CacheDir string

	// Defer lets a Builder's BuildTo publish first everything but the
	// files made from every page (the feeds, the search index), keeping
	// the previous ones, and make those in a second commit, by FinishDeferred: the
	// preview server tells browsers to reload after the first.
	Defer bool

	// Progress, when set, is told how far a stage has got, from every
	// goroutine of the stage: "converting Markdown" after each page whose
	// Markdown is converted (from the cache or anew; in Build, after each
	// content file, read and converted at once), and "writing files" as
	// each output is taken up (rendered, made or published again).
	Progress func(stage string, done, total int)

	sitemapLimit int   // URLs per sitemap file; 0 means 50,000. Tests lower it.
	spillBudget  int64 // bytes of HTML Build holds in memory; 0 means spillBudget. Tests lower it.
}

// Destination is the output folder: Dest, or the folder public in Source
// when Dest is "".
func (o Options) Destination() string {
	if o.Dest == "" {
		return filepath.Join(o.Source, "public")
	}
	return o.Dest
}

// Result counts what a successful build wrote.
type Result struct {
	Pages int // HTML pages
	Files int // every file, pages included

	// Warnings are problems that did not stop the build, sorted like
	// errors: "content/roles/x.md:41:7: link "/jobs/nope/" points to no
	// page" when site.yaml has broken_links: warn.
	Warnings []*diag.Error

	// Made is how many files were rendered or made, rather than published
	// again unchanged.
	Made int
}

// Target receives a build's files. Nothing it holds is visible until Commit;
// Abort discards everything. output.Dir is the Target of `build` and
// `watch`, output.Memory that of `serve`; Check's keeps nothing (check.go).
// A build calls WriteFile and Reuse from many goroutines at once, the
// others from one.
type Target interface {
	// WriteFile publishes data as the file name. The build never changes
	// data afterwards, so the Target may keep it without a copy
	// (output.Memory does).
	WriteFile(name string, data []byte) error

	// Reuse publishes again, without being given its bytes, the file
	// name as the Target published it at its last commit, stamped stamp:
	// output.Dir links it from the destination, output.Memory carries it
	// over from its current Tree. It reports false, publishing nothing,
	// when the Target no longer has the file as it was published.
	Reuse(name string, stamp output.Stamp) (bool, error)

	// Update begins a build that changes the last commit instead of
	// replacing it, and reports whether the Target can: after it, every
	// file of the last commit stays unless written again or named to
	// Remove (output.Memory). A Target that reports false (output.Dir,
	// which starts every build from nothing) is given every file.
	Update() bool
	Remove(name string) error

	Commit() error
	Abort() error

	// Stamps tells, after Commit, how each file the Target published
	// looks now, so that the next build can tell whether anything
	// touched it (output.Dir). A Target whose files nothing else can
	// change (output.Memory) returns nil.
	Stamps() map[string]output.Stamp
}

// The two Targets of the commands.
var (
	_ Target = (*output.Dir)(nil)
	_ Target = (*output.Memory)(nil)
)

// Build builds the site described by opts into opts.Dest: a Builder used
// once. See the package comment for the steps and the error contract.
func Build(ctx context.Context, opts Options) (*Result, error) {
	b, err := newOnce(opts)
	if err != nil {
		return nil, err
	}
	res, err := b.buildOnce(ctx) // uptodate.go
	b.spill.close()
	return res, err
}

// newOnce returns a Builder for one build (lifetime once), spilling HTML beyond
// the budget (spill.go).
func newOnce(opts Options) (*Builder, error) {
	budget := opts.spillBudget
	if budget == 0 {
		budget = spillBudget
	}
	return newBuilder(opts, once{}, budget)
}

// BuildTo builds the site described by opts into target; opts.Dest is not
// used. The target is committed on success and aborted on any error.
func BuildTo(ctx context.Context, opts Options, target Target) (*Result, error) {
	b, err := New(opts)
	if err != nil {
		return nil, errors.Join(err, target.Abort())
	}
	return b.BuildTo(ctx, nil, target)
}

// publishing is what the build publishes at now.
func (o Options) publishing(now time.Time) content.Publishing {
	return content.Publishing{Drafts: o.Drafts, Future: o.Future, Expired: o.Expired, Now: now}
}
