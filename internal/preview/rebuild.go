package preview

import (
	"context"

	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/watch"
)

// builder turns batches of changed sources into new output.
type builder struct {
	opts   site.Options
	target func() (site.Target, error) // where a build writes: the Memory of serve, a new Dir for watch
}

// rebuild brings the output up to date with the sources after the changes
// in batch; a batch with Rescan set means anything may have changed. It is
// the one seam for incremental rebuilds: for now it always builds the whole
// site, all or nothing, with site.BuildTo.
func (b *builder) rebuild(ctx context.Context, batch watch.Batch) (*site.Result, error) {
	t, err := b.target()
	if err != nil {
		return nil, err
	}
	return site.BuildTo(ctx, b.opts, t)
}
