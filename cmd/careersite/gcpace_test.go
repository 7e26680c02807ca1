package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestGCPercent checks the percent the pacer sets for a live heap: the
// most while what is live is small, as much as lets the heap reach
// gcFloor in between, and the default once twice what is live is over it.
func TestGCPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, maxGCPercent},
		{1 << 20, maxGCPercent},
		{gcFloor / 5, maxGCPercent},
		{gcFloor / 4, 300},
		{gcFloor / 2, 100},
		{gcFloor, 100},
		{8 * gcFloor, 100},
	} {
		if got := gcPercent(c.live); got != c.want {
			t.Errorf("gcPercent(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}

// TestPaceGC checks that build's pacer sets the percent after a
// collection, and leaves GOGC's alone.
func TestPaceGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(old) })

	t.Setenv("GOGC", "")
	paceGC()
	debug.SetGCPercent(100) // as if the runtime set it since
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC() // the sentinel's finalizer runs after it
		time.Sleep(10 * time.Millisecond)
		if got := debug.SetGCPercent(100); got == maxGCPercent {
			break // a test's live heap is small
		}
		if time.Now().After(deadline) {
			t.Fatal("no collection set the percent")
		}
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	paceGC()
	if got := debug.SetGCPercent(50); got != 50 {
		t.Errorf("percent %d with GOGC=50, want it kept", got)
	}
}
