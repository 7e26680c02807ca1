package site

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diskfs"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/uptodate"
)

// A Builder that builds once, from the site folder on disk with a
// persistent cache (the build command), keeps a record of each
// successful build in the cache (internal/uptodate): every name it read
// with its stamp, every file it published with its stamp as written, the
// moments between which the time it builds at changes nothing it
// publishes, and what it reported — the counts and the warnings. The
// next such build into the same destination with the same options first
// reads the record, and when every input has its stamp, every output is
// still there as written and the clocks read inside their intervals, it
// reports the same again and reads nothing else: no page, no pack, no
// conversion, no manifest. Its output is the one a whole build makes,
// which it has already.
//
// The clocks are the time itself, for what publish_date, date,
// expiry_date and a job posting's date_posted and valid_through decide
// (content.Page.Moments, career.Job.PostingMoments), and the moment
// stale_after before it, which the as_of of career figures is compared
// with (career.Data.AsOfs): since a month is not a fixed span, that
// moment moves unevenly with the time, so it is a clock of its own.

// recordKind is the cache kind of the records; the key says which build.
const recordKind = "uptodate"

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
	return b.cacheKey(deps.NewHasher().Digest(b.version).Str(recordKind).Str(abs(o.Source)).Str(abs(b.dest)).
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
	data, ok := b.cache.Get(recordKind, b.recordKey())
	if !ok {
		return nil
	}
	rec, err := uptodate.Decode(data)
	if err != nil {
		return nil
	}
	rep, ok := uptodate.DecodeReport(rec.Result)
	span := config.Span{Months: rep.Months, Days: rep.Days}
	if !ok || !rec.UpToDate(diskfs.New(b.opts.Source), b.dest, clocks(b.opts.Now, span)) {
		return nil
	}
	return &Result{Pages: rep.Pages, Files: rep.Files, Warnings: rep.Warnings}
}

// keepRecord records the build that just succeeded, reporting res, unless
// a name it read cannot be trusted (uptodate.FS).
func (b *Builder) keepRecord(res *Result) {
	if b.reads == nil || b.cfg == nil {
		return
	}
	inputs, ok := b.reads.Inputs()
	if !ok {
		return
	}
	var now, stale []time.Time
	for _, s := range b.sources {
		if s.Page != nil {
			now = append(now, s.Page.Moments()...)
			now = append(now, s.Page.Career.Job.PostingMoments()...)
			for _, t := range s.Page.Career.AsOfs() {
				stale = append(stale, t.Add(time.Nanosecond)) // "as_of before the moment" is "not before as_of's next nanosecond"
			}
		}
	}
	span := b.cfg.StaleAfter
	c := clocks(b.opts.Now, span)
	rec := uptodate.Record{
		Inputs:  inputs,
		Outputs: make([]uptodate.Output, 0, len(b.outs)),
		Times:   []uptodate.Interval{uptodate.Around(c[0], now), uptodate.Around(c[1], stale)},
		Result:  uptodate.Report{Pages: res.Pages, Files: res.Files, Months: span.Months, Days: span.Days, Warnings: res.Warnings}.Encode(),
	}
	for _, name := range slices.Sorted(maps.Keys(b.outs)) {
		rec.Outputs = append(rec.Outputs, uptodate.Output{Name: name, Stamp: b.outs[name].stamp})
	}
	b.cache.Put(recordKind, b.recordKey(), rec.Encode())
}

// clocks are the readings at now of the clocks a build's output depends
// on: now itself, and the moment span (stale_after) before it.
func clocks(now time.Time, span config.Span) []time.Time {
	return []time.Time{now, span.Before(now)}
}
