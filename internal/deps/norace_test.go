//go:build !race

package deps

// raceEnabled says the race detector is on (race_test.go).
const raceEnabled = false
