//go:build !race

package content

// raceEnabled says the race detector is on (race_test.go).
const raceEnabled = false
