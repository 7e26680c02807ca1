package content

import (
	"slices"
	"testing"
	"time"
)

// TestMoments: whether a build publishes a page changes only when the
// time crosses one of the page's Moments, asked as "is the time before
// it?": a publish_date, else the date, and an expiry_date.
func TestMoments(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 12, d, 0, 0, 0, 0, time.UTC) }
	pages := []*Page{
		{FrontMatter: FrontMatter{Date: day(10)}},
		{FrontMatter: FrontMatter{Date: day(2), PublishDate: day(12).Add(90 * time.Minute)}},
		{FrontMatter: FrontMatter{Date: day(2), ExpiryDate: day(20)}},
		{FrontMatter: FrontMatter{Date: day(5), PublishDate: day(8), ExpiryDate: day(15), Draft: true}},
		{IsIndex: true, FrontMatter: FrontMatter{Date: day(25), ExpiryDate: day(26)}},
	}
	var times []time.Time
	for h := range 31 * 24 {
		times = append(times, day(1).Add(time.Duration(h)*time.Hour+30*time.Minute), day(1).Add(time.Duration(h)*time.Hour))
	}
	for _, p := range pages {
		moments := p.Moments()
		for _, m := range moments {
			times = append(times, m.Add(-time.Nanosecond), m)
		}
		for _, rules := range []Publishing{{}, {Drafts: true}} {
			for _, a := range times {
				for _, b := range times {
					rules.Now = a
					before := rules.Publishes(p)
					rules.Now = b
					crossed := slices.ContainsFunc(moments, func(m time.Time) bool { return a.Before(m) != b.Before(m) })
					if rules.Publishes(p) != before && !crossed {
						t.Fatalf("%+v: Publishes changed from %v to %v, crossing none of %v", p.FrontMatter, a, b, moments)
					}
				}
			}
		}
	}
}
