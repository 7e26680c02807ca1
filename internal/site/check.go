package site

import (
	"context"
	"errors"
	"maps"
	"slices"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/output"
)

// Check does everything Build does but write: it loads and validates the
// site, checks page references, renders every page and checks every link,
// and keeps none of the output (`careersite check`, CI). It returns the
// build's warnings and its error, as Build would, except that the warnings
// found before a failed build stopped (stale data, closed postings, long
// descriptions) are returned with its error.
func Check(ctx context.Context, opts Options) (warnings []*diag.Error, err error) {
	return checkTo(ctx, opts, output.Discard{})
}

// Check is Check for a Builder kept for a session (the language server):
// it finds what a build of every page would after the files changed
// (paths as Build takes them; nil means anything may have changed), and
// writes nothing. Like serve's rebuilds, it makes only the outputs whose
// keys changed since its last good check (output.Checked).
//
// After its first check it leaves the files made from every page (the
// feeds whose entries changed and the search index: bodyFiles) as that
// check made them, as serve's first commit does (Options.Defer), and
// nothing makes them again: they cost most of a check after one page
// changed, and hold no problem a check reports that the pages' own checks
// do not: neither is HTML, so no link is checked against them; their
// entries and documents are made from the pages' fields, which those
// checks read; and their names do not change with the pages, except the
// search index's fingerprinted files, which only a page bundle's
// resource spelled as one of them could clash with.
//
// It also leaves as the last check had them the pagers after the first of
// the lists whose pages moved (a page's title, date or weight changed, or
// it joined or left a term), which are most of a check's rendering after
// such a keystroke, and says so with PagersLeft: their HTML holds no
// problem of the changed pages themselves (a page's links are checked from
// its Markdown), only a list template's error on them and their ids for a
// link's fragment. CheckPagers makes them; after it, the warnings and
// error are those a check of every page gives.
func (b *Builder) Check(ctx context.Context, changed []string) (warnings []*diag.Error, err error) {
	return b.checkTo(ctx, changed, output.Checked{})
}

// PagersLeft reports whether the last Check left pagers for CheckPagers.
func (b *Builder) PagersLeft() bool { return b.pagersLeft }

// CheckPagers is Check of nothing changed that makes the pagers the last
// Check left.
func (b *Builder) CheckPagers(ctx context.Context) (warnings []*diag.Error, err error) {
	b.pagersNow = true
	defer func() { b.pagersNow = false }()
	return b.checkTo(ctx, []string{}, output.Checked{})
}

func checkTo(ctx context.Context, opts Options, target Target) ([]*diag.Error, error) {
	b, err := New(opts)
	if err != nil {
		return nil, err
	}
	return b.checkTo(ctx, nil, target)
}

// checkTo builds into target and returns the warnings, those of a failed
// build too.
func (b *Builder) checkTo(ctx context.Context, changed []string, target Target) (warnings []*diag.Error, err error) {
	b.checking, b.pagersLeft = true, false
	defer func() { b.checking = false }()
	res, err := b.BuildTo(ctx, changed, target)
	if err != nil {
		var f *failure
		if errors.As(err, &f) {
			warnings = f.warnings
		}
		return warnings, err
	}
	return res.Warnings, nil
}

// failure is the error of a build that found problems: it reads and
// unwraps as the problems, joined and sorted, do, and carries the warnings
// found before the build stopped, for Check.
type failure struct {
	problems error
	warnings []*diag.Error
}

func (f *failure) Error() string   { return f.problems.Error() }
func (f *failure) Unwrap() []error { return diag.Leaves(f.problems) }

// failed returns the problems, sorted, as a *failure with the warnings,
// sorted likewise.
func failed(problems error, warnings []error) error {
	return &failure{problems: diag.Sorted(problems), warnings: diag.List(errors.Join(warnings...))}
}

// Pages returns the pages of the content files as the last build read
// them, sorted by path, those with problems included; a file whose front
// matter could not be parsed at all is left out. The language server
// completes and explains references with them. Like Build, it must not be
// called while a build runs.
func (b *Builder) Pages() []*content.Page {
	pages := make([]*content.Page, 0, len(b.sources))
	for _, p := range slices.Sorted(maps.Keys(b.sources)) {
		if s := b.sources[p]; s.Page != nil {
			pages = append(pages, s.Page)
		}
	}
	return pages
}
