package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

func TestCodeCacheEvictsLeastRecentlyUsed(t *testing.T) {
	// Room for eight entries of this size (a block may take up to an
	// eighth); the ninth pushes out the least recently used.
	html := bytes.Repeat([]byte("x"), 100)
	keys := []string{"go 0", "go 1", "go 2", "go 3", "go 4", "go 5", "go 6", "go 7", "go 8"}
	c := newCodeCache(8 * size(keys[0], html))
	for _, k := range keys[:8] {
		c.put(k, html)
	}
	c.get([]byte("go 0")) // now the most recently used; "go 1" the least
	c.put(keys[8], html)
	for _, k := range keys {
		if _, ok := c.get([]byte(k)); ok != (k != "go 1") {
			t.Errorf("get(%q) found = %v, want %v", k, ok, k != "go 1")
		}
	}
	if c.size > c.max {
		t.Errorf("size = %d, over max %d", c.size, c.max)
	}
}

func TestCodeCacheSkipsHugeBlocks(t *testing.T) {
	c := newCodeCache(8000)
	c.put("go small", make([]byte, 10))
	c.put("go huge", make([]byte, 1000)) // more than an eighth of max
	if _, ok := c.get([]byte("go huge")); ok {
		t.Error("a block over max/8 was kept")
	}
	if _, ok := c.get([]byte("go small")); !ok {
		t.Error("a huge block pushed out a small one")
	}
}

// TestCachedBlocksMatchFreshOnes converts pages whose blocks repeat, within
// a page and across pages, and compares each with a Converter that has
// never seen them.
func TestCachedBlocksMatchFreshOnes(t *testing.T) {
	block := "```go\nfunc f() { return \"<x>\" }\n```\n\n"
	pages := []string{
		"# One\n\n" + block + block,
		"# Two\n\n" + block + "```go\nfunc g() {}\n```\n",
		"# Three\n\n- item\n\n  " + strings.ReplaceAll(block, "\n", "\n  ") + "\n",
		"# Four\n\n```go {linenos=true}\nfunc f() { return \"<x>\" }\n```\n",
		"# Five\n\n```golang\nfunc f() { return \"<x>\" }\n```\n",
	}
	shared := New(Options{})
	for range 2 {
		for _, page := range pages {
			got, err := shared.Convert([]byte(page), 1)
			if err != nil {
				t.Fatal(err)
			}
			want, err := New(Options{}).Convert([]byte(page), 1)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.HTML, want.HTML) {
				t.Errorf("Convert(%q) with the cache =\n%s\nwant\n%s", page, got.HTML, want.HTML)
			}
		}
	}
	// "go" and "golang" are one lexer but two classes: two entries.
	if n := len(shared.code.cache.entries); n != 3 {
		t.Errorf("cache holds %d blocks, want 3", n)
	}
}

// TestChromaErrorIsNotCached converts a failing block twice: both pages
// get the error and the plain block.
func TestChromaErrorIsNotCached(t *testing.T) {
	calls := 0
	c := newConverter(Options{}, func(lang string) chroma.Lexer {
		calls++
		return brokenLexer{Lexer: lexers.Get(lang)}
	})
	in := []byte("```go\nx\n```\n")
	for i := range 2 {
		if _, err := c.Convert(in, 1); err == nil {
			t.Errorf("Convert #%d: no error, want the lexer's", i+1)
		}
	}
	if n := len(c.code.cache.entries); n != 0 {
		t.Errorf("cache holds %d blocks after failures, want 0", n)
	}
}
