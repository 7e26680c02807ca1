package site

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/careersite/careersite/internal/buildrecord"
	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/uptodate"
)

// A Builder that builds once, from the site folder on disk with a
// persistent cache (the build command), keeps a record of each
// successful build in the cache (internal/buildrecord): every name it read
// with its stamp, every file it published with its stamp as written, the
// moments between which the time it builds at changes nothing it
// publishes, and what it reported — the counts and the warnings. The
// next such build into the same destination with the same options first
// reads the record, and when every input has its stamp, every output is
// still there as written and the clocks read inside their intervals, it
// reports the same again and reads nothing else: no page, no pack, no
// conversion, no manifest. Its output is the one a whole build makes,
// which it has already.

// recordKey is the key of the record of builds from this site into this
// destination with these options, by this binary and theme.
func (b *Builder) recordKey() cache.Key {
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	o := b.opts
	return b.cacheKey(deps.NewHasher().Digest(b.version).Str("uptodate").Str(abs(o.Source)).Str(abs(b.dest)).
		Str(o.BaseURL).Bool(o.Drafts).Bool(o.Future).Bool(o.Expired).Int(int64(o.sitemapLimit)).Sum())
}

// buildOnce is the one build of a Builder that builds once: reported from
// the record of the last when that one is up to date, else made, and
// recorded.
func (b *Builder) buildOnce(ctx context.Context) (*Result, error) {
	if b.opts.Now.IsZero() {
		b.opts.Now = time.Now()
	}
	if res := b.upToDate(); res != nil {
		b.stats.how = "up to date"
		// What killed builds left beside the destination is removed
		// all the same, as by a build that finds nothing to write.
		if err := output.Tidy(b.dest); err != nil {
			return nil, err
		}
		return res, nil
	}
	res, err := b.Build(ctx, nil)
	if err == nil {
		b.keepRecord(res)
	}
	return res, err
}

// upToDate returns what the last build reported when its record says
// this one has nothing to do; nil otherwise.
func (b *Builder) upToDate() *Result {
	if b.reads == nil {
		return nil
	}
	rep, ok := buildrecord.Answer(b.cache, b.recordKey(), b.opts.Source, b.dest, b.opts.Now)
	if !ok {
		return nil
	}
	return &Result{Pages: rep.Pages, Files: rep.Files, Warnings: rep.Warnings}
}

// keepRecord records the build that just succeeded, reporting res.
func (b *Builder) keepRecord(res *Result) {
	if b.reads == nil || b.cfg == nil {
		return
	}
	pages := make([]*content.Page, 0, len(b.sources))
	for _, s := range b.sources {
		pages = append(pages, s.Page)
	}
	outputs := make([]uptodate.Output, 0, len(b.outs))
	for _, name := range slices.Sorted(maps.Keys(b.outs)) {
		outputs = append(outputs, uptodate.Output{Name: name, Stamp: b.outs[name].stamp})
	}
	buildrecord.Keep(b.cache, b.recordKey(), b.reads, b.opts.Now, b.cfg.StaleAfter, pages, outputs,
		uptodate.Report{Pages: res.Pages, Files: res.Files, Warnings: res.Warnings})
}
