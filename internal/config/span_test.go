package config

import (
	"testing"
	"time"
)

func TestParseSpan(t *testing.T) {
	tests := []struct {
		in      string
		want    Span
		wantErr bool
	}{
		{"12 months", Span{Months: 12}, false},
		{"1 month", Span{Months: 1}, false},
		{"90 days", Span{Days: 90}, false},
		{" 1 day ", Span{Days: 1}, false},
		{"1 year", Span{}, true},
		{"0 months", Span{}, true},
		{"-3 days", Span{}, true},
		{"12", Span{}, true},
		{"months", Span{}, true},
		{"", Span{}, true},
	}
	for _, tt := range tests {
		got, err := ParseSpan(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseSpan(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestSpanBefore(t *testing.T) {
	tests := []struct {
		span Span
		in   string
		want string
	}{
		{Span{Months: 12}, "2026-03-31", "2025-03-31"},
		{Span{Months: 1}, "2026-03-31", "2026-03-03"}, // Go's AddDate normalises 2026-02-31
		{Span{Days: 90}, "2026-03-31", "2025-12-31"},
	}
	for _, tt := range tests {
		in, _ := time.Parse(time.DateOnly, tt.in)
		if got := tt.span.Before(in).Format(time.DateOnly); got != tt.want {
			t.Errorf("%v.Before(%s) = %s, want %s", tt.span, tt.in, got, tt.want)
		}
	}
}

func TestSpanString(t *testing.T) {
	tests := []struct {
		in   Span
		want string
	}{
		{Span{Months: 12}, "12 months"},
		{Span{Months: 1}, "1 month"},
		{Span{Days: 1}, "1 day"},
		{Span{Months: 2, Days: 3}, "2 months 3 days"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Span%+v.String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}
