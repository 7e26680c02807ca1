package watch

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// deadline bounds every wait in these tests; none of them sleeps.
const deadline = 10 * time.Second

// newSite writes a small site folder and returns its path.
func newSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range map[string]string{
		"site.yaml":                     "title: T\n",
		"README.md":                     "not part of the site\n",
		"content/jobs/a.md":             "---\ntitle: A\n---\nA.\n",
		"content/jobs/b.md":             "---\ntitle: B\n---\nB.\n",
		"layouts/_default/single.html":  "{{ .Content }}\n",
		"assets/css/site.css":           "body { color: black }\n",
		"public/index.html":             "output\n",
		"content/guides/deep/er/one.md": "---\ntitle: One\n---\n",
	} {
		write(t, root, name, data)
	}
	return root
}

func start(t *testing.T, opts Options) *Watcher {
	t.Helper()
	w, err := New(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// until receives batches until every path in want has been reported, and
// returns the union of everything reported.
func until(t *testing.T, w *Watcher, want ...string) (union map[string]bool, batches []Batch) {
	t.Helper()
	union = map[string]bool{}
	timeout := time.After(deadline)
	for !hasAll(union, want) {
		select {
		case b, ok := <-w.Batches():
			if !ok {
				t.Fatal("the batch channel closed")
			}
			batches = append(batches, b)
			for _, p := range b.Paths {
				union[p] = true
			}
		case <-timeout:
			t.Fatalf("after %s, reported %v, want %v", deadline, slices.Sorted(maps.Keys(union)), want)
		}
	}
	return union, batches
}

// exactly is until, then a check that nothing but want was reported.
func exactly(t *testing.T, w *Watcher, want ...string) {
	t.Helper()
	union, _ := until(t, w, want...)
	if got := slices.Sorted(maps.Keys(union)); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("reported %q, want %q", got, want)
	}
}

func hasAll(set map[string]bool, want []string) bool {
	for _, p := range want {
		if !set[p] {
			return false
		}
	}
	return true
}

func TestCreateWriteDelete(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root})

	write(t, root, "content/jobs/new.md", "---\ntitle: New\n---\n")
	exactly(t, w, "content/jobs/new.md")

	write(t, root, "content/jobs/a.md", "---\ntitle: A2\n---\nA changed.\n")
	exactly(t, w, "content/jobs/a.md")

	remove(t, root, "content/jobs/b.md")
	exactly(t, w, "content/jobs/b.md")

	write(t, root, "layouts/_default/single.html", "<main>{{ .Content }}</main>\n")
	write(t, root, "assets/css/site.css", "body { color: navy }\n")
	exactly(t, w, "assets/css/site.css", "layouts/_default/single.html")
}

func TestSiteYAMLOnlyAmongRootFiles(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root})

	write(t, root, "README.md", "changed, but not part of the site\n")
	write(t, root, "public/index.html", "new output\n")
	write(t, root, "site.yaml.tmp", "title: T2\n")
	rename(t, root, "site.yaml.tmp", "site.yaml")
	exactly(t, w, "site.yaml")
}

// TestEditorSaves replays, step by step, how editors save a file that
// already exists; each must give exactly one change of that file.
func TestEditorSaves(t *testing.T) {
	const f = "content/jobs/a.md"
	const body = "---\ntitle: Saved\n---\nSaved.\n"
	for _, tc := range []struct {
		name  string
		steps func(t *testing.T, root string)
	}{
		{"truncate then write (VS Code, nano)", func(t *testing.T, root string) {
			write(t, root, f, body)
		}},
		{"rename over (atomic writers)", func(t *testing.T, root string) {
			write(t, root, f+".tmp", body)
			rename(t, root, f+".tmp", f)
		}},
		{"vim (backupcopy=no)", func(t *testing.T, root string) {
			write(t, root, "content/jobs/4913", "")
			remove(t, root, "content/jobs/4913")
			write(t, root, "content/jobs/.a.md.swp", "swap")
			rename(t, root, f, f+"~")
			write(t, root, f, body)
			remove(t, root, f+"~")
			remove(t, root, "content/jobs/.a.md.swp")
		}},
		{"JetBrains safe write", func(t *testing.T, root string) {
			write(t, root, f+"___jb_tmp___", body)
			rename(t, root, f, f+"___jb_old___")
			rename(t, root, f+"___jb_tmp___", f)
			remove(t, root, f+"___jb_old___")
		}},
		{"Emacs", func(t *testing.T, root string) {
			if err := os.Symlink("user@host.1234:1", filepath.Join(root, "content/jobs/.#a.md")); err != nil {
				t.Fatal(err)
			}
			write(t, root, "content/jobs/#a.md#", "autosave")
			rename(t, root, f, f+"~")
			write(t, root, f, body)
			remove(t, root, "content/jobs/#a.md#")
			remove(t, root, "content/jobs/.#a.md")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := newSite(t)
			w := start(t, Options{Root: root})
			tc.steps(t, root)
			exactly(t, w, f)
			if got := read(t, root, f); got != body {
				t.Errorf("%s = %q after the save, want %q", f, got, body)
			}
		})
	}
}

func TestTemporaryFilesIgnored(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root})
	for _, name := range []string{
		"a.md.swp", ".a.md.swx", "4913", "5036", "a.md~", "#a.md#", ".#b.md",
		"a.md___jb_tmp___", "a.md___jb_old___", "x.tmp", ".DS_Store", ".hidden.md",
	} {
		write(t, root, "content/jobs/"+name, "temporary")
	}
	write(t, root, "content/.git/HEAD", "ref: refs/heads/main\n")
	write(t, root, "content/jobs/sentinel.md", "---\ntitle: S\n---\n")
	exactly(t, w, "content/jobs/sentinel.md")
}

func TestOutputDirectoryNeverWatched(t *testing.T) {
	root := newSite(t)
	write(t, root, "content/out/old.html", "built before")
	w := start(t, Options{Root: root, Ignore: []string{filepath.Join(root, "content/out")}})
	for _, dir := range w.fsw.WatchList() {
		if strings.Contains(dir, "content/out") {
			t.Errorf("the output directory %s is watched", dir)
		}
	}
	write(t, root, "content/out/index.html", "built")
	write(t, root, "content/out/jobs/index.html", "built")
	write(t, root, "content/jobs/sentinel.md", "x")
	exactly(t, w, "content/jobs/sentinel.md")
}

// TestTruncateThenWriteNeverPublishesTheEmptyMoment truncates a file, waits
// until the Watcher holds the due batch back because the file is empty,
// checks that no batch went out, and only then writes the new content.
func TestTruncateThenWriteNeverPublishesTheEmptyMoment(t *testing.T) {
	root := newSite(t)
	held := make(chan []string, 1)
	w := start(t, Options{Root: root, Debounce: time.Millisecond, EmptyWait: time.Hour, onHold: func(p []string) {
		select {
		case held <- p:
		default:
		}
	}})

	if err := os.Truncate(filepath.Join(root, "content/jobs/a.md"), 0); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-held:
		if !slices.Equal(p, []string{"content/jobs/a.md"}) {
			t.Fatalf("held back %q, want content/jobs/a.md", p)
		}
	case <-time.After(deadline):
		t.Fatal("the emptied file was not held back")
	}
	select {
	case b := <-w.Batches():
		t.Fatalf("a batch %v was sent while content/jobs/a.md was empty", b)
	default:
	}
	appendTo(t, root, "content/jobs/a.md", "---\ntitle: Written\n---\n")
	exactly(t, w, "content/jobs/a.md")
}

func TestEmptyFileIsReportedAfterEmptyWait(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root, EmptyWait: 10 * time.Millisecond})
	write(t, root, "content/jobs/empty.md", "")
	exactly(t, w, "content/jobs/empty.md")
}

func TestRenames(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root})

	rename(t, root, "content/jobs/a.md", "content/jobs/c.md")
	exactly(t, w, "content/jobs/a.md", "content/jobs/c.md")

	rename(t, root, "content/jobs", "content/careers")
	exactly(t, w, "content/jobs/b.md", "content/jobs/c.md", "content/careers/b.md", "content/careers/c.md")

	// The renamed folder is watched under its new name.
	write(t, root, "content/careers/b.md", "---\ntitle: B2\n---\n")
	exactly(t, w, "content/careers/b.md")

	remove(t, root, "content/guides")
	exactly(t, w, "content/guides/deep/er/one.md")
}

// TestNewDirectoriesAreScanned creates nested folders and a file in the
// innermost at once, before the Watcher can have watched any of them.
func TestNewDirectoriesAreScanned(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root})

	write(t, root, "content/new/a/b/c/page.md", "---\ntitle: Deep\n---\n")
	exactly(t, w, "content/new/a/b/c/page.md")

	write(t, root, "content/new/a/b/c/second.md", "---\ntitle: Second\n---\n")
	exactly(t, w, "content/new/a/b/c/second.md")
}

// TestTopLevelFolderCreatedLater covers a site that has no assets/ when
// watching starts.
func TestTopLevelFolderCreatedLater(t *testing.T) {
	root := newSite(t)
	remove(t, root, "assets")
	w := start(t, Options{Root: root})
	write(t, root, "assets/css/extra.css", "p { margin: 0 }\n")
	exactly(t, w, "assets/css/extra.css")
	write(t, root, "assets/css/extra.css", "p { margin: 1em }\n")
	exactly(t, w, "assets/css/extra.css")
}

// TestCheckoutIsOneOrFewBatches writes 5,000 files, as a git checkout
// does, and takes the first batch while they are being written; then the
// receiver is busy, as serve is with the rebuild of that batch, until the
// checkout is over. The rest must come in one or two more batches.
func TestCheckoutIsOneOrFewBatches(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root})
	var want []string
	for i := range 5000 {
		want = append(want, fmt.Sprintf("content/bulk/d%02d/p%04d.md", i%20, i))
	}
	written := make(chan error, 1)
	go func() {
		for _, name := range want {
			p := filepath.Join(root, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				written <- err
				return
			}
			if err := os.WriteFile(p, []byte("---\ntitle: P\n---\n"), 0o644); err != nil {
				written <- err
				return
			}
		}
		written <- nil
	}()
	var first Batch
	select {
	case first = <-w.Batches():
	case <-time.After(deadline):
		t.Fatalf("no batch %s after the checkout began", deadline)
	}
	if err := <-written; err != nil {
		t.Fatal(err)
	}
	var rest []string
	for _, name := range want {
		if !slices.Contains(first.Paths, name) {
			rest = append(rest, name)
		}
	}
	union, batches := until(t, w, rest...)
	for _, p := range first.Paths {
		union[p] = true
	}
	if len(union) != len(want) {
		t.Errorf("reported %d files, want %d", len(union), len(want))
	}
	t.Logf("the first batch had %d files; %d more batches followed", len(first.Paths), len(batches))
	if n := 1 + len(batches); n > 3 {
		t.Errorf("a checkout of %d files gave %d batches, want at most 3", len(want), n)
	}
}

func TestLimitAdvice(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{syscall.ENOSPC, "`sudo sysctl fs.inotify.max_user_watches=524288`"},
		{syscall.EMFILE, "`sudo sysctl fs.inotify.max_user_instances=1024`"},
	} {
		if got := limitAdvice(tc.err); !strings.Contains(got, tc.want) || !strings.Contains(got, "/etc/sysctl.d/") {
			t.Errorf("limitAdvice(%v) = %q, want it to say %s and where to keep it", tc.err, got, tc.want)
		}
	}
}

func TestOverflowRescans(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root})
	w.fsw.Errors <- fsnotify.ErrEventOverflow
	timeout := time.After(deadline)
	for {
		select {
		case b := <-w.Batches():
			if b.Rescan {
				return
			}
		case <-timeout:
			t.Fatal("no Rescan batch after an overflow")
		}
	}
}

func TestForcePoll(t *testing.T) {
	root := newSite(t)
	w := start(t, Options{Root: root, ForcePoll: true, PollInterval: 5 * time.Millisecond})
	if !w.Polling() {
		t.Fatal("Polling() = false with ForcePoll")
	}
	testPolling(t, root, w)
}

func TestWatchLimitFallsBackToPolling(t *testing.T) {
	root := newSite(t)
	var logs logBuffer
	w := start(t, Options{
		Root: root, PollInterval: 5 * time.Millisecond, Logf: logs.printf,
		addErr: func(dir string) error {
			if strings.HasSuffix(dir, "jobs") {
				return syscall.ENOSPC
			}
			return nil
		},
	})
	if !w.Polling() {
		t.Fatal("Polling() = false after the watch limit was reached")
	}
	if msg := logs.String(); !strings.Contains(msg, "sysctl fs.inotify.max_user_watches=") || !strings.Contains(msg, "polling") {
		t.Errorf("the message was %q, want advice on fs.inotify.max_user_watches and polling", msg)
	}
	testPolling(t, root, w)
}

// TestWatchLimitReachedLater reaches the limit on a folder created while
// watching; its file is still reported, and so are later changes.
func TestWatchLimitReachedLater(t *testing.T) {
	root := newSite(t)
	var logs logBuffer
	w := start(t, Options{
		Root: root, PollInterval: 5 * time.Millisecond, Logf: logs.printf,
		addErr: func(dir string) error {
			if strings.HasSuffix(dir, "late") {
				return syscall.ENOSPC
			}
			return nil
		},
	})
	write(t, root, "content/late/page.md", "---\ntitle: Late\n---\n")
	exactly(t, w, "content/late/page.md")
	if !w.Polling() || !strings.Contains(logs.String(), "max_user_watches") {
		t.Errorf("Polling() = %v, log %q; want polling and advice", w.Polling(), logs.String())
	}
	testPolling(t, root, w)
}

func testPolling(t *testing.T, root string, w *Watcher) {
	t.Helper()
	write(t, root, "content/jobs/polled.md", "---\ntitle: P\n---\n")
	exactly(t, w, "content/jobs/polled.md")
	write(t, root, "content/jobs/polled.md", "---\ntitle: Polled again\n---\n")
	exactly(t, w, "content/jobs/polled.md")
	write(t, root, "content/newdir/x.md", "x")
	exactly(t, w, "content/newdir/x.md")
	remove(t, root, "content/jobs/polled.md")
	exactly(t, w, "content/jobs/polled.md")
	write(t, root, "content/jobs/x.md.tmp", "temporary")
	write(t, root, "site.yaml", "title: Polled site\n")
	exactly(t, w, "site.yaml")
}

func TestClosesWithContext(t *testing.T) {
	root := newSite(t)
	ctx, cancel := contextWithCancel(t)
	w, err := New(ctx, Options{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case _, ok := <-w.Batches():
		for ok {
			_, ok = <-w.Batches()
		}
	case <-time.After(deadline):
		t.Fatal("the batch channel stayed open after the context ended")
	}
}

type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *logBuffer) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(&l.buf, format+"\n", args...)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
