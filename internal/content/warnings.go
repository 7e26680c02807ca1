package content

import (
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/parallel"
)

// MaxDescription is the length of description, in characters, above which
// a page gets a warning: search engines cut longer ones short.
const MaxDescription = 160

// Warnings returns what is worth an editor's attention in p at now but
// does not stop a build, sorted by position, each a *diag.Error with File
// set ("content/jobs/x.md:3:14: description: ..."): a description longer
// than MaxDescription characters, and the career warnings of
// [career.Data.Warnings] (stale as_of dates against cfg.StaleAfter, a
// closed posting). now is passed in, never read from the clock, so that a
// build is reproducible.
func (p *Page) Warnings(now time.Time, cfg *config.Config) []*diag.Error {
	var list []*diag.Error
	if n := utf8.RuneCountInString(p.Description); n > MaxDescription && p.description.line > 0 {
		list = append(list, &diag.Error{
			File: p.Path, Line: p.description.line, Col: p.description.col, Path: "description",
			Msg:  fmt.Sprintf("%d characters; search results show about %d", n, MaxDescription),
			Kind: "descriptions longer than search results show",
		})
	}
	var span config.Span
	if cfg != nil {
		span = cfg.StaleAfter
	} else {
		span = config.Default().StaleAfter
	}
	for _, w := range p.Career.Warnings(now, span) {
		list = append(list, w.In(p.Path, 0))
	}
	slices.SortStableFunc(list, diag.Compare)
	return list
}

// AllWarnings are the warnings of pages at now (Page.Warnings), on all
// cores, in the order of pages.
func AllWarnings(pages []*Page, now time.Time, cfg *config.Config) []error {
	parts := make([][]error, len(pages))
	parallel.For(len(pages), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			for _, w := range pages[i].Warnings(now, cfg) {
				parts[i] = append(parts[i], w)
			}
		}
	})
	return slices.Concat(parts...)
}
