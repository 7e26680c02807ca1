package lsp

import (
	"context"
	"maps"
	"slices"
	"sync"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/site"
)

// checker runs the session's Builder: one check at a time, started as soon
// as something changed and no check runs, handing each result to done.
// The changes that come while a check runs wait for it and are checked
// together in the next: a check starts at once after a keystroke when the
// server is idle, and an author typing faster than the site is checked
// gets one check for every run of keystrokes, not one a key. A fixed wait
// for the author to pause would delay every keystroke's diagnostics by
// that wait.
type checker struct {
	builder *site.Builder
	docs    *documents
	done    func(result)

	mu      sync.Mutex
	started bool            // the first checkAll came (the initialized notification)
	all     bool            // the next check reads everything
	pending map[string]bool // the files changed since the last check
	wake    chan struct{}   // something is pending (capacity 1)
}

// result is what one check found, the pages it read, and the documents it
// read (documents.seen, taken as it started).
type result struct {
	warnings []*diag.Error
	err      error
	pages    *sitePages
	seen     map[string]seen
}

func newChecker(b *site.Builder, docs *documents, done func(result)) *checker {
	return &checker{builder: b, docs: docs, done: done, pending: map[string]bool{}, wake: make(chan struct{}, 1)}
}

// checkAll asks for a check of everything.
func (c *checker) checkAll() {
	c.mu.Lock()
	c.started, c.all = true, true
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
// forgets it; false before the first checkAll, when nothing is checked.
func (c *checker) take() ([]string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.started {
		return nil, false
	}
	changed := slices.Sorted(maps.Keys(c.pending))
	clear(c.pending)
	if c.all {
		c.all = false
		return nil, true
	}
	return changed, true
}

// run checks whenever something changed, until ctx is done.
func (c *checker) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-c.wake:
		}
		changed, ok := c.take()
		if !ok {
			continue
		}
		// After take: a document changed since is both newer than seen
		// and pending, so its diagnostics wait for the next check.
		seen := c.docs.seen()
		warnings, err := c.builder.Check(ctx, changed)
		if ctx.Err() != nil {
			return
		}
		c.done(result{warnings: warnings, err: err, pages: newSitePages(c.builder.Pages()), seen: seen})
		// The pagers the check left (site.Builder.Check) are made now,
		// unless something changed meanwhile: the next check leaves
		// them again, and its list comes first.
		if !c.builder.PagersLeft() || c.pendingNow() {
			continue
		}
		warnings, err = c.builder.CheckPagers(ctx)
		if ctx.Err() != nil {
			return
		}
		c.done(result{warnings: warnings, err: err, pages: newSitePages(c.builder.Pages()), seen: seen})
	}
}

// pendingNow reports whether something changed since the last take.
func (c *checker) pendingNow() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.all || len(c.pending) > 0
}
