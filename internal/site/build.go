// Package site is the site model and the build pipeline.
//
// Build turns a site folder into its output, all or nothing:
//
//  1. site.yaml is decoded (config.Load); --base-url replaces its base_url.
//  2. content/**/*.md is loaded in parallel (content.LoadAll); pages with
//     problems are reported and left out.
//  3. Drafts, pages whose publish_date (else date) is after Options.Now and
//     pages whose expiry_date has passed are left out unless Options ask for
//     them.
//  4. Each page's Markdown is converted once, in parallel (markdown.Convert).
//  5. The model is indexed: the home page, one section per first-level
//     folder of content/ (from its _index.md, or made up when it has none),
//     the regular pages, a taxonomy page and term pages for each taxonomy of
//     site.yaml that pages use (taxonomy.go), and the pagers of section and
//     term lists longer than page_size (paginate.go). Two pages with one URL
//     are an error.
//  6. The outputs that are not templates are made from the model: redirect
//     pages for aliases and for "/page/1/", _redirects (alias.go), Atom
//     feeds (feed.go), the sitemap and robots.txt (sitemap.go). An alias
//     that is a page's URL, or any two outputs with one file name, are
//     errors.
//  7. Templates are parsed from the site's layouts/ over the theme's
//     (render.New) and every page is rendered in parallel into a temporary
//     directory, with the generated files and the assets (site files over
//     theme files, and the generated css/syntax.css; CSS and JavaScript
//     minified and fingerprinted, assets.go). With minify_html every HTML
//     page is minified.
//  8. The links written in Markdown are checked against what was written
//     (internal/links); with broken_links: warn a broken one is a warning in
//     Result, not an error.
//  9. Only when every step succeeded is the temporary directory swapped in
//     for the destination.
//
// Every error caused by a user's file is collected across all steps that can
// run, sorted by path, line and column, and returned joined; nothing is
// written then and the previous output stays as it was.
package site

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/render"
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

	sitemapLimit int // URLs per sitemap file; 0 means 50,000. Tests lower it.
}

// Result counts what a successful build wrote.
type Result struct {
	Pages int // HTML pages
	Files int // every file, pages included

	// Warnings are problems that did not stop the build, sorted like
	// errors: "content/roles/x.md:41:7: link "/jobs/nope/" points to no
	// page" when site.yaml has broken_links: warn.
	Warnings []string
}

// Target receives a build's files. Nothing it holds is visible until Commit;
// Abort discards everything. output.Dir is the Target of `build`; the
// preview server keeps its output in memory.
type Target interface {
	WriteFile(name string, data []byte) error
	Commit() error
	Abort() error
}

// Build builds the site described by opts into opts.Dest. See the package
// comment for the steps and the error contract.
func Build(ctx context.Context, opts Options) (*Result, error) {
	dest := opts.Dest
	if dest == "" {
		dest = filepath.Join(opts.Source, "public")
	}
	s, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	out, err := output.NewDir(dest)
	if err != nil {
		return nil, err
	}
	return s.write(ctx, out)
}

// BuildTo builds the site described by opts into target; opts.Dest is not
// used. The target is committed on success and aborted on any error.
func BuildTo(ctx context.Context, opts Options, target Target) (*Result, error) {
	s, err := load(ctx, opts)
	if err != nil {
		return nil, errors.Join(err, target.Abort())
	}
	return s.write(ctx, target)
}

// loaded is a site that is ready to be written.
type loaded struct {
	site     *Site
	pages    []*Page // every page to render, the 404 page included
	renderer *render.Renderer
	assets   *assets

	files     []generated      // redirects, feeds, sitemap, robots.txt: sorted by name
	minify    *output.Minifier // minifies the HTML pages; nil unless minify_html
	warnLinks bool             // broken_links: warn
	warnings  []error          // found while loading: stale data, closed postings, long descriptions
}

func load(ctx context.Context, opts Options) (*loaded, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	siteFS := os.DirFS(opts.Source)
	cfg, err := config.Load(siteFS)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return nil, fmt.Errorf("--base-url: %w", err)
		}
	}
	var problems []error
	all, err := content.LoadAll(ctx, siteFS, cfg)
	sources, broken := valid(all)
	problems = append(problems, flatten(err)...)
	sources = published(sources, opts)

	converted, errs := convert(ctx, sources, cfg)
	problems = append(problems, errs...)

	links, err := newLinker(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	locate := newLocator(siteFS)
	problems = append(problems, checkFrontMatter(cfg, sources, locate)...)
	site, pages, errs := index(cfg, links, sources, converted)
	problems = append(problems, errs...)
	// The references of pages with errors of their own are checked too,
	// so that one run reports every mistake.
	problems = append(problems, checkReferences(published(all, opts), pages, broken)...)
	resolveRefs(pages)
	problems = append(problems, structuredData(site, pages, opts.Now)...)
	files, errs := generate(cfg, site, pages, sources, links, locate, opts.sitemapLimit)
	problems = append(problems, errs...)

	minifier := output.NewMinifier()
	as, err := loadAssets(ctx, siteFS, opts.Theme, links, minifier)
	problems = append(problems, flatten(err)...)
	problems = append(problems, checkOutputs(pages, files, as)...)
	renderer, err := render.New(siteFS, opts.Theme, funcs(links, as))
	problems = append(problems, flatten(err)...)

	warnings := careerWarnings(sources, opts.Now, cfg)
	if len(problems) > 0 {
		return nil, failed(joinSorted(problems), warnings)
	}
	l := &loaded{site: site, pages: pages, renderer: renderer, assets: as, files: files,
		warnings:  warnings,
		warnLinks: cfg.BrokenLinks == config.BrokenLinksWarn}
	if cfg.MinifyHTML {
		l.minify = minifier
	}
	return l, nil
}

// valid splits loaded pages into those without problems and the URLs (with
// their kinds) of those with problems, which are already reported: a
// reference to a broken page is not reported again as a dangling one.
func valid(pages []*content.Page) ([]*content.Page, map[string]string) {
	var ok []*content.Page
	broken := map[string]string{}
	for _, p := range pages {
		if p.Invalid {
			broken[p.URL] = p.Kind
			continue
		}
		ok = append(ok, p)
	}
	return ok, broken
}

// published keeps the pages that this build publishes. Section and home
// front matter (_index.md) is always kept.
func published(pages []*content.Page, opts Options) []*content.Page {
	var kept []*content.Page
	for _, p := range pages {
		if p.IsIndex || isPublished(p.FrontMatter, opts) {
			kept = append(kept, p)
		}
	}
	return kept
}

func isPublished(fm content.FrontMatter, opts Options) bool {
	if fm.Draft && !opts.Drafts {
		return false
	}
	publish := fm.PublishDate
	if publish.IsZero() {
		publish = fm.Date
	}
	if publish.After(opts.Now) && !opts.Future {
		return false
	}
	if !fm.ExpiryDate.IsZero() && !fm.ExpiryDate.After(opts.Now) && !opts.Expired {
		return false
	}
	return true
}

// convert renders every page's Markdown, in parallel; the results line up
// with pages.
func convert(ctx context.Context, pages []*content.Page, cfg *config.Config) ([]*markdown.Result, []error) {
	conv := markdown.New(markdown.Options{
		UnsafeHTML:  cfg.Markdown.UnsafeHTML,
		Typographer: cfg.Markdown.Typographer,
		BasePath:    cfg.BasePath(),
	})
	results := make([]*markdown.Result, len(pages))
	var (
		mu       sync.Mutex
		problems []error
	)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range pages {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			res, err := conv.Convert(p.Body, p.BodyLine)
			results[i] = res
			if err != nil {
				mu.Lock()
				for _, e := range flatten(err) {
					problems = append(problems, fmt.Errorf("%s:%w", p.Path, e))
				}
				mu.Unlock()
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		problems = append(problems, err)
	}
	return results, problems
}

// funcs are the template functions that need the site: URLs and assets.
func funcs(links *linker, as *assets) template.FuncMap {
	return template.FuncMap{
		"relURL":  links.rel,
		"absURL":  links.abs,
		"asset":   as.lookup,
		"slugify": content.Slugify,
		// careerPathSVG draws a role guide's career path: {{ careerPathSVG .Role.CareerPath }}.
		"careerPathSVG": career.PathSVG,
	}
}

// linker turns site paths into URLs under the site's base URL.
type linker struct {
	origin   string // "https://example.org"
	basePath string // "/careers/"
}

func newLinker(baseURL string) (*linker, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("base_url: %w", err)
	}
	base := u.Path
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return &linker{origin: u.Scheme + "://" + u.Host, basePath: base}, nil
}

// rel gives the root-relative URL of a site path ("/jobs/" → "/careers/jobs/").
// Absolute URLs, fragments and scheme-relative URLs are returned unchanged.
func (l *linker) rel(p string) string {
	if isExternal(p) || strings.HasPrefix(p, "#") {
		return p
	}
	return l.basePath + strings.TrimPrefix(p, "/")
}

// abs gives the absolute URL of a site path.
func (l *linker) abs(p string) string {
	if isExternal(p) {
		return p
	}
	return l.origin + l.rel(p)
}

func isExternal(p string) bool {
	if strings.HasPrefix(p, "//") {
		return true
	}
	u, err := url.Parse(p)
	return err == nil && u.Scheme != ""
}

// flatten turns an errors.Join tree into its leaves.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}
