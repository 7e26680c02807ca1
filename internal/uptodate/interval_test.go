package uptodate

import (
	"testing"
	"time"
)

// TestIntervalAround: the interval of a reading among moments runs from
// the last moment at or before it to the first after it, and holds every
// reading at which each "before the moment?" has the same answer.
func TestIntervalAround(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 12, d, 0, 0, 0, 0, time.UTC) }
	moments := []time.Time{day(20), day(3), day(10), {}}
	for _, tc := range []struct {
		at   time.Time
		want Interval
	}{
		{day(1), Interval{Until: day(3)}},
		{day(3), Interval{From: day(3), Until: day(10)}},
		{day(9), Interval{From: day(3), Until: day(10)}},
		{day(25), Interval{From: day(20)}},
	} {
		if got := Around(tc.at, moments); got != tc.want {
			t.Errorf("Around(%v) = %+v, want %+v", tc.at, got, tc.want)
		}
	}
	for d := 1; d <= 28; d++ {
		for e := 1; e <= 28; e++ {
			same := true
			for _, m := range moments {
				same = same && day(d).Before(m) == day(e).Before(m)
			}
			if got := Around(day(d), moments).Holds(day(e)); got != same {
				t.Errorf("Around(day %d).Holds(day %d) = %v, want %v", d, e, got, same)
			}
		}
	}
}
