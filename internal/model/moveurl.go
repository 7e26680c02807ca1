package model

import (
	"slices"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/content"
)

// This file moves a regular page of a model to another URL in place,
// when its slug or url changed (Moves): the page's URL, permalink, site
// path and output file are then those Index would give it. Nothing else
// of the model names a page by its URL but what CanMove refuses: another
// page's URL or file, a career page's reference (resolveRefs), the URLs
// of a page's resources; the lists compare URLs last (byDate), and
// MoveURL says when the move changes an order, for Reorder to sort the
// lists that hold the page again. What the pipeline made of the URL
// besides the model it must make again: the page's output and its
// social card's file (named after its site path), the sitemap, the
// feeds' entries, the redirect pages to it and the list of redirects,
// the search index; and the links of other pages to the old URL are
// broken now, which the link check finds.

// Moves reports whether src, a parse of the file of page p such that
// Patchable, gives p another URL.
func Moves(p *Page, src *content.Page) bool {
	return !src.IsIndex && src.URL != p.sitePath
}

// CanMove reports whether MoveURL can give p, a page of the model of
// pages, the URL of src (Moves): p is a regular page without resources
// (their URLs are below its); no other page has the URL or is written to
// its file, which taken, the other outputs' files, does not hold either;
// and no career page's reference names the page's URL, before or after
// (references resolve by URL: a page would gain or lose a related page,
// or a reference break).
func CanMove(pages []*Page, p *Page, src *content.Page, taken func(output string) bool) bool {
	if p.Kind != KindPage || len(p.Resources) > 0 {
		return false
	}
	out := OutputName(src.URL)
	if taken(out) {
		return false
	}
	for _, q := range pages {
		if q != p && (q.sitePath == src.URL || q.out == out) {
			return false
		}
		if refersTo(q, p.sitePath) || refersTo(q, src.URL) {
			return false
		}
	}
	return true
}

// refersTo reports whether a reference of career page q names the site
// path u.
func refersTo(q *Page, u string) bool {
	names := func(refs []career.Ref) bool {
		return slices.ContainsFunc(refs, func(r career.Ref) bool { return refPath(r.URL) == u })
	}
	switch {
	case q.Job != nil:
		return names(q.Job.RelatedRoles)
	case q.Role != nil:
		return names(q.Role.RelatedRoles) || names(q.Role.RelatedCertifications)
	case q.Certification != nil:
		return names(q.Certification.Alternatives)
	}
	return false
}

// MoveURL gives p, a page of the model of pages, the URL of src, such
// that CanMove, its links made by links. It reports whether p compares
// with every other page as it did in each order lists sort pages in
// (KeepsOrder): when not, the lists that hold it must be sorted again
// (Reorder).
func MoveURL(links *Linker, pages []*Page, p *Page, src *content.Page) bool {
	after := *p
	after.URL = links.Rel(src.URL)
	keeps := keepsOrder(pages, p, &after)
	p.sitePath, p.out = src.URL, OutputName(src.URL)
	p.URL, p.Permalink = after.URL, links.Abs(src.URL)
	return keeps
}
