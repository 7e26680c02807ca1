package preview

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/testsite"
)

// BenchmarkEditToEvent measures an author's wait: from writing a Markdown
// file to the "reload" event on the page's stream (the watcher's debounce
// included), on the example site and on sites of internal/testsite (all
// four kinds, realistic front matter, code in several languages). One op
// is one edit of a page's body.
//
//	go test -run '^$' -bench EditToEvent -benchtime 20x ./internal/preview
func BenchmarkEditToEvent(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		dir := b.TempDir()
		copyExample(b, dir)
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

func benchEdits(b *testing.B, dir, page string) {
	p := startServe(b, dir)
	p.next(b, "hello")
	original, err := os.ReadFile(filepath.Join(dir, page))
	if err != nil {
		b.Fatal(err)
	}
	settled := regexp.MustCompile(`(?m)^updated \d+ site-wide files`)
	b.ResetTimer()
	for i := range b.N {
		p.write(b, page, string(original)+fmt.Sprintf("\nEdit number %d.\n", i))
		p.next(b, "reload")
		// An author reads the page before saving again: wait, untimed,
		// for the feeds and the search index to follow the edit.
		b.StopTimer()
		p.out.waitCount(b, settled, i+1)
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/edit")
}

// copyExample copies the repository's example site (without its theme,
// which is embedded) into dir.
func copyExample(b *testing.B, dir string) {
	root := filepath.Join("..", "..")
	for _, top := range []string{"site.yaml", "content"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			writeFile(b, filepath.Join(dir, rel), string(data))
			return nil
		})
		if err != nil && !strings.Contains(err.Error(), "no such file") {
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
