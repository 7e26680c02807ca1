package convert

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/model"
)

// This file is the page lookup of shortcodes: .Site.GetPage. Shortcodes
// run as bodies are converted, before the model exists, so the pages
// they can look up are made from the parsed pages of the build (the
// published ones), with what is known before any body is converted:
// path, URLs, front matter, career data and whether a job's posting is
// open at the build's time. No summary, content or reading time: those
// come from the conversions the shortcodes are part of.
//
// The lookup's digest (pageLookup.digest) is what a conversion key hashes
// for a shortcode that mentions Site (shortcodeKey): every field a
// lookupPage holds is derived from what it hashes.

// lookupPage is a page as .Site.GetPage returns it to a shortcode. Its
// fields have the names and meanings of the model's Page fields
// (docs/templates.md), so that a template reads the same in both.
type lookupPage struct {
	File        string // "content/jobs/back-end-developer.md"
	Type        string // job, role, certification or article; "" for a section's _index.md
	Title       string
	Description string
	Date        time.Time
	Updated     time.Time
	Lastmod     time.Time // Updated, else Date
	URL         string    // root-relative, with the base path
	Permalink   string    // absolute
	Params      map[string]any

	Job           *career.Job
	Role          *career.Role
	Certification *career.Certification
	PostingOpen   bool // a job's posting takes applications at build time
	PostingClosed bool // a job's posting is past its valid_through at build time
}

// pageLookup finds the published pages of a build by content path or URL.
// Its digests are made at once, for the keys of conversions; its pages
// only when a shortcode first looks one up (index): most sites have no
// shortcode that does, and at 100,000 pages the index held through the
// build is 50 MB that the collector marks again and again.
type pageLookup struct {
	srcs []Source
	l    *model.Linker
	now  time.Time

	// The digest of each page, in the order of the pages given, found by
	// path, and of them all.
	parts  []deps.Digest
	byPath map[string]int
	d      deps.Digest

	once  sync.Once
	byKey map[string]*lookupPage // "jobs/x.md" and "/jobs/x/" → the page
	files []string               // "jobs/x.md", sorted: for did-you-mean
	urls  []string               // "/jobs/x/", sorted: for did-you-mean
}

// newPageLookup makes the lookup of the published pages srcs, their
// links made by l and their posting state taken at now.
func newPageLookup(srcs []Source, l *model.Linker, now time.Time) *pageLookup {
	pl := &pageLookup{srcs: slices.Clone(srcs), l: l, now: now, parts: make([]deps.Digest, len(srcs)), byPath: make(map[string]int, len(srcs))}
	for i, s := range srcs {
		pl.byPath[s.Path] = i
		pl.set(i, s)
	}
	pl.sum()
	return pl
}

// set makes the digest of src, the i-th page, and its page when the
// pages are made already.
func (pl *pageLookup) set(i int, s Source) {
	p := s.Page
	pl.srcs[i] = s
	// The front matter's bytes cover every field but the posting state,
	// which time changes.
	pl.parts[i] = deps.NewHasher().Str(s.Path).Str(p.URL).Digest(s.FrontMatter).Bool(p.Career.Job.PostingOpen(pl.now)).Bool(p.Career.Job.PostingClosed(pl.now)).Sum()
	if pl.byKey != nil {
		lp := pl.page(s)
		pl.byKey[strings.TrimPrefix(p.Path, "content/")], pl.byKey[p.URL] = lp, lp
	}
}

// page makes the lookup's page of src.
func (pl *pageLookup) page(s Source) *lookupPage {
	p := s.Page
	lp := &lookupPage{File: p.Path, Type: p.Kind, Title: p.Title, Description: p.Description,
		Date: p.Date, Updated: p.Updated, Lastmod: p.Date, URL: pl.l.Rel(p.URL), Permalink: pl.l.Abs(p.URL),
		Params: p.Params, Job: p.Career.Job, Role: p.Career.Role, Certification: p.Career.Certification,
		PostingOpen: p.Career.Job.PostingOpen(pl.now), PostingClosed: p.Career.Job.PostingClosed(pl.now)}
	if !p.Updated.IsZero() {
		lp.Lastmod = p.Updated
	}
	return lp
}

// index makes the pages of the lookup, once.
func (pl *pageLookup) index() {
	pl.byKey = make(map[string]*lookupPage, 2*len(pl.srcs))
	for _, s := range pl.srcs {
		lp := pl.page(s)
		file := strings.TrimPrefix(s.Page.Path, "content/")
		pl.byKey[file], pl.byKey[s.Page.URL] = lp, lp
		pl.files, pl.urls = append(pl.files, file), append(pl.urls, s.Page.URL)
	}
	slices.Sort(pl.files)
	slices.Sort(pl.urls)
}

// sum makes the digest of every page's.
func (pl *pageLookup) sum() {
	h := deps.NewHasher().Str("pages")
	for _, d := range pl.parts {
		h.Digest(d)
	}
	pl.d = h.Sum()
}

// replace makes the page of src anew, which must have the path of a
// page of the lookup, and its URL or one no other page of it has; it
// reports whether it had.
func (pl *pageLookup) replace(src Source) bool {
	if pl == nil {
		return false
	}
	i, ok := pl.byPath[src.Path]
	if !ok {
		return false
	}
	if old, cur := pl.srcs[i].Page.URL, src.Page.URL; old != cur {
		if slices.ContainsFunc(pl.srcs, func(s Source) bool { return s.Page.URL == cur }) {
			return false
		}
		if pl.byKey != nil {
			delete(pl.byKey, old)
			if at, found := slices.BinarySearch(pl.urls, old); found {
				pl.urls = slices.Delete(pl.urls, at, at+1)
			}
			at, _ := slices.BinarySearch(pl.urls, cur)
			pl.urls = slices.Insert(pl.urls, at, cur)
		}
	}
	pl.set(i, src)
	pl.sum()
	return true
}

// digest is the digest of everything the lookup's pages hold.
func (pl *pageLookup) digest() deps.Digest { return pl.d }

// get returns the page at ref: a file under content/ ("jobs/x.md",
// "/jobs/x.md", "content/jobs/x.md") or a site URL ("/jobs/x/", "/jobs/x",
// "jobs/x/"). A page that is not there is an error with a did-you-mean.
func (pl *pageLookup) get(ref string) (*lookupPage, error) {
	if pl == nil {
		return nil, fmt.Errorf("no page %q: pages are not known yet", ref)
	}
	pl.once.Do(pl.index)
	pl.once.Do(pl.index)
	key, known := lookupKey(ref), pl.urls
	if strings.HasSuffix(key, ".md") {
		known = pl.files
	}
	if p := pl.byKey[key]; p != nil {
		return p, nil
	}
	msg := fmt.Sprintf("no page %q", ref)
	var fix *diag.Fix
	if s := decode.Suggest(key, known); s != "" {
		msg, fix = diag.DidYouMean(msg, ref, s)
	} else {
		msg += " among the published pages (a draft, a future or an expired page is not one)"
	}
	return nil, &diag.Error{Msg: msg, Fix: fix}
}

// lookupKey is the key of ref in pageLookup.byKey: a content file
// without "content/" and a leading slash, or a URL with a slash at both
// ends.
func lookupKey(ref string) string {
	ref = strings.TrimSpace(ref)
	if strings.HasSuffix(ref, ".md") {
		return strings.TrimPrefix(strings.TrimPrefix(ref, "/"), "content/")
	}
	if !strings.HasPrefix(ref, "/") {
		ref = "/" + ref
	}
	if !strings.HasSuffix(ref, "/") {
		ref += "/"
	}
	return ref
}

// GetPage is .Site.GetPage in a shortcode: the published page at ref, a
// file under content/ ("jobs/back-end-developer.md") or a URL
// ("/jobs/back-end-developer/"). Unlike Hugo's, a page that is not
// there is an error, with a did-you-mean, which fails the shortcode at
// its place: a reference to a page is a promise that it exists.
func (s *shortcodeSite) GetPage(ref string) (*lookupPage, error) {
	return s.pages.get(ref)
}
