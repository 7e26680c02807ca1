package site

import (
	"slices"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/parallel"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
)

// pageWarnings are the warnings of a build that publishes pub at now:
// those of the pages' data (careerWarnings), the code blocks their
// Markdown published plain because they were over a limit
// (markdown.Result.Warnings), and the symbolic links under content/ that
// were left out (content.LinkWarnings, as of the last full read).
func (b *Builder) pageWarnings(pub []*content.Page, now time.Time) []error {
	ws := careerWarnings(pub, now, b.cfg)
	if len(b.warned) > 0 { // seldom: look the pages up only then
		for _, p := range pub {
			if s := b.sources[p.Path]; s != nil && s.conv != nil && b.warned[p.Path] == s.conv {
				ws = append(ws, s.conv.Warnings()...)
			}
		}
	}
	ws = append(ws, images.AltWarnings(pub, content.NewLocator(b.fsys))...)
	return append(ws, b.linkWarnings...)
}

// linkWarnings returns content.LinkWarnings of fsys as errors.
func linkWarnings(list []*diag.Error) []error {
	var ws []error
	for _, w := range list {
		ws = append(ws, w)
	}
	return ws
}

// careerWarnings are the warnings of the loaded pages at now: stale as_of
// dates, closed postings, long descriptions.
func careerWarnings(sources []*content.Page, now time.Time, cfg *config.Config) []error {
	parts := make([][]error, len(sources))
	parallel.For(len(sources), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			for _, w := range sources[i].Warnings(now, cfg) {
				parts[i] = append(parts[i], w)
			}
		}
	})
	return slices.Concat(parts...)
}
