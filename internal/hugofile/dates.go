package hugofile

import (
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the layouts Hugo 0.111 reads a date string in (spf13/cast's
// StringToDate), in its order, each with whether it holds a zone. A
// layout without one is read in the site's timeZone (UTC unless set).
// Kitchen and the Stamp layouts, which have no year, are left out: a
// date in them is reported.
var dateLayouts = []struct {
	layout string
	zone   bool
}{
	{time.RFC3339, true},
	{"2006-01-02T15:04:05", false},
	{time.RFC1123Z, true},
	{time.RFC1123, true},
	{time.RFC822Z, true},
	{time.RFC822, true},
	{time.RFC850, true},
	{time.ANSIC, false},
	{time.UnixDate, true},
	{time.RubyDate, true},
	{"2006-01-02 15:04:05.999999999 -0700 MST", true},
	{"2006-01-02", false},
	{"02 Jan 2006", false},
	{"2006-01-02T15:04:05-0700", true},
	{"2006-01-02 15:04:05 -07:00", true},
	{"2006-01-02 15:04:05 -0700", true},
	{"2006-01-02 15:04:05Z07:00", true},
	{"2006-01-02 15:04:05", false},
}

// Date is a date as Hugo reads it, and whether it was written as a day
// alone (which careersite keeps as a day).
type Date struct {
	Time    time.Time
	DayOnly bool
}

// ParseDate reads v, a front-matter value (a string, or a time.Time from
// YAML or TOML), as Hugo does; loc is the site's timeZone.
func ParseDate(v any, loc *time.Location) (Date, error) {
	switch v := v.(type) {
	case time.Time:
		return tomlDate(v, loc), nil
	case string:
		return parseDateString(strings.TrimSpace(v), loc)
	}
	return Date{}, fmt.Errorf("want a date, got %v", v)
}

// tomlDate places a decoded time: TOML's local dates and date-times carry a
// zone of their own name, and mean the site's time zone.
func tomlDate(t time.Time, loc *time.Location) Date {
	switch t.Location().String() {
	case "date-local":
		return Date{time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc), true}
	case "datetime-local":
		return Date{time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc), false}
	}
	// YAML's 2024-11-18 is midnight UTC: kept a day, which careersite
	// reads as the same moment.
	midnight := t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
	return Date{Time: t, DayOnly: midnight && t.Location() == time.UTC}
}

func parseDateString(s string, loc *time.Location) (Date, error) {
	for _, l := range dateLayouts {
		var t time.Time
		var err error
		if l.zone {
			t, err = time.Parse(l.layout, s)
		} else {
			t, err = time.ParseInLocation(l.layout, s, loc)
		}
		if err == nil {
			return Date{t, l.layout == "2006-01-02" || l.layout == "02 Jan 2006"}, nil
		}
	}
	return Date{}, fmt.Errorf("%q is not a date Hugo reads", s)
}

// String returns the date as careersite writes it: 2024-11-18 for a day
// alone, else RFC 3339 with the zone it was given in.
func (d Date) String() string {
	if d.DayOnly && d.Time.Location() == time.UTC {
		return d.Time.Format(time.DateOnly)
	}
	return d.Time.Format(time.RFC3339Nano)
}
