package site

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/testsite"
)

var benchPages = flag.Int("pages", 1000, "the size of the generated site of BenchmarkBuilder")

// BenchmarkBuilder times builds of a generated site the way `careersite
// build` runs them, each in a new Builder with the persistent cache:
//
//	cold     no cache, no previous output
//	warm     nothing changed since the last build
//	warm-one one page's body changed since the last build
//
// and the rebuilds of serve, in one Builder into memory, up to the commit
// that serve's reload follows (Options.Defer; FinishDeferred is not timed):
//
//	serve-body         one page's body changed
//	serve-description  one page's description changed (a patch of the model)
//	serve-title        one page's title changed
//	serve-salary       the salary of a job description changed
//
//	go test -run '^$' -bench Builder -benchtime 5x -pages 10000 ./internal/site
func BenchmarkBuilder(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join(dir, "site")
	if err := testsite.Write(src, *benchPages, 1); err != nil {
		b.Fatal(err)
	}
	page := filepath.Join(src, filepath.FromSlash(testsite.Path(3)))
	original, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	jobPage := filepath.Join(src, filepath.FromSlash(testsite.Path(0)))
	job, err := os.ReadFile(jobPage)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	opts := func(run string) Options {
		return Options{Source: src, Dest: filepath.Join(dir, run, "public"), CacheDir: filepath.Join(dir, run, "cache"),
			Now: now, Theme: careersite.Theme()}
	}
	build := func(b *testing.B, o Options) *Result {
		bl, err := New(o)
		if err != nil {
			b.Fatal(err)
		}
		res, err := bl.Build(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	b.Run("cold", func(b *testing.B) {
		for i := range b.N {
			build(b, opts(fmt.Sprint("cold", i)))
		}
	})
	b.Run("warm", func(b *testing.B) {
		build(b, opts("warm"))
		b.ResetTimer()
		for range b.N {
			if res := build(b, opts("warm")); res.Made != 0 {
				b.Fatalf("a warm build made %d files, want 0", res.Made)
			}
		}
	})
	b.Run("warm-one", func(b *testing.B) {
		build(b, opts("warm-one"))
		b.ResetTimer()
		for i := range b.N {
			b.StopTimer()
			os.WriteFile(page, fmt.Appendf(original, "\nEdit %d.\n", i), 0o644)
			b.StartTimer()
			res := build(b, opts("warm-one"))
			b.ReportMetric(float64(res.Made), "made/op")
		}
		os.WriteFile(page, original, 0o644)
	})
	// As serve: Options.Defer, and FinishDeferred (untimed) before the next edit.
	serveEdits := func(b *testing.B, page string, original []byte, edit func(i int) []byte) {
		o := opts("serve")
		o.Defer = true
		bl, err := New(o)
		if err != nil {
			b.Fatal(err)
		}
		mem := output.NewMemory()
		if _, err := bl.BuildTo(ctx, nil, mem); err != nil {
			b.Fatal(err)
		}
		rel, err := filepath.Rel(src, page)
		if err != nil {
			b.Fatal(err)
		}
		rel = filepath.ToSlash(rel)
		b.ResetTimer()
		for i := range b.N {
			b.StopTimer()
			os.WriteFile(page, edit(i), 0o644)
			b.StartTimer()
			res, err := bl.BuildTo(ctx, []string{rel}, mem)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(res.Made), "made/op")
			b.StopTimer()
			if _, err := bl.FinishDeferred(ctx, mem); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		os.WriteFile(page, original, 0o644)
	}
	serve := func(b *testing.B, edit func(i int) []byte) { serveEdits(b, page, original, edit) }
	b.Run("serve-body", func(b *testing.B) {
		serve(b, func(i int) []byte { return fmt.Appendf(original, "\nEdit %d.\n", i) })
	})
	b.Run("serve-description", func(b *testing.B) {
		description := regexp.MustCompile(`(?m)^description: .*$`)
		serve(b, func(i int) []byte {
			return description.ReplaceAll(original, fmt.Appendf(nil, "description: Described anew %d.", i))
		})
	})
	b.Run("serve-title", func(b *testing.B) {
		title := regexp.MustCompile(`(?m)^title: .*$`)
		serve(b, func(i int) []byte { return title.ReplaceAll(original, fmt.Appendf(nil, "title: Retitled %d", i)) })
	})
	b.Run("serve-salary", func(b *testing.B) {
		max := regexp.MustCompile(`(?m)^  max: .*$`)
		serveEdits(b, jobPage, job, func(i int) []byte { return max.ReplaceAll(job, fmt.Appendf(nil, "  max: %d", 200000+i)) })
	})
}
