package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/config"
)

// hostileDeadline bounds the tests of hostile input. Each input here takes
// milliseconds when handled; the deadline only tells a bounded answer from
// an unbounded one (an expansion or a search that grows with the input),
// so it is not a speed assertion and can be generous.
const hostileDeadline = 20 * time.Second

// parseWithin parses data as content/jobs/x.md, failing t if Parse has not
// returned by hostileDeadline.
func parseWithin(t *testing.T, data string, cfg *config.Config) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Parse("content/jobs/x.md", []byte(data), cfg)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(hostileDeadline):
		t.Fatalf("Parse has not returned after %v", hostileDeadline)
		return nil
	}
}

func TestPageLimit(t *testing.T) {
	cfg := config.Default()
	cfg.Limits.Page = 1000
	page := "---\ntitle: T\ndate: 2024-01-01\n---\n" + strings.Repeat("word ", 400)

	fsys := fstest.MapFS{"content/jobs/x.md": {Data: []byte(page)}}
	_, err := Load(context.Background(), fsys, cfg)
	want := "content/jobs/x.md:1:1: the file is larger than the limit of 1 KB for a page (limits.page in site.yaml)"
	if err == nil || err.Error() != want {
		t.Errorf("Load error = %v, want %s", err, want)
	}

	err = parseWithin(t, page, cfg)
	want = "content/jobs/x.md:1:1: the file has 2034 bytes, more than the limit of 1 KB for a page (limits.page in site.yaml)"
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %s", err, want)
	}

	cfg.Limits.Page = 2034
	if err := parseWithin(t, page, cfg); err != nil {
		t.Errorf("a page of exactly the limit: %v", err)
	}
}

func TestFrontMatterLimit(t *testing.T) {
	cfg := config.Default()
	cfg.Limits.FrontMatter = 64
	fm := "title: T\ndate: 2024-01-01\ndescription: " + strings.Repeat("x", 100) + "\n"
	for _, tt := range []struct{ name, page string }{
		{"yaml", "\n\n---\n" + fm + "---\nbody\n"},
		{"toml", "\n\n+++\ntitle = 'T'\ndate = 2024-01-01\ndescription = '" + strings.Repeat("x", 100) + "'\n+++\n"},
		{"json", "\n\n{\n\"title\": \"T\", \"date\": \"2024-01-01\", \"description\": \"" + strings.Repeat("x", 100) + "\"\n}\n\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := parseWithin(t, tt.page, cfg)
			prefix := "content/jobs/x.md:3:1: the front matter has "
			suffix := " bytes, more than the limit of 64 B (limits.front_matter in site.yaml)"
			if err == nil || !strings.HasPrefix(err.Error(), prefix) || !strings.HasSuffix(err.Error(), suffix) {
				t.Errorf("Parse error = %v, want %q…%q", err, prefix, suffix)
			}
		})
	}
}

// TestAliasBomb is the "billion laughs" document: nine levels of ten
// aliases each, 10^9 strings if expanded. It must be refused at once, for
// a plain page (the keys go to params) and for a job (whose fields are
// decoded a second time).
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: T\ndate: 2024-01-01\nlol0: &l0 lol\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("lol" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("responsibilities: *l9\n---\n")
	err := parseWithin(t, b.String(), config.Default())
	if err == nil || !strings.Contains(err.Error(), "too many aliases") {
		t.Fatalf("Parse error = %v, want too many aliases", err)
	}
	if !strings.HasPrefix(err.Error(), "content/jobs/x.md:") {
		t.Errorf("error %q is not placed in the file", err)
	}
}

// TestDeepFrontMatter nests 100,000 lists in each front-matter format: an
// error (each parser has a depth limit), not a stack overflow or a hang.
func TestDeepFrontMatter(t *testing.T) {
	const depth = 100_000
	open, closing := strings.Repeat("[", depth), strings.Repeat("]", depth)
	for _, tt := range []struct{ name, page string }{
		{"yaml", "---\ntitle: T\ndate: 2024-01-01\ndeep: " + open + closing + "\n---\n"},
		{"yaml block", "---\ntitle: T\ndate: 2024-01-01\ndeep:\n" + deepBlock(10_000) + "---\n"},
		{"toml", "+++\ntitle = 'T'\ndate = 2024-01-01\ndeep = " + open + closing + "\n+++\n"},
		{"json", "{\n\"title\": \"T\", \"date\": \"2024-01-01\", \"deep\": " + open + closing + "\n}\n\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := parseWithin(t, tt.page, config.Default())
			if err == nil {
				t.Fatal("Parse accepted the nesting, want an error")
			}
			if !strings.HasPrefix(err.Error(), "content/jobs/x.md:") {
				t.Errorf("error %q is not placed in the file", err)
			}
		})
	}
}

// deepBlock is YAML of n block sequences, each inside the one before.
func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i+1) + "-\n")
	}
	return b.String()
}

// TestBodyNotUTF8: a file saved in another encoding is an error at the
// first byte that is not UTF-8.
func TestBodyNotUTF8(t *testing.T) {
	err := parseWithin(t, "---\ntitle: T\ndate: 2024-01-01\n---\nline one\ncaf\xe9 au lait\n", config.Default())
	want := "content/jobs/x.md:6:4: invalid UTF-8 (byte 0xe9); save the file as UTF-8"
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %s", err, want)
	}
}
