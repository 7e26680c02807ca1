//go:build race

package deps

// raceEnabled says the race detector is on: it makes sync.Pool drop
// some of what is put back, so a borrowed Hasher is sometimes new.
const raceEnabled = true
