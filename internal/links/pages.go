package links

import (
	"slices"

	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/parallel"
)

// A Page is the Markdown links of one page, kept by a build that checks
// them again and again: they are resolved against the page's URL once,
// the first time CheckPage checks them, and kept for as long as the
// caller keeps the Page (while the page's links are the same slice:
// Same).
type Page struct {
	File  string          // the page's Markdown file, where a broken link is reported
	URL   string          // the page's site path ("/roles/x/"), relative links are resolved against it
	Links []markdown.Link // as the Markdown converter found them
	refs  []Ref           // Links resolved, once checked
}

// Same reports whether links is the slice p holds (not merely equal
// links: a page converted again has new ones).
func (p *Page) Same(links []markdown.Link) bool {
	a := p.Links
	return len(a) == len(links) && (len(a) == 0 || &a[0] == &links[0])
}

// CheckPage returns the broken links of p, in the order of its links,
// and the output names they were looked up under (Ref.Candidates), link
// after link: what the result depends on besides p. s must not change
// meanwhile, and p must not be checked by two calls at once.
func (s *Site) CheckPage(p *Page) (broken []*Broken, lookedUp []string) {
	p.resolve()
	for j, l := range p.Links {
		r := p.refs[j]
		lookedUp = append(lookedUp, r.candidates...)
		if b := s.CheckRef(p.File, r, Link{Dest: l.Dest, Line: l.Line, Col: l.Col}); b != nil {
			broken = append(broken, b)
		}
	}
	return broken, lookedUp
}

// CheckPages reports every link of pages that points to nothing s holds,
// in the order of pages and of their links; a nil Page is skipped. The
// pages are checked on every core: s must not change meanwhile, and no
// Page may be checked by two calls at once. A Builder kept for a session
// checks every page after every edit this way: its pages' links are
// resolved once, and looking them up costs less than knowing which did
// not change (internal/linkrecord, for one-shot builds).
func (s *Site) CheckPages(pages []*Page) []error {
	found := make([][]error, len(pages))
	parallel.For(len(pages), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			p := pages[i]
			if p == nil {
				continue
			}
			p.resolve()
			for j, l := range p.Links {
				if b := s.CheckRef(p.File, p.refs[j], Link{Dest: l.Dest, Line: l.Line, Col: l.Col}); b != nil {
					found[i] = append(found[i], b.Problem())
				}
			}
		}
	})
	return slices.Concat(found...)
}

// resolve resolves p's links against its URL, once.
func (p *Page) resolve() {
	if p.refs == nil {
		p.refs = make([]Ref, len(p.Links))
		for j, l := range p.Links {
			p.refs[j] = Resolve(p.URL, l.Dest)
		}
	}
}
