// Package progress shows how far a long build has got.
//
// A Printer takes the build's progress callback, Update(stage, done,
// total): how many of the stage's items are done ("converting Markdown",
// "writing files"). On a terminal, once Delay has passed since the Printer
// was made, it shows one line, "writing files: 4210/20230 (20%) · 2.3s",
// and rewrites it in place at most every Interval and when the last item
// of a stage is done; Done clears the line, so that the build's summary
// is printed on a clean line.
// Anywhere else (a CI log, a pipe, a file) it prints nothing: the final
// summary is the whole log, and a log is not filled with carriage returns.
//
// A build shorter than Delay shows nothing. IsTerminal decides "a
// terminal": a character device, as os.Stdout and os.Stderr are when
// nothing redirects them.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Delay is how long a build runs before its progress is shown.
const Delay = time.Second

// Interval is the shortest time between two redraws.
const Interval = 100 * time.Millisecond

// A Printer shows progress on a terminal. It is safe for concurrent use:
// a build calls Update from every rendering goroutine.
type Printer struct {
	w     io.Writer
	live  bool
	now   func() time.Time
	start time.Time

	mu    sync.Mutex
	drawn time.Time // when the line was last drawn; zero until it is
	width int       // the length of the line on screen
}

// New returns a Printer writing to w. live says whether w is a terminal
// (IsTerminal); without it the Printer prints nothing. now is the clock,
// nil for time.Now; the Printer's Delay starts now.
func New(w io.Writer, live bool, now func() time.Time) *Printer {
	if now == nil {
		now = time.Now
	}
	return &Printer{w: w, live: live, now: now, start: now()}
}

// IsTerminal reports whether w is a terminal: a file that is a character
// device.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Update records that done of the total items of stage are done, and
// redraws the line when it is due.
func (p *Printer) Update(stage string, done, total int) {
	if !p.live || total <= 0 {
		return
	}
	t := p.now()
	elapsed := t.Sub(p.start)
	if elapsed < Delay {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.drawn.IsZero() && t.Sub(p.drawn) < Interval && done < total {
		return
	}
	p.draw(Line(stage, done, total, elapsed))
	p.drawn = t
}

// Done clears the line, if one is shown.
func (p *Printer) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
		p.width = 0
	}
}

// draw writes line over the one on screen, blanking what it leaves over.
func (p *Printer) draw(line string) {
	n := utf8.RuneCountInString(line)
	pad := max(0, p.width-n)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.width = n
}

// Line is the text shown for done of total items of stage after elapsed.
func Line(stage string, done, total int, elapsed time.Duration) string {
	return fmt.Sprintf("%s: %d/%d (%d%%) · %.1fs", stage, done, total, done*100/total, elapsed.Seconds())
}
