package uptodate

import (
	"time"

	"github.com/careersite/careersite/internal/cache"
)

// An Interval is where a clock may read without crossing a moment at
// which what a build publishes changes: every question of the form "is
// the clock before x?", x one of the moments the Interval was made
// around, has the same answer at any two readings it Holds. Moments of
// the form "at or after x" are the same questions, answered no and yes;
// one of the form "after x" is "before x plus a nanosecond", negated.
type Interval struct {
	From, Until time.Time // zero: unbounded
}

// Around returns the Interval of t among moments: from the last moment at
// or before t to the first after it.
func Around(t time.Time, moments []time.Time) Interval {
	var iv Interval
	for _, x := range moments {
		switch {
		case x.After(t):
			if iv.Until.IsZero() || x.Before(iv.Until) {
				iv.Until = x
			}
		case iv.From.IsZero() || x.After(iv.From):
			iv.From = x
		}
	}
	return iv
}

// Holds reports whether t is in iv: not before From and before Until.
func (iv Interval) Holds(t time.Time) bool {
	return (iv.From.IsZero() || !t.Before(iv.From)) && (iv.Until.IsZero() || t.Before(iv.Until))
}

func (iv Interval) encode(e *cache.Encoder) {
	for _, t := range []time.Time{iv.From, iv.Until} {
		e.Varint(t.Unix())
		e.Varint(int64(t.Nanosecond()))
	}
}

func decodeInterval(d *cache.Decoder) Interval {
	var ts [2]time.Time
	for i := range ts {
		sec, nsec := d.Varint(), d.Varint()
		if t := time.Unix(sec, nsec).UTC(); !t.Equal(time.Time{}) {
			ts[i] = t
		}
	}
	return Interval{From: ts[0], Until: ts[1]}
}
