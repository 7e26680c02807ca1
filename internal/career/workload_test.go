package career

import (
	"testing"
	"time"
)

func TestParseWorkload(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"PT70H", 70 * time.Hour, false},
		{"PT1H30M", 90 * time.Minute, false},
		{"PT90M", 90 * time.Minute, false},
		{"PT1.5H", 90 * time.Minute, false},
		{"PT1H0.5M", time.Hour + 30*time.Second, false},
		{"PT45S", 45 * time.Second, false},
		{"PT0H", 0, false},
		{"P3D", 0, true},
		{"P1W", 0, true},
		{"PT", 0, true},
		{"70H", 0, true},
		{"PT30M1H", 0, true},
		{"PT1H1H", 0, true},
		{"PT1.5H30M", 0, true},
		{"PT-1H", 0, true},
		{"PT1e3H", 0, true},
		{"PTH", 0, true},
		{"pt70h", 0, true},
		{"PT99999999999H", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseWorkload(tt.in)
		if (err != nil) != tt.wantErr || time.Duration(got) != tt.want {
			t.Errorf("ParseWorkload(%q) = %v, %v; want %v, error %v", tt.in, time.Duration(got), err, tt.want, tt.wantErr)
		}
	}
}

func TestWorkloadString(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{70 * time.Hour, "PT70H"},
		{90 * time.Minute, "PT1H30M"},
		{45 * time.Second, "PT45S"},
		{1500 * time.Millisecond, "PT1.5S"},
		{0, "PT0S"},
	}
	for _, tt := range tests {
		if got := Workload(tt.in).String(); got != tt.want {
			t.Errorf("Workload(%v).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDurationHours(t *testing.T) {
	tests := []struct {
		name string
		in   Duration
		want string
	}{
		{"workload", Duration{Workload: Workload(70 * time.Hour)}, "PT70H"},
		{"months", Duration{Months: 5, HoursPerWeek: 10}, "PT217H"}, // 5 × 10 × 52/12 = 216.7
		{"months exact", Duration{Months: 3, HoursPerWeek: 4}, "PT52H"},
	}
	for _, tt := range tests {
		if got := tt.in.Total().String(); got != tt.want {
			t.Errorf("%s: Total() = %q, want %q", tt.name, got, tt.want)
		}
	}
}
