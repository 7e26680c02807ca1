package locale

import (
	"strings"
	"testing"
	"time"
)

// TestFillAsReplacer holds Fill to strings.NewReplacer of the same pairs.
func TestFillAsReplacer(t *testing.T) {
	values := map[string]string{"day": "2", "month": "Juni", "year": "2025", "0": "{1}", "1": "x", "": "empty"}
	var pairs []string
	for name, v := range values {
		pairs = append(pairs, "{"+name+"}", v)
	}
	want := strings.NewReplacer(pairs...)
	lookup := func(name string) (string, bool) {
		v, ok := values[name]
		return v, ok
	}
	for _, pattern := range []string{
		"", "plain", "{day}. {month} {year}", "{month} {day}, {year}", "{day}{day}{month}",
		"{", "}", "{}", "{{day}}", "{da{day}", "{day", "day}", "{0} and {1}", "{01}", "{ 0}",
		"{unknown} {year}", "{{{month}", "{year}}", "{}{}{0}", "«{day}» {month}…",
	} {
		if got, want := Fill(pattern, lookup), want.Replace(pattern); got != want {
			t.Errorf("Fill(%q) = %q, want %q (strings.Replacer)", pattern, got, want)
		}
	}
}

// TestDateAllocs: a date is its numbers and the string written, with no
// Replacer built for it.
func TestDateAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	de := mustNew(t, "de", german)
	day := time.Date(2025, time.June, 2, 0, 0, 0, 0, time.UTC)
	if n := testing.AllocsPerRun(100, func() { _ = de.Date(day) }); n > 2 {
		t.Errorf("Date allocates %v times, want at most 2 (the year, the string)", n)
	}
}
