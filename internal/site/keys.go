package site

import (
	"context"
	"reflect"

	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/jsonld"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/parallel"
)

// This file is the pipeline's side of the dependency keys (internal/deps):
// what the Builder gives the Keyer of a build, and the digests of each
// page's groups that the Builder makes once per value or keeps with the
// conversions of Markdown.

// keyer returns the Keyer of a build of model m.
func (b *Builder) keyer(m *keptmodel.Model) *deps.Keyer {
	return deps.NewKeyer(deps.Inputs{
		Version: b.version,
		Config:  b.configDigest(), // strings.go
		Assets:  b.imageInputsDigest(),
		Data:    b.dataDigest,
		Site:    m.Site,
		Pages:   m.Pages,
		Digests: m.Digests,
	})
}

// digestPages makes the digests of pages, in parallel.
func (b *Builder) digestPages(ctx context.Context, m *keptmodel.Model, pages []*model.Page) map[*model.Page]*deps.PageDigests {
	out := make([]*deps.PageDigests, len(pages))
	parallel.For(len(pages), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = b.digestPage(m, pages[i])
		}
	})
	pd := make(map[*model.Page]*deps.PageDigests, len(pages))
	for i, p := range pages {
		pd[p] = out[i]
	}
	return pd
}

// digestPage makes the digests of the groups of page p of m: those of its
// body from its conversion when the page shows it as converted, its career
// data's once per value.
func (b *Builder) digestPage(m *keptmodel.Model, p *model.Page) *deps.PageDigests {
	parts := deps.PageParts{Career: b.careerDigest(p)}
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

func sameHeadings(a, b []markdown.Heading) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// careerDigest is the digest of p's career data, made once per value: the
// data of a page whose source has not changed is the same value.
func (b *Builder) careerDigest(p *model.Page) deps.Digest {
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
	if d, ok := b.career.Get(key); ok {
		return d
	}
	d := deps.NewHasher().Value(reflect.ValueOf(model.CareerData(p))).Sum()
	b.career.Put(key, d)
	return d
}
