package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/testsite"
)

// TestNeovim drives `careersite lsp` from a real client: headless Neovim
// with its built-in LSP client runs testdata/nvim-lsp.lua against a copy of
// the example site. It opens a job description, types a wrong seniority,
// and checks the diagnostic's line and column, the values completion
// offers there, and the line after the quick fix. Without nvim it skips,
// unless CAREERSITE_REQUIRE_TOOLS=1 (as in CI) makes that a failure.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		msg := "no nvim on PATH: install it (apt-get install -y neovim) to run the editor test"
		if os.Getenv("CAREERSITE_REQUIRE_TOOLS") == "1" {
			t.Fatal(msg + "; CAREERSITE_REQUIRE_TOOLS=1 requires it")
		}
		t.Skip(msg)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	if err := testsite.CopyExample(site, "../.."); err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("testdata/nvim-lsp.lua")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-c", "luafile "+script)
	// The test binary is the server: runEnv makes it run the command line.
	cmd.Env = append(os.Environ(), runEnv+"=1", "CS_EXE="+exe, "CS_SITE="+site, "CS_OUT="+out, "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	facts := strings.Split(strings.TrimSpace(string(b)), "\n")
	t.Logf("nvim saw:\n%s", b)

	row := lineOf(t, filepath.Join(site, "content/jobs/back-end-developer.md"), "seniority:")
	want := []string{
		"diagnostic " + row + ` 11 17 seniority: want one of intern, junior, mid, senior, staff, principal, lead, manager or director, got "senoir"; did you mean "senior"?`,
		"completion intern", "completion senior", "completion director",
		`action Change to "senior"`,
		"line seniority: senior",
	}
	for _, w := range want {
		if !slices.Contains(facts, w) {
			t.Errorf("nvim did not see %q", w)
		}
	}
}

// lineOf returns the 0-based number of the first line of file that starts
// with prefix, as text.
func lineOf(t *testing.T, file, prefix string) string {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, prefix) {
			return strconv.Itoa(i)
		}
	}
	t.Fatalf("no line %q in %s", prefix, file)
	return ""
}
