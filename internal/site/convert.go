package site

// This file is when the pipeline converts page bodies (internal/convert)
// and what it does with each conversion: keeps it with its source, keeps
// its HTML out of memory beyond the budget (spill.go), and lets the
// Markdown go.

import (
	"context"
	"sync/atomic"

	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/pagesource"
)

// convert converts the Markdown of every source in srcs that has no
// current conversion, in parallel, using the persistent cache.
func (b *Builder) convert(ctx context.Context, srcs []*pagesource.Source) error {
	var todo []*pagesource.Source
	for _, s := range srcs {
		// A source is replaced when its file changes: its conversion is
		// current unless the Markdown options changed, or what its
		// shortcodes read.
		if b.conv.Stale(s.Conv) {
			todo = append(todo, s)
		}
	}
	var done atomic.Int64
	err := b.conv.ConvertAll(ctx, inputs(todo), func(i int, c *convert.Conversion) {
		b.keepConversion(todo[i], c)
		if b.opts.Progress != nil {
			b.opts.Progress("converting Markdown", int(done.Add(1)), len(todo))
		}
	})
	for _, s := range srcs {
		if s.Conv != nil && len(s.Conv.Warnings()) > 0 {
			b.warned[s.Path] = s.Conv
		} else {
			delete(b.warned, s.Path)
		}
	}
	return err
}

// inputs are srcs as the Converter reads them.
func inputs(srcs []*pagesource.Source) []convert.Source {
	in := make([]convert.Source, len(srcs))
	for i, s := range srcs {
		in[i] = s.Input()
	}
	return in
}

// keepConversion keeps c, the conversion of the body of s, and lets its
// Markdown go: nothing reads it again, as a body is read anew when its
// file changes, and every body when site.yaml does (reparseAll). The
// file's bytes were a fifth of a build's heap.
func (b *Builder) keepConversion(s *pagesource.Source, c *convert.Conversion) {
	s.Conv = c
	b.spill.spillConversion(c)
	if !b.life.plansAgain() || (!c.UsesShortcodes() && !c.UsesImages()) {
		// A session keeps a body with shortcodes or images: it
		// converts again when their templates, what they read, or the
		// images change. A Builder that builds once converts nothing
		// again; kept, the bodies of 10,000 pages with shortcodes made
		// the peak RSS of a build a quarter over their inline twin's.
		s.Page.Body = nil
	}
}

// closeConvCache closes the store of conversions after the build
// converted what it needed; ok reports that every conversion the site
// has was asked of it.
func (b *Builder) closeConvCache(ok bool) {
	convs := 0
	for _, s := range b.sources {
		if s.Conv != nil {
			convs++
		}
	}
	b.conv.CloseCache(ok, convs)
}
