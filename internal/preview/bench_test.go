package preview

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/testsite"
)

// BenchmarkEditToEvent measures an author's wait: from writing a Markdown
// file to the "reload" event on the page's stream (the watcher's debounce
// included), on the example site and on sites of internal/testsite (all
// four kinds, realistic front matter, code in several languages). One op
// is one edit of a page's body. Besides the mean (ms/edit) it reports the
// median edit (p50-ms), which a slow first edit or a busy machine moves
// less. BenchmarkEditToDOM in cmd/careersite carries the same edits on to
// the page in Chromium.
//
//	go test -run '^$' -bench EditToEvent -benchtime 20x ./internal/preview
func BenchmarkEditToEvent(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		dir := b.TempDir()
		if err := testsite.CopyExample(dir, filepath.Join("..", "..")); err != nil {
			b.Fatal(err)
		}
		benchEdits(b, dir, "content/guides/caching-and-performance.md")
	})
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := testsite.Write(dir, n, 1); err != nil {
				b.Fatal(err)
			}
			benchEdits(b, dir, testsite.Path(3))
		})
	}
}

var editProfile = flag.String("editprofile", "", "BenchmarkEditToEvent writes the CPU profile of each timed edit into `DIR`")

func benchEdits(b *testing.B, dir, page string) {
	p := startServe(b, dir)
	p.next(b, "hello")
	original, err := os.ReadFile(filepath.Join(dir, page))
	if err != nil {
		b.Fatal(err)
	}
	settled := regexp.MustCompile(`(?m)^updated \d+ site-wide files`)
	took := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		stop := profileEdit(b, i)
		start := time.Now()
		p.write(b, page, string(original)+fmt.Sprintf("\nEdit number %d.\n", i))
		p.next(b, "reload")
		took = append(took, time.Since(start))
		// An author reads the page before saving again: wait, untimed,
		// for the feeds and the search index to follow the edit.
		b.StopTimer()
		stop()
		p.out.waitCount(b, settled, i+1)
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/edit")
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
}

// profileEdit starts, with -editprofile, a CPU profile of edit i, and
// returns what stops it. A profile of the whole benchmark would be mostly
// the site's first build and the feeds and search index made after each
// edit; these hold only the timed part. Read them together:
//
//	go tool pprof -top -cum preview.test DIR/*.pprof
func profileEdit(b *testing.B, i int) (stop func()) {
	if *editProfile == "" {
		return func() {}
	}
	name := strings.NewReplacer("/", "_", "=", "").Replace(b.Name())
	f, err := os.Create(filepath.Join(*editProfile, fmt.Sprintf("%s-N%d-%03d.pprof", name, b.N, i)))
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		b.Fatal(err) // as with -cpuprofile, which takes the profiler for the whole run
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// waitCount waits until re matches at least n times.
func (l *lines) waitCount(t testing.TB, re *regexp.Regexp, n int) {
	t.Helper()
	timeout := time.After(deadline)
	for {
		l.mu.Lock()
		got := len(re.FindAllStringIndex(l.buf.String(), -1))
		l.mu.Unlock()
		if got >= n {
			return
		}
		select {
		case <-l.seen:
		case <-timeout:
			t.Fatalf("after %s, %d matches of %s, want %d", deadline, got, re, n)
		}
	}
}
