package main

import (
	"runtime/debug"
	"testing"
)

// TestBoundMemory checks that build sets the soft memory limit, unless
// GOMEMLIMIT chooses one.
func TestBoundMemory(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })

	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(1 << 40)
	boundMemory()
	if got := debug.SetMemoryLimit(-1); got != buildMemoryLimit {
		t.Errorf("limit %d without GOMEMLIMIT, want %d", got, buildMemoryLimit)
	}

	t.Setenv("GOMEMLIMIT", "4GiB")
	debug.SetMemoryLimit(4 << 30) // as the runtime read it at start
	boundMemory()
	if got := debug.SetMemoryLimit(-1); got != 4<<30 {
		t.Errorf("limit %d with GOMEMLIMIT=4GiB, want it kept", got)
	}
}
