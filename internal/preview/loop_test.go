package preview

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/testsite"
	"github.com/careersite/careersite/internal/watch"
)

// TestOneFinishAfterTwoBuilds runs serve's loop with the finish timer in
// the test's hands: two edits are built and published before the feeds
// and the search index are made, once, for both; the output is then the
// one a full build makes.
func TestOneFinishAfterTwoBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := testsite.Write(dir, 24, 1); err != nil {
		t.Fatal(err)
	}
	opts := site.Options{Source: dir, Theme: careersite.Theme(), Now: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC), Defer: true}
	mem := output.NewMemory()
	fire := make(chan time.Time)
	settled := make(chan string, 4)
	b := &builder{
		opts: opts, mem: mem,
		warnf:       func(format string, args ...any) { t.Errorf(format, args...) },
		infof:       func(format string, args ...any) { settled <- fmt.Sprintf(format, args...) },
		finishAfter: func() <-chan time.Time { return fire },
	}
	batches := make(chan watch.Batch)
	built := make(chan error)
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() {
		stopped <- loop(ctx, batches, b, func(_ watch.Batch, _ *site.Result, err error, _ time.Duration) { built <- err })
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-stopped; err != nil {
			t.Errorf("loop returned %v, want nil", err)
		}
	})
	next := func() {
		t.Helper()
		select {
		case err := <-built:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(deadline):
			t.Fatalf("no build after %s", deadline)
		}
	}
	next() // the first build

	edit := func(i int, re, repl string) {
		t.Helper()
		name := filepath.Join(dir, filepath.FromSlash(testsite.Path(i)))
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, name, regexp.MustCompile(re).ReplaceAllString(string(data), repl))
		batches <- watch.Batch{Paths: []string{testsite.Path(i)}}
		next()
	}
	edit(3, `(?m)^## Part 1 of page 3$`, "## A new heading for page 3\n\nNew words for the search index.")
	edit(5, `(?m)^title: .*$`, "title: A new title for page 5")
	select {
	case msg := <-settled:
		t.Fatalf("settled before the timer fired: %s", msg)
	default:
	}
	full := opts
	full.Defer = false
	fb, err := site.New(full)
	if err != nil {
		t.Fatal(err)
	}
	want := output.NewMemory()
	if _, err := fb.BuildTo(context.Background(), nil, want); err != nil {
		t.Fatal(err)
	}
	if stale := differing(want.Tree(), mem.Tree()); len(stale) == 0 {
		t.Fatal("before the second commit, the output is already a full build's: the test tests nothing")
	} else {
		t.Logf("left for the second commit: %q", stale)
	}

	fire <- time.Now()
	select {
	case <-settled:
	case <-time.After(deadline):
		t.Fatalf("no second commit after %s", deadline)
	}
	if diff := differing(want.Tree(), mem.Tree()); len(diff) > 0 {
		t.Errorf("after the second commit, %q differ from a full build's", diff)
	}
}

// differing lists the files that are not the same in both trees.
func differing(want, got *output.Tree) []string {
	var diff []string
	for _, name := range slices.Concat(want.Names(), got.Names()) {
		w, wok := want.Lookup(name)
		g, gok := got.Lookup(name)
		if (wok != gok || !bytes.Equal(w, g)) && !slices.Contains(diff, name) {
			diff = append(diff, name)
		}
	}
	slices.Sort(diff)
	return diff
}
