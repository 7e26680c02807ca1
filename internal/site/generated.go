package site

import (
	"errors"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/searchindex"
)

// generated is an output file that no page template renders: a redirect
// page, _redirects, a feed, a sitemap, robots.txt. Its name is known once
// the model is indexed; its bytes are made by make, which the write step
// runs in parallel with the pages.
type generated struct {
	name  string // output file name: "jobs/feed.xml"
	make  func() ([]byte, error)
	html  bool              // an HTML page, minified with the pages when minify_html is on
	owner string            // what it is, for the error when two outputs share a name
	at    func() diag.Place // the front matter that asked for it; nil when none

	// digest writes everything make reads into h, for the file's
	// dependency key (deps.Keyer.File).
	digest     func(h *deps.Hasher, k *deps.Keyer)
	feed       *model.Feed // the feed it is, if it is one
	fromBodies bool        // made by bodyFiles
	claimOnly  bool        // a name no other output may have, but not written: an alias in _redirects only
}

// bytesOf is a make func for bytes already made.
func bytesOf(data []byte) func() ([]byte, error) {
	return func() ([]byte, error) { return data, nil }
}

// sitemapDigest is the digest func of a sitemap file: what it lists.
func sitemapDigest(sm *generate.Sitemap) func(*deps.Hasher, *deps.Keyer) {
	return func(h *deps.Hasher, _ *deps.Keyer) {
		h.Str("sitemap").Int(int64(sm.Len()))
		sm.Each(func(loc, lastmod string) { h.Str(loc).Str(lastmod) })
	}
}

// digestOf is a digest func for a file whose bytes are made already. It
// holds their digest, not the bytes, which may be spilled (spill.go).
func digestOf(data []byte) func(*deps.Hasher, *deps.Keyer) {
	d := deps.HashBytes(data)
	return func(h *deps.Hasher, _ *deps.Keyer) { h.Digest(d) }
}

// checkFrontMatter reports the front-matter values that the site model
// cannot use: aliases that are not root-relative paths, taxonomy values
// that make no URL.
func checkFrontMatter(cfg *config.Config, sources []*content.Page, locate content.Locator) []error {
	var errs []error
	for _, src := range sources {
		errs = append(errs, generate.CheckAliases(src, locate)...)
		errs = append(errs, checkTerms(cfg, src, locate)...)
	}
	return errs
}

// checkTerms reports the taxonomy values of src that make no URL segment
// ("!!!", ""): every term needs a page of its own.
func checkTerms(cfg *config.Config, src *content.Page, locate content.Locator) []error {
	p := &model.Page{Tags: src.Tags, Skills: src.Skills, Authors: src.Authors, Params: src.Params}
	var errs []error
	for _, name := range cfg.Taxonomies {
		for _, v := range model.TermValues(p, name) {
			if model.TermSlug(v) != "" {
				continue
			}
			errs = append(errs, locate(src, name, v).Errorf("%s: %q has no letter or digit to make the URL of its term page from", name, v))
		}
	}
	return errs
}

// generatedFiles lists every generated output of the model m, whose pages have
// their final URLs: the redirects (aliases and the first
// pager of paginated lists) and _redirects, the feeds, the sitemap,
// robots.txt and the search index (search.go). It returns them sorted by
// name, and the redirects that clash with a page or with each other. Nothing is encoded yet: see generated.
func generatedFiles(cfg *config.Config, m *model.Model, sources []*content.Page, links *model.Linker, locate content.Locator, sitemapLimit int) ([]generated, []error) {
	s, pages := m.Site, m.Pages
	bySource := map[string]*content.Page{}
	for _, src := range sources {
		bySource[src.Path] = src
	}
	redirects := append(generate.Aliases(pages, bySource), generate.PagerRedirects(pages)...)
	errs := generate.CheckRedirects(pages, redirects, locate)
	var files []generated
	for _, r := range redirects {
		if !r.HasPage() {
			// In _redirects only; its name is still claimed, so that an
			// alias onto another output is an error.
			g := generated{name: model.OutputName(r.From), owner: r.Describe(), claimOnly: true}
			if r.Src != nil {
				g.at = func() diag.Place { return locate(r.Src, "aliases", r.Raw) }
			}
			files = append(files, g)
			continue
		}
		g := generated{name: model.OutputName(r.From), html: true, owner: r.Describe(),
			make: func() ([]byte, error) { return r.Page(s.Language) },
			digest: func(h *deps.Hasher, _ *deps.Keyer) {
				h.Str("redirect").Str(s.Language).Str(r.To.Title).Str(r.To.URL).Str(r.To.Permalink)
			}}
		if r.Src != nil { // located only if needed: it reads the file again
			g.at = func() diag.Place { return locate(r.Src, "aliases", r.Raw) }
		}
		files = append(files, g)
	}
	if list := generate.RedirectsList(redirects, links); len(list) > 0 {
		files = append(files, generated{name: generate.RedirectsFile, make: bytesOf(list), digest: digestOf(list), owner: "the list of aliases"})
	}
	for _, f := range m.Feeds {
		files = append(files, generated{name: model.FeedOutput(f), owner: "the feed of " + model.Describe(model.FeedList(f)), feed: f,
			make:   func() ([]byte, error) { return nil, errors.New("a feed is made by the Builder") },
			digest: func(h *deps.Hasher, k *deps.Keyer) { k.Feed(h, f) }})
	}
	for name, sm := range generate.Sitemaps(pages, links, sitemapLimit) {
		files = append(files, generated{name: name, make: sm.Encode, digest: sitemapDigest(sm), owner: "the sitemap"})
	}
	robots := generate.Robots(cfg.Robots, links)
	files = append(files, generated{name: "robots.txt", make: bytesOf(robots), digest: digestOf(robots), owner: "robots.txt"})
	slices.SortFunc(files, func(a, b generated) int { return strings.Compare(a.name, b.name) })
	return files, errs
}

// bodyFiles are the generated files made from the bodies of pages (their
// Content, Summary, Headings …), which the Builder adds to those of
// generatedFiles once it knows every page's digests: an edit of a body makes
// them again (builder.go, patchPlan), while the other generated files,
// made from front matter, stay. A feed is not one: its entries are made
// when it is written.
//
// They may read every field of every page, but not follow a page's
// relations to others (.Parent, .Related …): the Builder makes them again
// when the fields of some page change, not when only the relations do.
// The search index takes the analyses of the pages that did not change
// from an (internal/searchindex).
func bodyFiles(pages []*model.Page, an *searchindex.Analyses) ([]generated, error) {
	files, err := searchFiles(pages, an)
	for i := range files {
		files[i].fromBodies = true
	}
	return files, err
}

// checkOutputs reports every output file name that two outputs claim,
// naming both: a page and a feed, an alias and an asset. Two pages with one
// URL are left to checkURLs, and redirects that clash with pages to
// checkRedirects, which both say where in the content the clash is.
func checkOutputs(pages []*model.Page, files []generated, as *assets.Set) []error {
	type claimant struct {
		what, kind string
		at         func() diag.Place // nil when it has no place in a file
	}
	owners := map[string]claimant{}
	var errs []error
	claim := func(name string, c claimant) {
		first, taken := owners[name]
		switch {
		case !taken:
			owners[name] = c
		case first.kind == "page" && c.kind == "page",
			c.kind == "redirect" && (first.kind == "page" || first.kind == "redirect"):
			// reported by checkURLs and checkRedirects
		default:
			a, b := c, first // a: the one with a place to report at
			if a.at == nil {
				a, b = b, a
			}
			var at diag.Place
			if a.at != nil {
				at = a.at()
			}
			errs = append(errs, at.Errorf("%s and %s are both written to %s", a.what, b.what, name))
		}
	}
	for _, p := range pages {
		c := claimant{what: model.Describe(p), kind: "page"}
		if p.File != "" {
			c.at = func() diag.Place { return model.Where(p) }
		}
		claim(model.OutputOf(p), c)
		for _, r := range p.Resources {
			at := diag.Place{File: model.ResourceSource(r)}
			claim(model.ResourceOutput(r), claimant{what: "the resource " + model.ResourceSource(r), kind: "resource",
				at: func() diag.Place { return at }})
		}
	}
	for _, f := range files {
		c := claimant{what: f.owner, kind: "file", at: f.at}
		if f.html || f.claimOnly { // redirect pages, and aliases in _redirects only
			c.kind = "redirect"
		}
		claim(f.name, c)
	}
	for _, name := range as.Names() {
		at := diag.Place{File: "assets/" + name, Line: 1, Col: 1}
		claim(as.File(name).Out, claimant{what: "the asset assets/" + name, kind: "asset", at: func() diag.Place { return at }})
	}
	return errs
}
