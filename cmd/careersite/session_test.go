package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// deadline bounds every wait in these tests; none of them sleeps.
const deadline = 20 * time.Second

// session is a long-running command (serve or watch) started with Run.
type session struct {
	dir            string // the site folder
	stdout, stderr *logBuffer
}

// startSession writes the txtar site in testdata/name into a new folder
// and runs the command on it until the test ends.
func startSession(t *testing.T, name string, args ...string) *session {
	t.Helper()
	return runSession(t, writeArchive(t, filepath.Join("testdata", name)), args...)
}

// runSession runs the command on the site folder dir until the test or
// benchmark ends.
func runSession(t testing.TB, dir string, args ...string) *session {
	t.Helper()
	s := &session{dir: dir, stdout: newLogBuffer(), stderr: newLogBuffer()}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	args = append(args, "--source", s.dir)
	go func() { done <- Run(ctx, args, s.stdout, s.stderr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("careersite %s returned %v after Ctrl-C, want nil", args[0], err)
			}
		case <-time.After(deadline):
			t.Errorf("careersite %s did not stop after Ctrl-C", args[0])
		}
	})
	return s
}

func (s *session) write(t *testing.T, name, data string) {
	t.Helper()
	write(t, filepath.Join(s.dir, filepath.FromSlash(name)), data)
}

func (s *session) read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeArchive(t *testing.T, file string) string {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	for _, f := range a.Files {
		write(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
	}
	return dir
}

// logBuffer is a terminal stream that tests can wait on.
type logBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	written chan struct{} // signalled after each write
}

func newLogBuffer() *logBuffer { return &logBuffer{written: make(chan struct{}, 1)} }

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	n, err := l.buf.Write(p)
	l.mu.Unlock()
	select {
	case l.written <- struct{}{}:
	default:
	}
	return n, err
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitCount waits until re matches the text at least n times and returns
// the last match's submatches.
func (l *logBuffer) waitCount(t testing.TB, re *regexp.Regexp, n int) []string {
	t.Helper()
	return l.waitCountFor(t, re, n, deadline)
}

// waitCountFor is waitCount with its own bound.
func (l *logBuffer) waitCountFor(t testing.TB, re *regexp.Regexp, n int, bound time.Duration) []string {
	t.Helper()
	timeout := time.After(bound)
	for {
		if m := re.FindAllStringSubmatch(l.String(), -1); len(m) >= n {
			return m[len(m)-1]
		}
		select {
		case <-l.written:
		case <-timeout:
			t.Fatalf("after %s, want %d matches of %s in:\n%s", bound, n, re, l.String())
		}
	}
}

var builtLine = regexp.MustCompile(`(?m)^built \d+ pages`)

// TestWatchRebuilds runs `careersite watch` and follows the output folder
// through an edit, a failure and the fix.
func TestWatchRebuilds(t *testing.T) {
	s := startSession(t, "serve.txtar", "watch")
	s.stdout.waitCount(t, builtLine, 1)
	page := "public/guides/first/index.html"
	if got := s.read(t, page); !strings.Contains(got, "The first version.") {
		t.Fatalf("%s after the first build:\n%s", page, got)
	}

	s.write(t, "content/guides/first.md", "---\ntitle: First guide\ndate: 2026-01-02\n---\nThe second version.\n")
	s.stdout.waitCount(t, builtLine, 2)
	if got := s.read(t, page); !strings.Contains(got, "The second version.") {
		t.Fatalf("%s after the edit:\n%s", page, got)
	}

	s.write(t, "content/guides/first.md", "---\ntitle: [First guide\n---\nBroken.\n")
	s.stderr.waitCount(t, regexp.MustCompile(`content/guides/first\.md:\d+:\d+: .*\nbuild failed: 1 error; public/ left as it was`), 1)
	if got := s.read(t, page); !strings.Contains(got, "The second version.") {
		t.Fatalf("a failed build changed %s:\n%s", page, got)
	}

	s.write(t, "content/guides/first.md", "---\ntitle: First guide\ndate: 2026-01-02\n---\nThe third version.\n")
	s.stdout.waitCount(t, builtLine, 3)
	if got := s.read(t, page); !strings.Contains(got, "The third version.") {
		t.Fatalf("%s after the fix:\n%s", page, got)
	}
}
