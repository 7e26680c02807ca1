package hugofile

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	tests := []struct {
		in   any
		loc  *time.Location
		want string
	}{
		{"2024-11-18T12:55:20-08:00", time.UTC, "2024-11-18T12:55:20-08:00"},
		{"2024-11-18T12:55:20-0800", time.UTC, "2024-11-18T12:55:20-08:00"},
		{"2024-11-18T12:55:20.5Z", time.UTC, "2024-11-18T12:55:20.5Z"},
		{"2024-11-18", time.UTC, "2024-11-18"},
		{"2024-11-18", ny, "2024-11-18T00:00:00-05:00"},
		{"2024-11-18 12:55:20", time.UTC, "2024-11-18T12:55:20Z"},
		{"2024-11-18 12:55:20", ny, "2024-11-18T12:55:20-05:00"},
		{"2024-11-18T12:55:20", time.UTC, "2024-11-18T12:55:20Z"},
		{"2024-11-18 12:55:20 -0700", time.UTC, "2024-11-18T12:55:20-07:00"},
		{"2024-11-18 12:55:20 -07:00", time.UTC, "2024-11-18T12:55:20-07:00"},
		{"Mon, 18 Nov 2024 12:55:20 +0100", time.UTC, "2024-11-18T12:55:20+01:00"},
		{"18 Nov 2024", time.UTC, "2024-11-18"},
		{" 2024-11-18 ", time.UTC, "2024-11-18"},
		{time.Date(2024, 11, 18, 0, 0, 0, 0, time.UTC), time.UTC, "2024-11-18"},
		{time.Date(2024, 11, 18, 9, 0, 0, 0, time.FixedZone("", 3600)), time.UTC, "2024-11-18T09:00:00+01:00"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in, tt.loc)
		if err != nil {
			t.Errorf("ParseDate(%q, %s): %v", tt.in, tt.loc, err)
			continue
		}
		if got := d.String(); got != tt.want {
			t.Errorf("ParseDate(%q, %s) = %q, want %q", tt.in, tt.loc, got, tt.want)
		}
	}
	for _, bad := range []any{"next tuesday", "3:04PM", 42} {
		if _, err := ParseDate(bad, time.UTC); err == nil {
			t.Errorf("ParseDate(%v) gave no error", bad)
		}
	}
}
