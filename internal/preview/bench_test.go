package preview

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkEditToEvent measures an author's wait: from writing a Markdown
// file to the "reload" event on the page's stream, with full rebuilds,
// on the example site and on generated sites. One op is one edit.
//
//	go test -run '^$' -bench EditToEvent -benchtime 20x ./internal/preview
func BenchmarkEditToEvent(b *testing.B) {
	b.Run("example", func(b *testing.B) {
		dir := b.TempDir()
		copyExample(b, dir)
		benchEdits(b, dir, "content/guides/caching-and-performance.md")
	})
	for _, n := range []int{1000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			copyExample(b, dir)
			for i := range n {
				writeFile(b, filepath.Join(dir, "content/guides", fmt.Sprintf("generated-%05d.md", i)),
					fmt.Sprintf("---\ntitle: Generated %d\ndate: 2026-01-02\ndescription: A generated guide.\ntags: [generated]\n---\n\n## Part one\n\nSome text for page %d, with a [link](/guides/).\n", i, i))
			}
			benchEdits(b, dir, "content/guides/generated-00000.md")
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
	b.ResetTimer()
	for i := range b.N {
		p.write(b, page, string(original)+fmt.Sprintf("\nEdit number %d.\n", i))
		p.next(b, "reload")
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
