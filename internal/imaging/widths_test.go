package imaging

import (
	"slices"
	"testing"
)

func TestWidths(t *testing.T) {
	defaults := []int{480, 800, 1200, 1600}
	tests := []struct {
		configured []int
		original   int
		want       []int
	}{
		{defaults, 3000, []int{480, 800, 1200, 1600}},
		{defaults, 1000, []int{480, 800, 1000}},
		{defaults, 1200, []int{480, 800, 1200}},
		{defaults, 1600, []int{480, 800, 1200, 1600}},
		{defaults, 300, []int{300}},
		{[]int{1600, 480, 800, 480}, 2000, []int{480, 800, 1600}},
		{nil, 640, []int{640}},
		{[]int{0, -5, 100}, 640, []int{100}},
	}
	for _, tt := range tests {
		if got := Widths(tt.configured, tt.original); !slices.Equal(got, tt.want) {
			t.Errorf("Widths(%v, %d) = %v, want %v", tt.configured, tt.original, got, tt.want)
		}
	}
}
