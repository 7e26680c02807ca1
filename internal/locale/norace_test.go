//go:build !race

package locale

// raceEnabled says the race detector is on (race_test.go).
const raceEnabled = false
