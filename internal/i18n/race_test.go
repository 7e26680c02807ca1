//go:build race

package i18n

// raceEnabled says the race detector is on: allocation counts are not
// those of a build.
const raceEnabled = true
