package preview

import (
	"context"
	"time"

	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/watch"
)

// builder turns batches of changed sources into new output, with one
// site.Builder for the whole session: each rebuild reads, converts and
// renders only what the batch's changes call for.
type builder struct {
	opts  site.Options
	mem   *output.Memory // serve builds into it; nil: watch builds into opts.Dest
	site  *site.Builder  // made on the first rebuild
	warnf func(format string, args ...any)
	infof func(format string, args ...any)

	finishAfter func() <-chan time.Time // when to finish after a good build; nil: after finishDelay
}

// rebuild brings the output up to date with the sources after the changes
// in batch; a batch with Rescan set (the first build, an event overflow)
// means anything may have changed. Every build is all or nothing: a failed
// one leaves the last good output in place.
func (b *builder) rebuild(ctx context.Context, batch watch.Batch) (*site.Result, error) {
	if b.site == nil {
		sb, err := site.New(b.opts)
		if err != nil {
			return nil, err
		}
		b.site = sb
	}
	var changed []string // nil: anything may have changed
	if !batch.Rescan {
		changed = append([]string{}, batch.Paths...)
	}
	if b.mem != nil {
		return b.site.BuildTo(ctx, changed, b.mem)
	}
	return b.site.Build(ctx, changed)
}

// finishTimer says when to finish after a good build.
func (b *builder) finishTimer() <-chan time.Time {
	if b.finishAfter != nil {
		return b.finishAfter()
	}
	return time.After(finishDelay)
}

// finishDeferred makes, after serve's rebuilds have been announced, the files that
// depend on every page (the feeds, the search index; site.Options.Defer),
// so that the browser's reload waits only for the pages. The site.Builder
// keeps what every build since the last finishDeferred left for it. It does
// nothing for watch, whose builds are whole.
func (b *builder) finishDeferred(ctx context.Context) {
	if b.mem == nil || b.site == nil {
		return
	}
	start := time.Now()
	res, err := b.site.FinishDeferred(ctx, b.mem)
	switch {
	case err != nil && ctx.Err() == nil:
		b.warnf("updating the feeds and the search index: %v", err)
	case res != nil && res.Made > 0:
		b.infof("updated %d site-wide files (feeds, search index) in %s", res.Made, time.Since(start).Round(time.Millisecond))
	}
}
