package parallel

import (
	"sync"
	"testing"
)

// TestForUneven: every item of [0, n) is given to f once, in ranges of at
// most unevenRange (For's are of 64 on a range this long), so that the
// costly items clustered in a few of For's ranges spread over the cores.
func TestForUneven(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100, 30000} {
		var mu sync.Mutex
		seen := make([]int, n)
		longest := 0
		ForUneven(n, func(lo, hi int) {
			mu.Lock()
			defer mu.Unlock()
			longest = max(longest, hi-lo)
			for i := lo; i < hi; i++ {
				seen[i]++
			}
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: item %d given %d times", n, i, c)
			}
		}
		if longest > unevenRange {
			t.Errorf("n=%d: a range of %d items, want at most %d", n, longest, unevenRange)
		}
	}
}
