package preview

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/watch"
)

// deadline bounds every wait in these tests but the first build's; none
// of them sleeps.
const deadline = 20 * time.Second

// firstBuild bounds the wait for the first build, which for the 10,000
// pages of BenchmarkEditToEvent takes ten to thirty seconds on two cores,
// as busy as they are: more than deadline.
const firstBuild = 5 * time.Minute

func TestStyleOnly(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   watch.Batch
		want bool
	}{
		{"one stylesheet", watch.Batch{Paths: []string{"assets/css/site.css"}}, true},
		{"two stylesheets", watch.Batch{Paths: []string{"assets/a.css", "assets/css/site.css"}}, true},
		{"a page too", watch.Batch{Paths: []string{"assets/css/site.css", "content/a.md"}}, false},
		{"a template", watch.Batch{Paths: []string{"layouts/_default/single.html"}}, false},
		{"rescan", watch.Batch{Paths: []string{"assets/css/site.css"}, Rescan: true}, false},
		{"first build", watch.Batch{Rescan: true}, false},
	} {
		if got := styleOnly(tc.in); got != tc.want {
			t.Errorf("%s: styleOnly(%v) = %v, want %v", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestPollOption checks that --poll (Options.Poll) makes the watcher poll,
// at that interval, as WSL, Docker and network mounts need.
func TestPollOption(t *testing.T) {
	dir := writeFiles(t, map[string]string{"site.yaml": "title: T\n", "content/a.md": "---\ntitle: A\n---\n"})
	for _, poll := range []time.Duration{0, 10 * time.Millisecond} {
		w, err := startWatch(t.Context(), Options{Site: site.Options{Source: dir}, Poll: poll}, "", newOutputs(io.Discard, io.Discard))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := w.Polling(), poll > 0; got != want {
			t.Errorf("with Poll %s, Polling() = %v, want %v", poll, got, want)
		}
	}
}

// TestServeEvents runs Serve on a small site and reads the event stream
// as a page would, through an edit, a failure, the fix and a stylesheet
// change.
func TestServeEvents(t *testing.T) {
	p := startServe(t, writeFiles(t, map[string]string{
		"site.yaml":               "title: T\nbase_url: https://t.example/\nlanguage: en\n",
		"content/_index.md":       "---\ntitle: Home\n---\n",
		"content/guides/first.md": "---\ntitle: First\ndate: 2026-01-02\n---\nOne.\n",
		"assets/css/site.css":     "h1 { color: red }\n",
	}))
	p.next(t, "hello")

	p.write(t, "content/guides/first.md", "---\ntitle: First\ndate: 2026-01-02\n---\nTwo.\n")
	p.next(t, "reload")
	if body := p.get(t, "guides/first/"); !strings.Contains(body, "Two.") {
		t.Errorf("after the reload event the page is\n%s", body)
	}

	p.write(t, "content/guides/first.md", "---\ntitle: [First\n---\nBroken.\n")
	if ev := p.next(t, "error"); !regexp.MustCompile(`^content/guides/first\.md:\d+:\d+: `).MatchString(ev.data) {
		t.Errorf("error event %q, want it to start with the file's path:line:col", ev.data)
	}
	if body := p.get(t, "guides/first/"); !strings.Contains(body, "Two.") {
		t.Errorf("during the failure the page is\n%s\nwant the last good one", body)
	}

	p.write(t, "content/guides/first.md", "---\ntitle: First\ndate: 2026-01-02\n---\nThree.\n")
	p.next(t, "reload")

	p.write(t, "assets/css/site.css", "h1 { color: blue }\n")
	if ev := p.next(t, "css"); !strings.Contains(ev.data, "/css/site") {
		t.Errorf("css event %q, want the stylesheet's URL", ev.data)
	}
}

// served is a running Serve with an open event stream.
type served struct {
	dir    string
	addr   string
	events chan sse
	out    *lines // what Serve prints
}

type sse struct{ name, data string }

func startServe(t testing.TB, dir string) *served {
	t.Helper()
	stdout := &lines{seen: make(chan struct{}, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{
			Options: Options{Site: site.Options{Source: dir, Theme: careersite.Theme()}, Stdout: stdout, Stderr: stdout},
			Bind:    "127.0.0.1",
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve returned %v, want nil", err)
			}
		case <-time.After(deadline):
			t.Error("Serve did not return after its context ended")
		}
	})
	p := &served{dir: dir, addr: stdout.wait(t, regexp.MustCompile(`at (http://\S+/) `)), events: make(chan sse, 16), out: stdout}
	stdout.waitFor(t, regexp.MustCompile(`(?m)^built `), firstBuild)

	resp, err := http.Get(p.addr + "_careersite/events")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		defer resp.Body.Close()
		var ev sse
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			field, value, _ := strings.Cut(sc.Text(), ": ")
			switch field {
			case "event":
				ev.name = value
			case "data":
				ev.data += value
			case "":
				if ev.name != "" {
					p.events <- ev
				}
				ev = sse{}
			}
		}
		close(p.events)
	}()
	return p
}

// next waits for the next event, which must be called name.
func (p *served) next(t testing.TB, name string) sse {
	t.Helper()
	select {
	case ev, ok := <-p.events:
		if !ok || ev.name != name {
			t.Fatalf("event %q %q (open: %v), want %q", ev.name, ev.data, ok, name)
		}
		return ev
	case <-time.After(deadline):
		t.Fatalf("no %q event after %s", name, deadline)
	}
	return sse{}
}

func (p *served) write(t testing.TB, name, data string) {
	t.Helper()
	writeFile(t, filepath.Join(p.dir, filepath.FromSlash(name)), data)
}

func (p *served) get(t testing.TB, path string) string {
	t.Helper()
	resp, err := http.Get(p.addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	return buf.String()
}

func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), data)
	}
	return dir
}

func writeFile(t testing.TB, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lines is a terminal stream that tests can wait on.
type lines struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	seen chan struct{}
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	n, err := l.buf.Write(p)
	l.mu.Unlock()
	select {
	case l.seen <- struct{}{}:
	default:
	}
	return n, err
}

// wait waits until re matches and returns its first submatch, or the match.
func (l *lines) wait(t testing.TB, re *regexp.Regexp) string {
	t.Helper()
	return l.waitFor(t, re, deadline)
}

// waitFor is wait with its own bound.
func (l *lines) waitFor(t testing.TB, re *regexp.Regexp, bound time.Duration) string {
	t.Helper()
	timeout := time.After(bound)
	for {
		l.mu.Lock()
		m := re.FindStringSubmatch(l.buf.String())
		text := l.buf.String()
		l.mu.Unlock()
		if m != nil {
			return m[len(m)-1]
		}
		select {
		case <-l.seen:
		case <-timeout:
			t.Fatalf("after %s, no match of %s in:\n%s", bound, re, text)
		}
	}
}
