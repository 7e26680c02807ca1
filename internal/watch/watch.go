// Package watch reports changes to a site's sources in batches.
//
// A Watcher watches, below Options.Root, the entries named in Options.Paths
// (by default content/, layouts/, assets/ and site.yaml) and sends a Batch of
// changed files on its channel after every burst of changes. The channel is
// closed when the context given to New ends; that context owns the one
// goroutine a Watcher runs.
//
// What is watched. Directories, never files: fsnotify watches every
// directory below the watched entries, and Root itself (not recursively) so
// that site.yaml and the top-level folders are seen however they are saved
// or created. A directory that appears is watched and scanned at once, so
// files created in it before its watch was added are reported too. Names
// that begin with "." are skipped, as are editors' temporary files (vim's
// *.swp, *.swx, *.swo, "4913" and *~, Emacs's #…# and .#…, JetBrains's
// *___jb_tmp___ and *___jb_old___, *.tmp, .DS_Store) and every directory in
// Options.Ignore (the output folder), which is never watched at all.
//
// What is reported. Batch.Paths lists files, never directories, as
// slash-separated paths relative to Root ("content/jobs/x.md", "site.yaml"):
// files created, written, removed, or renamed (both the old and the new
// name). A removed or renamed directory reports every file that was in it.
// An editor that saves by writing a temporary file and renaming it over the
// original causes one report of the original's name; the temporary name is
// not reported.
//
// When. A batch is sent once no change has arrived for Options.Debounce
// (default 20ms), or at the latest a second after its first change when
// changes never stop. Changes that arrive while the receiver is busy join
// the waiting batch, so a git checkout of thousands of files gives one or a
// few batches.
//
// The empty moment. An editor that saves by truncating a file and then
// writing it leaves it empty for a moment. When a batch is due and one of its
// files exists but is empty, the batch waits until the file has content or
// has stayed empty for Options.EmptyWait (default 250ms) since it was first
// seen empty; only a file that is still empty then is reported as empty.
// Other changes arriving meanwhile join the batch.
//
// Polling. With Options.ForcePoll (for WSL, Docker and network mounts where
// no events arrive), or when the system refuses more watches (inotify's
// fs.inotify.max_user_watches or max_user_instances limit: a message says
// how to raise it), the Watcher instead scans the tree every
// Options.PollInterval (default 500ms) and reports files whose size,
// modification time or mode changed. When the kernel's event queue
// overflows, events were lost: the tree is scanned again and the next batch
// has Rescan set.
package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultPaths are the entries of a site folder that a build reads.
var DefaultPaths = []string{"content", "layouts", "assets", "site.yaml"}

// Options say what to watch and how.
type Options struct {
	Root   string   // the site folder
	Paths  []string // entries directly in Root to watch; nil means DefaultPaths
	Ignore []string // directories never watched nor reported, absolute or relative to Root

	Debounce  time.Duration // quiet time that ends a batch; 0 means 20ms
	EmptyWait time.Duration // how long an empty file may be held back; 0 means 250ms

	ForcePoll    bool          // poll instead of using fsnotify
	PollInterval time.Duration // time between scans when polling; 0 means 500ms

	Logf func(format string, args ...any) // warnings, such as the switch to polling; nil discards them

	// Tests only.
	addErr func(dir string) error // when it returns an error, adding a watch on dir fails with it
	onHold func(paths []string)   // called when a due batch waits for empty files
}

// A Batch is the set of files that changed in one burst.
type Batch struct {
	Paths  []string // changed files, relative to Root, slash-separated, sorted
	Rescan bool     // events were lost: anything may have changed
}

// A Watcher sends batches of changed files; see the package comment.
type Watcher struct {
	opts    Options
	root    string          // absolute
	top     map[string]bool // Options.Paths
	ignore  []string        // Options.Ignore, relative to root, slash-separated
	out     chan Batch
	polling atomic.Bool

	// Owned by the goroutine of run once New returns.
	fsw     *fsnotify.Watcher
	dirs    map[string]bool  // directories known (and watched, unless polling), relative to root
	files   map[string]stamp // every file known, relative to root
	pending map[string]bool  // files changed since the last batch
	rescan  bool
	empty   map[string]time.Time // pending files seen empty, since when
	first   time.Time            // when the oldest pending change arrived
	marks   uint64               // how many changes were marked, ever
}

const (
	defaultDebounce = 20 * time.Millisecond
	defaultEmpty    = 250 * time.Millisecond
	defaultPoll     = 500 * time.Millisecond
	maxDelay        = time.Second          // a batch is sent at the latest this long after its first change
	recheck         = 5 * time.Millisecond // how often held-back empty files are looked at again
)

// New starts watching. Changes made after New returns are reported; the
// files already present are not.
func New(ctx context.Context, opts Options) (*Watcher, error) {
	w, err := newWatcher(opts)
	if err != nil {
		return nil, err
	}
	if !opts.ForcePoll {
		err = w.startNotify()
	}
	if opts.ForcePoll || err != nil {
		if err != nil && !isLimit(err) {
			w.stopNotify()
			return nil, err
		}
		w.startPolling(err, true)
	}
	go w.run(ctx)
	return w, nil
}

func newWatcher(opts Options) (*Watcher, error) {
	if opts.Paths == nil {
		opts.Paths = DefaultPaths
	}
	opts.Debounce = cmpOr(opts.Debounce, defaultDebounce)
	opts.EmptyWait = cmpOr(opts.EmptyWait, defaultEmpty)
	opts.PollInterval = cmpOr(opts.PollInterval, defaultPoll)
	if opts.Logf == nil {
		opts.Logf = func(string, ...any) {}
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{
		opts: opts, root: root, top: map[string]bool{}, out: make(chan Batch),
		dirs: map[string]bool{}, files: map[string]stamp{},
		pending: map[string]bool{}, empty: map[string]time.Time{},
	}
	for _, p := range opts.Paths {
		p = filepath.ToSlash(filepath.Clean(p))
		if strings.Contains(p, "/") || p == "." || p == ".." {
			return nil, fmt.Errorf("watch: %q is not an entry directly in the site folder", p)
		}
		w.top[p] = true
	}
	for _, dir := range opts.Ignore {
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, dir)
		}
		if rel, err := filepath.Rel(root, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			w.ignore = append(w.ignore, filepath.ToSlash(rel))
		}
	}
	return w, nil
}

// Batches returns the channel of batches. It is closed when the context
// given to New ends.
func (w *Watcher) Batches() <-chan Batch { return w.out }

// Polling reports whether the Watcher scans the tree instead of receiving
// events.
func (w *Watcher) Polling() bool { return w.polling.Load() }

// run is the Watcher's one goroutine. It is long because it is the only
// place where events, timers and the receiver meet; each case is one call.
func (w *Watcher) run(ctx context.Context) {
	defer close(w.out)
	defer w.stopNotify()

	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	var (
		ticker *time.Ticker
		ready  bool  // the batch is due and waits for the receiver
		batch  Batch // the batch to send when ready
	)
	// changed restarts the quiet period when the case just run marked a
	// change; marks and rescan are their values before it ran.
	changed := func(marks uint64, rescan bool) {
		if w.marks == marks && w.rescan == rescan {
			return
		}
		if w.first.IsZero() {
			w.first = time.Now()
		}
		ready = false
		quiet.Reset(min(w.opts.Debounce, maxDelay-time.Since(w.first)))
	}
	for {
		if w.Polling() && ticker == nil {
			ticker = time.NewTicker(w.opts.PollInterval)
			defer ticker.Stop()
		}
		var out chan<- Batch
		if ready {
			out = w.out
		}
		marks, rescan := w.marks, w.rescan
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.events():
			if ok {
				w.event(ev)
			}
			changed(marks, rescan)
		case err, ok := <-w.errors():
			if ok {
				w.notifyError(err)
			}
			changed(marks, rescan)
		case <-tickerC(ticker):
			w.scan(false)
			changed(marks, rescan)
		case <-quiet.C:
			if wait := w.hold(); wait > 0 {
				quiet.Reset(wait)
				continue
			}
			if len(w.pending) > 0 || w.rescan {
				ready, batch = true, w.batch()
			}
		case out <- batch:
			ready = false
			clear(w.pending)
			clear(w.empty)
			w.rescan = false
			w.first = time.Time{}
		}
	}
}

// batch makes the Batch of the pending changes.
func (w *Watcher) batch() Batch {
	var paths []string
	for p := range w.pending {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return Batch{Paths: paths, Rescan: w.rescan}
}

// hold says how long a due batch must still wait for empty files to fill
// in; 0 means it can be sent. See "The empty moment" in the package comment.
func (w *Watcher) hold() time.Duration {
	var held []string
	now := time.Now()
	for rel, since := range w.empty {
		info, err := os.Stat(w.abs(rel))
		if err == nil && info.Size() > 0 {
			w.files[rel] = stampOf(info) // filled in: polling need not report it again
		}
		if err != nil || info.Size() > 0 || now.Sub(since) >= w.opts.EmptyWait {
			delete(w.empty, rel)
			continue
		}
		held = append(held, rel)
	}
	if len(held) == 0 {
		return 0
	}
	if w.opts.onHold != nil {
		w.opts.onHold(held)
	}
	return recheck
}

// mark records that the file rel changed; info is its state now, nil when
// it is gone.
func (w *Watcher) mark(rel string, info os.FileInfo) {
	w.pending[rel] = true
	w.marks++
	if info == nil {
		delete(w.files, rel)
		delete(w.empty, rel)
		return
	}
	w.files[rel] = stampOf(info)
	if info.Size() > 0 {
		delete(w.empty, rel)
	} else if _, ok := w.empty[rel]; !ok {
		w.empty[rel] = time.Now()
	}
}

// startPolling switches to polling; cause, when not nil, is the error that
// made fsnotify unusable. The tree is scanned at once: quietly when starting,
// else reporting what changed while watches were missing.
func (w *Watcher) startPolling(cause error, quietly bool) {
	w.stopNotify()
	w.polling.Store(true)
	if cause != nil {
		w.opts.Logf("%s; polling for changes every %s instead", limitAdvice(cause), w.opts.PollInterval)
	}
	w.scan(quietly)
}

// isLimit reports whether err is the system refusing more inotify watches
// or instances.
func isLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE)
}

func limitAdvice(err error) string {
	setting := "fs.inotify.max_user_watches=524288"
	if errors.Is(err, syscall.EMFILE) {
		setting = "fs.inotify.max_user_instances=1024"
	}
	return fmt.Sprintf("watch: the system allows no more file watches (%v): raise the limit with "+
		"`sudo sysctl %s` (add the line %s to /etc/sysctl.d/90-inotify.conf to keep it)",
		err, setting, setting)
}

func tickerC(t *time.Ticker) <-chan time.Time {
	if t == nil {
		return nil
	}
	return t.C
}

func cmpOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
