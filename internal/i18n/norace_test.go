//go:build !race

package i18n

// raceEnabled says the race detector is on (race_test.go).
const raceEnabled = false
