package progress

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a fake time source that tests move by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)} }
func cr(lines ...string) string          { return "\r" + strings.Join(lines, "\r") }
func blank(n int) string                 { return strings.Repeat(" ", max(0, n)) }
func width(s string) int                 { return len([]rune(s)) }

func TestLine(t *testing.T) {
	tests := []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{0, 10, 1200 * time.Millisecond, "writing files: 0/10 (0%) · 1.2s"},
		{4210, 20230, 2340 * time.Millisecond, "writing files: 4210/20230 (20%) · 2.3s"},
		{10, 10, 61 * time.Second, "writing files: 10/10 (100%) · 61.0s"},
	}
	for _, tt := range tests {
		if got := Line("writing files", tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("Line(%q, %d, %d, %v) = %q, want %q", "writing files", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}

func TestNotATerminalPrintsNothing(t *testing.T) {
	var out bytes.Buffer
	c := newClock()
	p := New(&out, false, c.now)
	c.advance(5 * time.Second)
	for i := 1; i <= 100; i++ {
		p.Update("writing files", i, 100)
	}
	p.Done()
	if out.Len() != 0 {
		t.Errorf("printed %q without a terminal, want nothing", out.String())
	}
}

func TestShortBuildPrintsNothing(t *testing.T) {
	var out bytes.Buffer
	c := newClock()
	p := New(&out, true, c.now)
	for i := 1; i <= 100; i++ {
		c.advance(9 * time.Millisecond) // 0.9s in all
		p.Update("writing files", i, 100)
	}
	p.Done()
	if out.Len() != 0 {
		t.Errorf("printed %q for a build shorter than Delay, want nothing", out.String())
	}
}

func TestLongBuildUpdatesOneLine(t *testing.T) {
	var out bytes.Buffer
	c := newClock()
	p := New(&out, true, c.now)
	c.advance(Delay)
	p.Update("writing files", 1, 200) // drawn: the delay has passed
	c.advance(Interval / 2)
	p.Update("writing files", 2, 200) // not drawn: too soon
	c.advance(Interval / 2)
	p.Update("writing files", 3, 200)   // drawn
	p.Update("writing files", 200, 200) // drawn at once: the last page
	first := Line("writing files", 1, 200, Delay)
	second := Line("writing files", 3, 200, Delay+Interval)
	last := Line("writing files", 200, 200, Delay+Interval)
	want := "\r" + first + "\r" + second + blank(width(first)-width(second)) + "\r" + last + blank(width(second)-width(last))
	if got := out.String(); got != want {
		t.Fatalf("output = %q, want %q", got, want)
	}
	out.Reset()
	p.Done()
	if got, want := out.String(), cr(blank(width(last)), ""); got != want {
		t.Errorf("Done printed %q, want %q (the line blanked)", got, want)
	}
	out.Reset()
	p.Done()
	if out.Len() != 0 {
		t.Errorf("second Done printed %q, want nothing", out.String())
	}
}

// TestConcurrentUpdates runs under -race, as a build calls Update from
// every rendering goroutine.
func TestConcurrentUpdates(t *testing.T) {
	var (
		out bytes.Buffer
		mu  sync.Mutex
	)
	start := time.Now().Add(-2 * Delay)
	p := New(&lockedWriter{w: &out, mu: &mu}, true, nil)
	p.start = start
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 250 {
				p.Update("writing files", g*250+i+1, 1000)
			}
		})
	}
	wg.Wait()
	p.Done()
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(out.String(), "writing files: ") {
		t.Errorf("output = %q, want a progress line", out.String())
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

func TestIsTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("IsTerminal(regular file) = true, want false")
	}
	if IsTerminal(&bytes.Buffer{}) {
		t.Error("IsTerminal(*bytes.Buffer) = true, want false")
	}
}
