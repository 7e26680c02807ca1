package main

import (
	"bytes"
	"context"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/version"
)

// versionLine is the format internal/version documents: "careersite", the
// version, then the pairs in their order, no value holding a space.
var versionLine = regexp.MustCompile(`^careersite (\S+) revision=(\S+) time=(\S+) modified=(true|false|unknown) go=(\S+) platform=(\S+/\S+) theme=([0-9a-f]{16})$`)

// TestVersion: `careersite version` and `careersite --version` print the
// same one line, which a script can split into its fields, naming the Go
// release, the platform and the embedded theme's digest.
func TestVersion(t *testing.T) {
	digest, err := version.Digest(careersite.Theme())
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, arg := range []string{"version", "--version"} {
		var stdout, stderr bytes.Buffer
		err := Run(context.Background(), []string{arg}, &stdout, &stderr)
		if code := exitCode(err, &stderr); code != 0 {
			t.Fatalf("careersite %s: exit %d (%v), stderr %q", arg, code, err, stderr.String())
		}
		out := stdout.String()
		if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") {
			t.Fatalf("careersite %s printed %q, want one line", arg, out)
		}
		line := strings.TrimSuffix(out, "\n")
		m := versionLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("careersite %s printed %q, which does not match %s", arg, line, versionLine)
		}
		if m[5] != runtime.Version() {
			t.Errorf("careersite %s: go=%s, want %s", arg, m[5], runtime.Version())
		}
		if m[6] != runtime.GOOS+"/"+runtime.GOARCH {
			t.Errorf("careersite %s: platform=%s, want %s/%s", arg, m[6], runtime.GOOS, runtime.GOARCH)
		}
		if m[7] != digest {
			t.Errorf("careersite %s: theme=%s, want the embedded theme's digest %s", arg, m[7], digest)
		}
		lines = append(lines, line)
	}
	if lines[0] != lines[1] {
		t.Errorf("careersite version printed %q, careersite --version %q", lines[0], lines[1])
	}
}

// TestHelpStartsWithVersion: the version line heads `careersite --help`,
// so that help pasted into a bug report says which build it came from.
func TestHelpStartsWithVersion(t *testing.T) {
	var want bytes.Buffer
	if err := Run(context.Background(), []string{"version"}, &want, &want); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"help", "-h", "--help"} {
		var stdout, stderr bytes.Buffer
		if err := Run(context.Background(), []string{arg}, &stdout, &stderr); err != nil {
			t.Fatalf("careersite %s: %v", arg, err)
		}
		first, rest, _ := strings.Cut(stdout.String(), "\n")
		if first+"\n" != want.String() {
			t.Errorf("careersite %s begins %q, want the version line %q", arg, first, want.String())
		}
		if !strings.HasPrefix(rest, usage) {
			t.Errorf("careersite %s: the usage does not follow the version line:\n%s", arg, rest)
		}
	}
}
