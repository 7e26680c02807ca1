// Package linkrecord keeps what checking each page's links found, from one
// build to the next, so that a build after a small change checks again
// only the pages whose result may differ.
//
// What links.Site.CheckPage finds on a page depends on the page's file and
// URL, on its links (destination, line and column) and, for each link, on
// the output names it is looked up under (links.Ref.Candidates): whether
// the site has each and which ids it has. A Record holds, for every page
// checked, a digest of the first two, the names its links were looked up
// under and the broken links found; and, for every name looked up, a
// digest of what the site had under it (nothing, a file that is not HTML,
// or an HTML file and its ids). Check checks a page again when its digest
// is not the record's or when any of its names no longer holds what the
// record says, and otherwise reports the broken links the record holds.
// The result is always the one of checking every page: a record tells
// only what was checked and against what, never which build made it, so an
// old or foreign record is less useful, never wrong.
//
// Encode and Decode turn a Record into the bytes of a cache entry and
// back; Kept keeps the Record of a destination in the persistent cache
// from one build to the next.
package linkrecord

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"

	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/parallel"
)

// A Record is what one Check found, page by page. The zero Record (or nil)
// knows no page.
type Record struct {
	pages map[pageKey]*pageResult
	names map[string]digest // what the site had under each name looked up
}

// pageKey names a page: a source file may give several (one per language).
type pageKey struct{ file, url string }

type digest = [sha256.Size]byte

// pageResult is what checking one page found.
type pageResult struct {
	links    digest   // of the page's links (linksDigest)
	lookedUp []string // the output names its links were looked up under
	broken   []links.Broken
}

// Check returns the broken links of pages against site, in the order of
// pages and of their links (as links.Broken.Problem), and the record of
// this check. A page's result is taken from prev when prev checked the same
// links on it against the same files (see the package comment); the
// other pages are checked on every core. A nil page is skipped. The
// record returned is prev itself when prev holds all there is to know, so
// that a caller can tell there is nothing new to keep. site must not
// change meanwhile, and no page may be checked by two calls at once.
func Check(prev *Record, site *links.Site, pages []*links.Page) ([]error, *Record) {
	unchanged := prev.unchangedNames(site)
	results := make([]*pageResult, len(pages))
	fresh := make([]bool, len(pages))
	parallel.For(len(pages), func(lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			p := pages[i]
			if p == nil {
				continue
			}
			var d digest
			buf, d = linksDigest(buf[:0], p)
			if r := prev.result(p); r != nil && r.links == d && allIn(r.lookedUp, unchanged) {
				results[i] = r
				continue
			}
			broken, lookedUp := site.CheckPage(p)
			r := &pageResult{links: d, lookedUp: slices.Compact(lookedUp), broken: make([]links.Broken, len(broken))}
			for j, b := range broken {
				r.broken[j] = *b
			}
			results[i], fresh[i] = r, true
		}
	})
	next := &Record{pages: make(map[pageKey]*pageResult, len(pages)), names: map[string]digest{}}
	var found []error
	anyFresh := false
	for i, r := range results {
		if r == nil {
			continue
		}
		next.pages[pageKey{pages[i].File, pages[i].URL}] = r
		anyFresh = anyFresh || fresh[i]
		for _, name := range r.lookedUp {
			if _, done := next.names[name]; done {
				continue
			}
			if fresh[i] {
				next.names[name] = nameDigest(site, name)
			} else {
				next.names[name] = prev.names[name] // unchanged: as the site has it now
			}
		}
		for j := range r.broken {
			found = append(found, r.broken[j].Problem())
		}
	}
	if !anyFresh && prev != nil && len(next.pages) == len(prev.pages) && len(next.names) == len(prev.names) {
		// Every page's result is prev's, and prev has no other page:
		// prev is this check's record.
		return found, prev
	}
	return found, next
}

// result returns what r found on p's page, or nil.
func (r *Record) result(p *links.Page) *pageResult {
	if r == nil {
		return nil
	}
	return r.pages[pageKey{p.File, p.URL}]
}

// unchangedNames returns the names r looked up that site has as r saw
// them.
func (r *Record) unchangedNames(site *links.Site) map[string]bool {
	if r == nil {
		return nil
	}
	names := make([]string, 0, len(r.names))
	for name := range r.names {
		names = append(names, name)
	}
	same := make([]bool, len(names))
	parallel.For(len(names), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			same[i] = nameDigest(site, names[i]) == r.names[names[i]]
		}
	})
	unchanged := make(map[string]bool, len(names))
	for i, name := range names {
		if same[i] {
			unchanged[name] = true
		}
	}
	return unchanged
}

func allIn(names []string, set map[string]bool) bool {
	for _, n := range names {
		if !set[n] {
			return false
		}
	}
	return true
}

// linksDigest returns the digest of p's file, URL and links, made in buf,
// which it returns for the next page.
func linksDigest(buf []byte, p *links.Page) ([]byte, digest) {
	buf = appendString(buf, p.File)
	buf = appendString(buf, p.URL)
	for _, l := range p.Links {
		buf = appendString(buf, l.Dest)
		buf = binary.AppendUvarint(buf, uint64(l.Line))
		buf = binary.AppendUvarint(buf, uint64(l.Col))
	}
	return buf, sha256.Sum256(buf)
}

// nameDigest returns the digest of what site has under name: nothing, a
// file that is not HTML, or an HTML file with its ids.
func nameDigest(site *links.Site, name string) digest {
	ids, ok := site.File(name)
	var buf []byte
	switch {
	case !ok:
		buf = []byte{0}
	case ids == nil:
		buf = []byte{1}
	default:
		buf = []byte{2}
		for _, id := range ids {
			buf = appendString(buf, id)
		}
	}
	return sha256.Sum256(buf)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}
