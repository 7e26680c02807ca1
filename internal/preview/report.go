package preview

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/watch"
)

// outputs are the terminal's two streams, safe for the loop and the
// watcher's warnings to write at once.
type outputs struct {
	mu             sync.Mutex
	stdout, stderr io.Writer
}

func newOutputs(stdout, stderr io.Writer) *outputs {
	o := &outputs{}
	o.stdout = lockedWriter{&o.mu, stdout}
	o.stderr = lockedWriter{&o.mu, stderr}
	return o
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (o *outputs) infof(format string, args ...any) {
	fmt.Fprintf(o.stdout, format+"\n", args...)
}

func (o *outputs) warnf(format string, args ...any) {
	fmt.Fprintf(o.stderr, "careersite: "+format+"\n", args...)
}

// report prints one build's outcome: a summary line on success, every
// error and a count on failure. kept says what happened to the output of
// the last good build.
func (o *outputs) report(batch watch.Batch, res *site.Result, err error, took time.Duration, kept string) {
	took = took.Round(time.Millisecond)
	if err != nil {
		fmt.Fprintf(o.stderr, "%v\nbuild failed: %s; %s\n", err, diag.Counted(err), kept)
		return
	}
	fmt.Fprintf(o.stdout, "built %d pages, %d files in %s%s\n", res.Pages, res.Files, took, changes(batch))
}

// changes names what a batch changed, briefly: " after content/a.md and 2 more".
func changes(b watch.Batch) string {
	switch {
	case len(b.Paths) == 0:
		return ""
	case len(b.Paths) == 1:
		return " after " + b.Paths[0]
	}
	more := len(b.Paths) - 1
	return fmt.Sprintf(" after %s and %d more", b.Paths[0], more)
}
