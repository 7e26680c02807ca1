package main

import (
	"context"
	"os"
	"testing"
)

// runEnv, set to "1" in its environment, makes the test binary run the
// command line os.Args[1:] with Run, as the careersite binary would,
// instead of the tests: a test that needs a build in a process of its own
// (to kill it, crash_test.go) starts this binary so.
const runEnv = "CAREERSITE_TEST_RUN"

func TestMain(m *testing.M) {
	if os.Getenv(runEnv) == "1" {
		os.Exit(exitCode(Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
	}
	os.Exit(m.Run())
}
