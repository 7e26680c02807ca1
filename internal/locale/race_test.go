//go:build race

package locale

// raceEnabled says the race detector is on: allocation counts are not
// those of a build.
const raceEnabled = true
