package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/output"
)

// fuzzBudget bounds one fuzzed build of a one-page site; such a build
// takes milliseconds.
const fuzzBudget = 20 * time.Second

// fuzzSite is the site.yaml of FuzzPage: raw HTML stays off (the
// default), so nothing a page holds may become script.
const fuzzSite = "title: Fuzz\nbase_url: https://example.org/\nbroken_links: warn\n"

// FuzzPage builds a site of one page, content/page.md, whose whole file
// (front matter and Markdown) is the fuzzed input, with the default
// theme, into memory. The seeds in testdata/fuzz/FuzzPage are pages of
// each kind and hostile ones: script in every field, javascript: links,
// heading attributes, deep nesting, huge code blocks, unclosed fences.
// Whatever the page:
//
//   - the build does not panic and returns within fuzzBudget;
//   - an error names its place: every line starts with the page's path
//     (or site.yaml's);
//   - every output file's name is a valid path inside the output, without
//     ".." or "\" (pathTarget);
//   - no HTML output holds a script, an event-handler attribute or a
//     script URL that the theme did not write (unsafeMarkup), and feeds
//     and sitemaps are well-formed XML whose HTML is safe too.
func FuzzPage(f *testing.F) {
	f.Add([]byte("---\ntitle: T\ndate: 2026-01-01\n---\n# Hello\n\nText.\n"))
	f.Add([]byte("---\ntitle: T\ndate: 2026-01-01\ntags: [a, b]\nslug: s\naliases: [/old/]\n---\n[x](javascript:alert(1))\n"))
	theme := careersite.Theme()
	f.Fuzz(func(t *testing.T, page []byte) {
		src := t.TempDir()
		for name, data := range map[string][]byte{"site.yaml": []byte(fuzzSite), "content/page.md": page} {
			p := filepath.Join(src, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		target := &pathTarget{Memory: output.NewMemory()}
		ctx, cancel := context.WithTimeout(context.Background(), fuzzBudget)
		defer cancel()
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, err = BuildTo(ctx, Options{Source: src, Now: testNow, Theme: theme}, target)
		}()
		select {
		case <-done:
		case <-time.After(fuzzBudget + 5*time.Second):
			t.Fatalf("the build has not returned after %v", fuzzBudget)
		}
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("the build ran out of its %v", fuzzBudget)
		}
		for _, p := range target.problems() {
			t.Error(p)
		}
		if err != nil {
			checkErrorPlaces(t, err)
			return
		}
		tree := target.Tree()
		for _, name := range tree.Names() {
			data, _ := tree.Lookup(name)
			switch path.Ext(name) {
			case ".html":
				for _, p := range unsafeMarkup(data) {
					t.Errorf("%s: %s", name, p)
				}
			case ".xml":
				checkHostileXML(t, name, data, map[string]bool{})
			}
		}
	})
}

// checkErrorPlaces fails t for an error line that does not start with a
// file of the site.
func checkErrorPlaces(t *testing.T, err error) {
	t.Helper()
	for line := range strings.Lines(err.Error()) {
		if !strings.HasPrefix(line, "content/page.md:") && !strings.HasPrefix(line, "site.yaml:") {
			t.Errorf("error line %q does not name its file", line)
		}
	}
}

// pathTarget is a Target that checks every name it is given before
// passing the file on to an output.Memory.
type pathTarget struct {
	*output.Memory

	mu  sync.Mutex
	bad []string
}

func (p *pathTarget) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." || strings.ContainsAny(name, "\\\x00") {
		p.mu.Lock()
		p.bad = append(p.bad, fmt.Sprintf("output file %q is not a valid path inside the output", name))
		p.mu.Unlock()
		return fmt.Errorf("invalid name %q", name)
	}
	return p.Memory.WriteFile(name, data)
}

func (p *pathTarget) problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.bad
}
