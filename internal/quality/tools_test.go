package quality

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// repoRoot is the example site and the home of package.json: the tests run
// in this package's folder, two levels below it.
const repoRoot = "../.."

// requireToolsEnv names the variable that turns a missing tool from a skip
// into a failure.
const requireToolsEnv = "CAREERSITE_REQUIRE_TOOLS"

// toolMissing skips the test, or fails it when requireToolsEnv is "1".
func toolMissing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv(requireToolsEnv) == "1" {
		t.Fatalf("%s (failing because %s=1)", msg, requireToolsEnv)
	}
	t.Skipf("skipped: %s (set %s=1 to fail instead)", msg, requireToolsEnv)
}

// program returns the path of the first of names found on $PATH.
func program(t testing.TB, install string, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	toolMissing(t, "none of %q is on $PATH: %s", names, install)
	return ""
}

// nodeModule returns the path of a file in the repository's node_modules.
func nodeModule(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(repoRoot, "node_modules", filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		toolMissing(t, "node_modules/%s is missing: run \"npm ci --ignore-scripts\" at the repository root", name)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
