package lsp

import (
	"context"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/site"
)

// checker runs the session's Builder: one check at a time, once the
// changes have paused for debounce, handing each result to done.
type checker struct {
	builder  *site.Builder
	debounce time.Duration
	done     func(result)

	mu      sync.Mutex
	all     bool            // the next check reads everything
	pending map[string]bool // the files changed since the last check
	wake    chan struct{}   // something is pending (capacity 1)
}

// result is what one check found, and the pages it read.
type result struct {
	warnings []*diag.Error
	err      error
	pages    *sitePages
}

func newChecker(b *site.Builder, debounce time.Duration, done func(result)) *checker {
	return &checker{builder: b, debounce: debounce, done: done, pending: map[string]bool{}, wake: make(chan struct{}, 1)}
}

// checkAll asks for a check of everything.
func (c *checker) checkAll() {
	c.mu.Lock()
	c.all = true
	c.mu.Unlock()
	c.signal()
}

// changed asks for a check after the file name changed.
func (c *checker) changed(name string) {
	c.mu.Lock()
	c.pending[name] = true
	c.mu.Unlock()
	c.signal()
}

func (c *checker) signal() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// take returns what changed since the last check (nil: everything) and
// forgets it.
func (c *checker) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	changed := slices.Sorted(maps.Keys(c.pending))
	clear(c.pending)
	if c.all {
		c.all = false
		return nil
	}
	return changed
}

// run checks whenever something changed, until ctx is done. Nothing is
// checked before the first checkAll (the initialized notification).
func (c *checker) run(ctx context.Context) {
	started := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-c.wake:
		}
		if !c.settle(ctx) {
			return
		}
		c.mu.Lock()
		started = started || c.all
		c.mu.Unlock()
		if !started {
			continue
		}
		changed := c.take()
		warnings, err := c.builder.Check(ctx, changed)
		if ctx.Err() != nil {
			return
		}
		c.done(result{warnings: warnings, err: err, pages: newSitePages(c.builder.Pages())})
	}
}

// settle waits until no change has come for the debounce time; false when
// ctx is done first.
func (c *checker) settle(ctx context.Context) bool {
	if c.debounce <= 0 {
		return true
	}
	t := time.NewTimer(c.debounce)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-c.wake:
			t.Reset(c.debounce)
		case <-t.C:
			return true
		}
	}
}
