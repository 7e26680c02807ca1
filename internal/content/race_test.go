//go:build race

package content

// raceEnabled says the race detector is on: it makes sync.Pool drop some
// of what is put back, and allocation counts are not those of a build.
const raceEnabled = true
