//go:build !race

package convert

// raceEnabled says the race detector is on (race_test.go).
const raceEnabled = false
