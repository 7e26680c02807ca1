// Package pagedigest makes the digests of a page's groups of fields
// (deps.PageDigests), which the dependency keys of every output that reads
// the page hold (internal/deps).
//
// The digests of a page's summary and content come from its conversion
// (internal/convert), which made them once with the HTML, when the page
// shows its body as converted; otherwise from the fields themselves. The
// digest of a page's career data is made once per value: the data of a
// page whose source has not changed is the same value, and a Maker keeps
// the digests of the values of the last build and of this one (Rotate).
package pagedigest

import (
	"reflect"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/jsonld"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
)

// A Maker makes the digests of pages. Its zero value is ready to use; it
// is safe for concurrent use.
type Maker struct {
	career cache.Memo[any, deps.Digest] // career data by pointer
}

// Rotate forgets the career data no page of the build since the last
// Rotate read.
func (mk *Maker) Rotate() { mk.career.Rotate() }

// Pages makes the digests of pages, in parallel.
func (mk *Maker) Pages(pages []*model.Page) map[*model.Page]*deps.PageDigests {
	out := make([]*deps.PageDigests, len(pages))
	parallel.For(len(pages), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = mk.Page(pages[i])
		}
	})
	pd := make(map[*model.Page]*deps.PageDigests, len(pages))
	for i, p := range pages {
		pd[p] = out[i]
	}
	return pd
}

// Page makes the digests of the groups of page p: those of its body from
// its conversion when the page shows it as converted, its career data's
// once per value.
func (mk *Maker) Page(p *model.Page) *deps.PageDigests {
	parts := deps.PageParts{Career: mk.careerDigest(p)}
	c := convert.Of(p)
	if c != nil && c.Result() != nil && p.Summary == c.Summary() && p.WordCount == c.Result().WordCount && p.ReadingTime == c.Result().ReadingTime {
		parts.Summary = c.SummaryDigest()
	} else {
		parts.Summary = deps.SummaryDigest(p.Summary, p.WordCount, p.ReadingTime)
	}
	if c != nil && c.Result() != nil && sameHeadings(p.Headings, c.Result().Headings) {
		parts.Content = c.ContentDigest()
	} else {
		parts.Content = deps.ContentDigest(deps.HashBytes(nil), "", p.Headings)
	}
	h := deps.BorrowHasher()
	defer h.GiveBack()
	jsonld.Digest(h, p.Site, p, parts.Career)
	parts.Derived = h.Sum()
	return deps.DigestPage(p, parts)
}

// sameHeadings reports whether a and b are the same slice: the page's
// headings are its conversion's.
func sameHeadings(a, b []markdown.Heading) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// careerDigest is the digest of p's career data, made once per value.
func (mk *Maker) careerDigest(p *model.Page) deps.Digest {
	var key any
	switch {
	case p.Job != nil:
		key = p.Job
	case p.Role != nil:
		key = p.Role
	case p.Certification != nil:
		key = p.Certification
	default:
		return deps.Digest{}
	}
	if d, ok := mk.career.Get(key); ok {
		return d
	}
	d := deps.NewHasher().Value(reflect.ValueOf(model.CareerData(p))).Sum()
	mk.career.Put(key, d)
	return d
}
