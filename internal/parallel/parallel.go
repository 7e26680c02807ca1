// Package parallel runs a function over the ranges of [0, n) on every
// core: the one way the build splits per-item work, used by the model
// (related pages) and by the pipeline (converting, keying, rendering).
//
// It is a package of its own, not a helper of either, because both need
// the same split and the model cannot import the pipeline: the choice of
// how small a range is and how many workers take them is made once, here.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For runs f over [0, n) on every core and returns when every call has.
// The range is cut into many small ranges that the workers take in turn,
// not one range per core: the items of a build differ in cost (a skill
// page lists hundreds of pages, a redirect is a line) and sorted by name
// the costly ones cluster, so one range per core left a core idle while
// the other finished.
func For(n int, f func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/64, 1))
	run(n, workers, max(1, min(64, n/(workers*16))), f)
}

// ForUneven is For for a range of which only some items cost anything:
// the outputs a check after one keystroke makes again (a hundred pagers
// of one list, side by side by name) among the tens of thousands it keeps.
// It cuts the range into ranges of at most 8 and uses every core however
// small n is, so that no worker is left with many costly items while
// another has nothing to do: with For's ranges of 64, three ranges held
// the 168 pagers such a check made, and one core made two of them.
func ForUneven(n int, f func(lo, hi int)) {
	workers := max(min(runtime.GOMAXPROCS(0), n), 1)
	run(n, workers, max(1, min(unevenRange, n/(workers*16))), f)
}

// unevenRange is the longest range ForUneven gives f.
const unevenRange = 8

// run runs f over [0, n) on workers goroutines, each taking the next range
// of chunk items in turn.
func run(n, workers, chunk int, f func(lo, hi int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				f(lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}
