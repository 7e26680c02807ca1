package config

import "testing"

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want Size
	}{
		{"1", 1},
		{"1048576", 1 << 20},
		{"1MiB", 1 << 20},
		{"1 MiB", 1 << 20},
		{"256KiB", 256 << 10},
		{"10MB", 10e6},
		{"2 GiB", 2 << 30},
		{"7B", 7},
		{" 3 KB ", 3000},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v, want %d", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "0", "-1", "1.5MiB", "MiB", "1 TiB", "lots", "9223372036854775807 KiB"} {
		if got, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", in, got)
		}
	}
}

func TestSizeString(t *testing.T) {
	tests := []struct {
		in   Size
		want string
	}{
		{1 << 20, "1 MiB"},
		{256 << 10, "256 KiB"},
		{5e6, "5 MB"},
		{999, "999 B"},
		{1536, "1536 B"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Size(%d).String() = %q, want %q", int64(tt.in), got, tt.want)
		}
	}
}
