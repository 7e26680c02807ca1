package site

import (
	"time"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/images"
)

// pageWarnings are the warnings of a build that publishes pub at now:
// those of the pages' data (content.AllWarnings), the code blocks their
// Markdown published plain because they were over a limit
// (markdown.Result.Warnings), the images without alt text, the skills and
// tags spelled unlike the rest of the site (spelling.Checker), and the
// symbolic links under content/ that were left out (content.Tree.LinkWarnings,
// as of the last full read).
func (b *Builder) pageWarnings(pub []*content.Page, now time.Time) []error {
	ws := content.AllWarnings(pub, now, b.cfg)
	if len(b.warned) > 0 { // seldom: look the pages up only then
		for _, p := range pub {
			if s := b.sources[p.Path]; s != nil && s.Conv != nil && b.warned[p.Path] == s.Conv {
				ws = append(ws, s.Conv.Warnings()...)
			}
		}
	}
	locate := content.NewLocator(b.fsys)
	ws = append(ws, images.AltWarnings(pub, locate)...)
	ws = append(ws, b.spelling.Warnings(pub, locate)...)
	ws = append(ws, b.stringsWarnings...)
	return append(ws, b.linkWarnings...)
}

// linkWarnings returns the warnings of a walk of content/ (content.Tree.LinkWarnings) as errors.
func linkWarnings(list []*diag.Error) []error {
	var ws []error
	for _, w := range list {
		ws = append(ws, w)
	}
	return ws
}
