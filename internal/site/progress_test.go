package site

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	careersite "github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/testsite"
)

// TestProgress checks that a build reports each stage until its last
// item: every page's Markdown converted, then every output file written.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	const pages = 40
	if err := testsite.Write(src, pages, 1); err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		most  = map[string]int{}
		total = map[string]int{}
		order []string
	)
	opts := Options{Source: src, Dest: filepath.Join(dir, "public"), Now: testNow, Theme: careersite.Theme(),
		Progress: func(stage string, done, n int) {
			mu.Lock()
			defer mu.Unlock()
			if len(order) == 0 || order[len(order)-1] != stage {
				order = append(order, stage)
			}
			most[stage] = max(most[stage], done)
			total[stage] = n
		}}
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(order) != 2 || order[0] != "converting Markdown" || order[1] != "writing files" {
		t.Errorf("stages reported = %q, want converting Markdown, then writing files", order)
	}
	// Every content file is converted: the pages and the sections' _index.md.
	if got := most["converting Markdown"]; got < pages || got != total["converting Markdown"] {
		t.Errorf("converting Markdown reached %d of %d, want all of at least %d", got, total["converting Markdown"], pages)
	}
	if got := most["writing files"]; got != res.Files || total["writing files"] != res.Files {
		t.Errorf("writing files reached %d of %d, want %d of %d (Result.Files)", got, total["writing files"], res.Files, res.Files)
	}
}
