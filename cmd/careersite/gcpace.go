package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The collector lets the heap grow by GOGC percent of what was live after
// the last collection: by as much again, at the default. A build's live
// heap is small while it reads and converts the site and large while it
// writes it, so that at the default most of a build's collections, each
// marking all that is live, come while the heap is small, far below the
// peak the writing reaches anyway (a cold build of 10,000 documentation
// pages: 40 of 51 collections with less than 80 MB live, against a peak
// of 130 MB live). paceGC lets the heap grow further while what is live
// is small: after each collection it sets the percent so that the next
// one comes when the heap reaches gcFloor, within the default and
// maxGCPercent. The soft memory limit (boundMemory) still bounds it all.

// gcFloor is the heap size below which the collector waits longer than
// GOGC's default would, and maxGCPercent the most it waits: a heap five
// times what is live, so that a small site's build stays small.
const (
	gcFloor      = 256 << 20
	maxGCPercent = 400
)

// gcPercent is the percent paceGC sets after a collection left live
// bytes live.
func gcPercent(live uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	p := int(gcFloor*100/live) - 100
	return max(100, min(p, maxGCPercent))
}

// paceGC sets the percent after every collection from now on, for the
// rest of the process, unless GOGC in the environment chooses one.
func paceGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(maxGCPercent) // nothing is live yet
	pacing.Do(armGCPacer)            // once: a process that builds again paces as it does
}

var pacing sync.Once

// armGCPacer makes the next collection run setGCPercent: the finalizer of
// an object that nothing references runs after the collection that
// finds it unreachable, and arms the pacer again.
func armGCPacer() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		setGCPercent()
		armGCPacer()
	})
}

// gcSentinel is the object whose finalizer paces the collector; larger
// than the tiny allocator's 16 bytes, whose objects may never be
// finalized.
type gcSentinel struct{ _ [32]byte }

// setGCPercent sets the percent from the live heap of the last collection.
func setGCPercent() {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		debug.SetGCPercent(gcPercent(s[0].Value.Uint64()))
	}
}
