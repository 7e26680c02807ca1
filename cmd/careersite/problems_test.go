package main

import (
	"slices"
	"strings"
	"testing"
)

// TestErrorCount: the count line under a failed build counts every error
// printed, not the joins they came in; each error at a section's index.md
// says what to write instead; check counts the same.
func TestErrorCount(t *testing.T) {
	dir, want := siteArchive(t, "testdata/sections.txtar")
	code, _, stderr := run(t, "build", "--source", dir, "--no-cache")
	if code != 1 {
		t.Errorf("build exit %d, want 1", code)
	}
	if stderr != want["stderr"] {
		t.Errorf("build printed:\n%s\nwant:\n%s", stderr, want["stderr"])
	}
	code, stdout, _ := run(t, "check", "--source", dir)
	if code != 1 || !containsLine(stdout, "check: 3 errors, no warnings") {
		t.Errorf("check exit %d, printed:\n%s\nwant the summary line %q", code, stdout, "check: 3 errors, no warnings")
	}
}

// TestWarningSummary: build prints a warning whose kind occurs once in
// full and one line for a kind that repeats; check lists every warning.
func TestWarningSummary(t *testing.T) {
	dir, want := siteArchive(t, "testdata/stale.txtar")
	code, _, stderr := run(t, "build", "--source", dir, "--no-cache", "--quiet")
	if code != 0 {
		t.Errorf("build exit %d, want 0", code)
	}
	if stderr != want["stderr"] {
		t.Errorf("build printed:\n%s\nwant:\n%s", stderr, want["stderr"])
	}
	_, stdout, _ := run(t, "check", "--source", dir)
	if stdout != want["check"] {
		t.Errorf("check printed:\n%s\nwant:\n%s", stdout, want["check"])
	}
}

// containsLine reports whether line is one of the lines of s.
func containsLine(s, line string) bool {
	return slices.Contains(strings.Split(s, "\n"), line)
}
