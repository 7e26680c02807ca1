//go:build race

package main

// raceEnabled says the race detector is on: it makes a build several
// times slower, so tests that time whole builds make smaller sites.
const raceEnabled = true
