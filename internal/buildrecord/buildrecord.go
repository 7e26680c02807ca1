// Package buildrecord keeps, in the persistent cache, the record of a
// site build (internal/uptodate) that the next build into the same
// destination answers from when it has nothing to do, and says which
// clocks a site's output depends on.
//
// The clocks are the time itself, for what publish_date, date,
// expiry_date and a job posting's date_posted and valid_through decide
// (content.Page.Moments, career.Job.PostingMoments), and the moment
// stale_after before it, which the as_of of career figures is compared
// with (career.Data.AsOfs): since a month is not a fixed span, that
// moment moves unevenly with the time, so it is a clock of its own. A
// record holds, for each clock, the interval around its reading in which
// no such moment falls, and the build's report (uptodate.Report), whose
// span says how to read the second clock before the configuration is
// read.
package buildrecord

import (
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diskfs"
	"github.com/careersite/careersite/internal/uptodate"
)

// kind is the cache kind of the records; a record's key says which
// build: the site, the destination, the options, the binary and theme.
const kind = "uptodate"

// Answer returns what the last build reported, from its record in c
// under key, when that record says a build of the site folder source
// into dest at now has nothing to do.
func Answer(c *cache.Cache, key cache.Key, source, dest string, now time.Time) (uptodate.Report, bool) {
	data, ok := c.Get(kind, key)
	if !ok {
		return uptodate.Report{}, false
	}
	rec, err := uptodate.Decode(data)
	if err != nil {
		return uptodate.Report{}, false
	}
	rep, ok := uptodate.DecodeReport(rec.Result)
	span := config.Span{Months: rep.Months, Days: rep.Days}
	if !ok || !rec.UpToDate(diskfs.New(source), dest, clocks(now, span)) {
		return uptodate.Report{}, false
	}
	return rep, true
}

// Keep keeps in c under key the record of the build that just succeeded
// at now, with stale_after span: it read its inputs through reads,
// published outputs, had the parsed pages pages (nil ones are skipped)
// and reported rep, whose span it sets. Nothing is kept when a name it
// read cannot be trusted (uptodate.FS.Inputs).
func Keep(c *cache.Cache, key cache.Key, reads *uptodate.FS, now time.Time, span config.Span, pages []*content.Page, outputs []uptodate.Output, rep uptodate.Report) {
	inputs, ok := reads.Inputs()
	if !ok {
		return
	}
	var moments, stale []time.Time
	for _, p := range pages {
		if p == nil {
			continue
		}
		moments = append(moments, p.Moments()...)
		moments = append(moments, p.Career.Job.PostingMoments()...)
		for _, t := range p.Career.AsOfs() {
			stale = append(stale, t.Add(time.Nanosecond)) // "as_of before the moment" is "not before as_of's next nanosecond"
		}
	}
	rep.Months, rep.Days = span.Months, span.Days
	at := clocks(now, span)
	rec := uptodate.Record{
		Inputs:  inputs,
		Outputs: outputs,
		Times:   []uptodate.Interval{uptodate.Around(at[0], moments), uptodate.Around(at[1], stale)},
		Result:  rep.Encode(),
	}
	c.Put(kind, key, rec.Encode())
}

// clocks are the readings at now of the clocks a build's output depends
// on: now itself, and the moment span (stale_after) before it.
func clocks(now time.Time, span config.Span) []time.Time {
	return []time.Time{now, span.Before(now)}
}
