package generate

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/model"
)

// A File is an output file that no page template renders: a redirect
// page, _redirects, a feed, a sitemap, robots.txt, a social card, the
// search index. Its name is known once the model is indexed; its bytes are
// made by Make, which the pipeline runs in parallel with the pages when
// the file's dependency key changed.
type File struct {
	Name  string // output file name: "jobs/feed.xml"
	Make  func() ([]byte, error)
	HTML  bool              // an HTML page, minified with the pages when minify_html is on
	Owner string            // what it is, for the error when two outputs share a name
	At    func() diag.Place // the front matter that asked for it; nil when none

	// Digest writes everything Make reads into h, for the file's
	// dependency key (deps.Keyer.File).
	Digest     func(h *deps.Hasher, k *deps.Keyer)
	Feed       *model.Feed // the feed it is, if it is one: the pipeline makes it from its entries (Feed, Entry)
	Sitemap    *Sitemap    // the sitemap file it is, if it is one (RedatedSitemaps)
	RedirectTo *model.Page // the page a redirect page leads to, whose title and URLs it shows
	FromBodies bool        // made from the bodies of pages (Content, Summary, Headings …), not only front matter: the search index
	ClaimOnly  bool        // a name no other output may have, but not written: an alias in _redirects only
	Opaque     bool        // holds nothing a check reads (no link, no id, no error Make alone finds): a build that keeps no output does not make it
}

// BytesOf is a Make func for bytes already made.
func BytesOf(data []byte) func() ([]byte, error) {
	return func() ([]byte, error) { return data, nil }
}

// sitemapDigest is the digest func of a sitemap file: what it lists.
func sitemapDigest(sm *Sitemap) func(*deps.Hasher, *deps.Keyer) {
	return func(h *deps.Hasher, _ *deps.Keyer) {
		h.Str("sitemap").Int(int64(sm.Len()))
		for _, u := range sm.urls {
			h.Str(u.Loc).Str(u.Lastmod).Int(int64(len(u.Alternates)))
			for _, a := range u.Alternates {
				h.Str(a.HrefLang).Str(a.Href)
			}
		}
	}
}

// DigestOf is a Digest func for a file whose bytes are made already. It
// holds their digest, not the bytes, which the pipeline may keep on disk
// (internal/spill).
func DigestOf(data []byte) func(*deps.Hasher, *deps.Keyer) {
	return Digested(deps.HashBytes(data))
}

// Digested is DigestOf the bytes whose deps.HashBytes is d, for a maker
// that hashed them already.
func Digested(d deps.Digest) func(*deps.Hasher, *deps.Keyer) {
	return func(h *deps.Hasher, _ *deps.Keyer) { h.Digest(d) }
}

// Files lists the outputs of the model m that are made from front matter,
// whose pages have their final URLs: the redirects (aliases and the first
// pager of paginated lists) and _redirects, the feeds, the sitemap and
// robots.txt. It returns them sorted by name, and the redirects that clash
// with a page or with each other. Nothing is encoded yet: see File. The
// social cards (Cards) and the search index (internal/searchindex) are
// the pipeline's to add.
func Files(cfg *config.Config, m *model.Model, sources []*content.Page, links *model.Linker, locate content.Locator, sitemapLimit int) ([]File, []error) {
	s, pages := m.Site, m.Pages
	redirects := Redirects(m, sources)
	errs := CheckRedirects(pages, redirects, locate)
	var files []File
	for _, r := range redirects {
		if !r.HasPage() {
			// In _redirects only; its name is still claimed, so that an
			// alias onto another output is an error.
			g := File{Name: model.OutputName(r.From), Owner: r.Describe(), ClaimOnly: true}
			if r.Src != nil {
				g.At = func() diag.Place { return locate(r.Src, "aliases", r.Raw) }
			}
			files = append(files, g)
			continue
		}
		g := File{Name: model.OutputName(r.From), HTML: true, Owner: r.Describe(), RedirectTo: r.To,
			Make: func() ([]byte, error) { return r.Page(s.Language) },
			Digest: func(h *deps.Hasher, _ *deps.Keyer) {
				h.Str("redirect").Str(s.Language).Str(r.To.Title).Str(r.To.URL).Str(r.To.Permalink)
			}}
		if r.Src != nil { // located only if needed: it reads the file again
			g.At = func() diag.Place { return locate(r.Src, "aliases", r.Raw) }
		}
		files = append(files, g)
	}
	if f, ok := RedirectsListFile(redirects, links); ok {
		files = append(files, f)
	}
	for _, f := range m.Feeds {
		files = append(files, File{Name: model.FeedOutput(f), Owner: "the feed of " + model.Describe(model.FeedList(f)), Feed: f,
			Make:   func() ([]byte, error) { return nil, errors.New("a feed is made by the Builder") },
			Digest: func(h *deps.Hasher, k *deps.Keyer) { k.Feed(h, f) }})
	}
	files = append(files, SitemapFiles(m.Sites, pages, links, sitemapLimit)...)
	robots := Robots(cfg.Robots, links)
	files = append(files, File{Name: "robots.txt", Make: BytesOf(robots), Digest: DigestOf(robots), Owner: "robots.txt"})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return files, errs
}

// Redirects are the redirects of the model m of the published sources:
// the aliases, the first pagers of paginated lists and the root's.
func Redirects(m *model.Model, sources []*content.Page) []*Redirect {
	bySource := make(map[string]*content.Page, len(sources))
	for _, src := range sources {
		bySource[src.Path] = src
	}
	redirects := append(Aliases(m.Pages, bySource), PagerRedirects(m.Pages)...)
	if r := RootRedirect(m); r != nil {
		redirects = append(redirects, r)
	}
	return redirects
}

// RedirectsListFile is the file that lists redirects for static hosts
// (RedirectsFile), and whether there is one: not without redirects.
func RedirectsListFile(redirects []*Redirect, links *model.Linker) (File, bool) {
	list := RedirectsList(redirects, links)
	if len(list) == 0 {
		return File{}, false
	}
	return File{Name: RedirectsFile, Make: BytesOf(list), Digest: DigestOf(list), Owner: "the list of aliases"}, true
}

// SitemapFiles are the sitemap files of pages, the pages of the sites of
// a model (Sitemaps, or LanguageSitemaps on a site of several languages),
// sorted by name. When the pipeline patches the dates of pages in a
// model, it makes again those whose dates changed (RedatedSitemaps); when
// it makes or drops pages (model.Retag's term pages), it makes them all
// again with this.
func SitemapFiles(sites []*model.Site, pages []*model.Page, links *model.Linker, limit int) []File {
	var sitemaps map[string]*Sitemap
	if len(sites) > 1 {
		sitemaps = LanguageSitemaps(sites, pages, links, limit)
	} else {
		sitemaps = Sitemaps(pages, links, limit)
	}
	var files []File
	for _, name := range slices.Sorted(maps.Keys(sitemaps)) {
		files = append(files, sitemapFileOf(name, sitemaps[name]))
	}
	return files
}

// sitemapFileOf is the File of sm, the sitemap file name.
func sitemapFileOf(name string, sm *Sitemap) File {
	// Opaque: its URLs are absolute and every one is a page's, it has no
	// ids, and encoding/xml fails on none of its strings.
	return File{Name: name, Make: sm.Encode, Digest: sitemapDigest(sm), Owner: "the sitemap", Opaque: true, Sitemap: sm}
}

// RedatedSitemaps returns the sitemap files among files whose lastmods
// changed since they were made, made again: what Files would make
// of their pages now. The pages must be those they were made of, patched
// in place in nothing a sitemap lists but their dates (model.Patchable:
// the same pages, URLs, lists and order). It costs a look at each URL,
// and its date written out only where it changed: a keystroke in a page's
// date does not list every page again.
func RedatedSitemaps(files []File) []File {
	r := &redater{done: map[*Sitemap]*Sitemap{}, lists: map[*model.Page]time.Time{}}
	var again []File
	for _, f := range files {
		if f.Sitemap == nil {
			continue
		}
		if sm := r.redate(f.Sitemap); sm != f.Sitemap {
			again = append(again, sitemapFileOf(f.Name, sm))
		}
	}
	return again
}

// CheckOutputs reports every output file name that two outputs claim,
// naming both: a page and a feed, an alias and an asset, a page's resource
// and a generated file. Two pages with one URL are left to model.Index,
// and redirects that clash with pages to CheckRedirects, which both say
// where in the content the clash is.
func CheckOutputs(pages []*model.Page, files []File, as *assets.Set) []error {
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
			// reported by model.Index and CheckRedirects
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
		c := claimant{what: f.Owner, kind: "file", at: f.At}
		if f.HTML || f.ClaimOnly { // redirect pages, and aliases in _redirects only
			c.kind = "redirect"
		}
		claim(f.Name, c)
	}
	for _, name := range as.Names() {
		at := diag.Place{File: "assets/" + name, Line: 1, Col: 1}
		claim(as.File(name).Out, claimant{what: "the asset assets/" + name, kind: "asset", at: func() diag.Place { return at }})
	}
	return errs
}
