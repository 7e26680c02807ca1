// Package buildprofile writes a CPU and a heap profile of one run of a
// command, so that anyone can see where a build spends its time and its
// memory without a benchmark harness.
//
// Start(dir) creates dir if needed and starts the CPU profile into
// dir/cpu.pprof; the stop function it returns ends the CPU profile and
// writes dir/heap.pprof, the heap as the run leaves it (allocations since
// the start, and what is still in use after a garbage collection). Both
// are the files runtime/pprof writes, read with
// `go tool pprof BINARY dir/cpu.pprof`. Only one CPU profile can run in a
// process at a time: a second Start before the first stop fails.
package buildprofile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// The names of the files Start writes into its folder.
const (
	CPUFile  = "cpu.pprof"
	HeapFile = "heap.pprof"
)

// Start begins profiling into dir. Call the returned stop exactly once,
// when the work to profile is done.
func Start(dir string) (stop func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	cpu, err := os.Create(filepath.Join(dir, CPUFile))
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		cpu.Close()
		return nil, fmt.Errorf("profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return errors.Join(closeFile(cpu), writeHeap(filepath.Join(dir, HeapFile)))
	}, nil
}

// writeHeap writes the heap profile to name after a garbage collection,
// so that its in-use figures are what is live, not what awaits collection.
func writeHeap(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("profile: %w", err)
	}
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("profile: %s: %w", name, err)
	}
	return closeFile(f)
}

func closeFile(f *os.File) error {
	if err := f.Close(); err != nil {
		return fmt.Errorf("profile: %w", err)
	}
	return nil
}
