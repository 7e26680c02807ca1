package career

import (
	"slices"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
)

// crosses reports whether a clock that moved from a to b crossed one of
// moments, asked as "is the clock before m?": whether it is before m at
// one reading and not at the other.
func crosses(a, b time.Time, moments []time.Time) bool {
	return slices.ContainsFunc(moments, func(m time.Time) bool { return a.Before(m) != b.Before(m) })
}

// readings are moments every twelve hours through 2025 and the first
// half of 2026, and a nanosecond on either side of each of extra.
func readings(extra []time.Time) []time.Time {
	var list []time.Time
	for t := date("2025-01-01"); t.Before(date("2026-07-01")); t = t.Add(12 * time.Hour) {
		list = append(list, t)
	}
	for _, m := range extra {
		list = append(list, m.Add(-time.Nanosecond), m, m.Add(time.Nanosecond))
	}
	return list
}

// TestPostingMoments: whether a posting is open or closed changes only
// when the time crosses one of its PostingMoments — a valid_through that
// is a day closes at the end of it, one with a time at that time.
func TestPostingMoments(t *testing.T) {
	for _, src := range []string{postingJob, `responsibilities: [Work]
posting:
  organization: {name: Acme}
  date_posted: 2025-06-02T09:30:00Z
  valid_through: 2025-07-31T17:45:00Z
  location: {country: US}
`} {
		j := mustDecode(t, config.KindJob, src).Job
		moments := j.PostingMoments()
		times := readings(moments)
		state := make([][2]bool, len(times))
		for i, a := range times {
			state[i] = [2]bool{j.PostingOpen(a), j.PostingClosed(a)}
		}
		for i, a := range times {
			for k, b := range times {
				if state[i] != state[k] && !crosses(a, b, moments) {
					t.Fatalf("the posting changed from %v to %v, crossing none of %v", a, b, moments)
				}
			}
		}
	}
}

// TestAsOfs: the stale warnings of career data change only when the
// moment stale_after before the time crosses an as_of's next nanosecond
// (a figure is stale when its as_of is before that moment) — which, a
// month being no fixed span, moves back at the end of some months.
func TestAsOfs(t *testing.T) {
	d := mustDecode(t, config.KindRole, `role: X
salary: {currency: USD, min: 1, max: 2, period: year, as_of: 2025-03-01}
outlook: {growth_percent: 1, source: BLS, as_of: 2025-02-28}
career_path:
  - title: A
    track: ic
    salary: {currency: USD, min: 1, max: 2, period: year, as_of: 2025-05-31T12:00:00Z}
`)
	var moments []time.Time
	for _, asOf := range d.AsOfs() {
		moments = append(moments, asOf.Add(time.Nanosecond))
	}
	if len(moments) != 3 {
		t.Fatalf("AsOfs = %v, want the three as_of dates", d.AsOfs())
	}
	span := config.Span{Months: 1}
	times := readings(nil)
	warnings := make([]string, len(times))
	for i, a := range times {
		warnings[i] = lines(d.Warnings(a, span))
	}
	for i, a := range times {
		for k, b := range times {
			if warnings[i] != warnings[k] && !crosses(span.Before(a), span.Before(b), moments) {
				t.Fatalf("the warnings changed from %v to %v, the moment stale_after before crossing none of %v", a, b, moments)
			}
		}
	}
}
