package preview

import (
	"context"

	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/watch"
)

// builder turns batches of changed sources into new output, with one
// site.Builder for the whole session: each rebuild reads, converts and
// renders only what the batch's changes call for.
type builder struct {
	opts site.Options
	mem  *output.Memory // serve builds into it; nil: watch builds into opts.Dest
	site *site.Builder  // made on the first rebuild
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
