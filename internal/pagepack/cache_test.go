package pagepack

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/deltapack"
)

// pagesOf is a site of n pages, page i with its body's last line.
func pagesOf(n int, last map[int]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := range n {
		body := last[i]
		if body == "" {
			body = "The body."
		}
		fsys[fmt.Sprintf("content/p%03d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, "---\ntitle: Page %d\ndate: 2026-01-02\n---\n%s\n", i, body)}
	}
	return fsys
}

// readAll is one build's full read of fsys through the pack in c, each
// file parsed (no stamps), and the pages it took from the pack.
func readAll(t *testing.T, c *cache.Cache, fsys fstest.MapFS) int {
	t.Helper()
	pk := Open(c, "pages", cache.Key{2}, nil, fsys, func([]byte) bool { return true })
	for name, f := range fsys {
		if _, _, err := pk.Parse(name, [32]byte{}, f.Data); err != nil {
			t.Fatal(err)
		}
	}
	return pk.Save()
}

// stored returns the pages of the base and of the delta in c, and the
// base's bytes.
func stored(t *testing.T, c *cache.Cache) (base, delta int, raw []byte) {
	t.Helper()
	_, b, d := deltapack.Open(c, "pages", cache.Key{2})
	if b == nil {
		t.Fatal("no base")
	}
	pages, _, err := Read(b)
	if err != nil {
		t.Fatal(err)
	}
	if d != nil {
		more, _, err := Read(d)
		if err != nil {
			t.Fatal(err)
		}
		delta = len(more)
	}
	return len(pages), delta, b
}

// A build that parsed one page anew writes that page as the delta and
// leaves the base as it is; the next build takes every page from the
// two, the edited one as the delta has it; once the delta outgrows an
// eighth of the base, base and delta become one new base.
func TestOneParsedPageIsWrittenAsTheDelta(t *testing.T) {
	c, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	const n = 400
	if used := readAll(t, c, pagesOf(n, nil)); used != 0 {
		t.Fatalf("the first build took %d pages from a pack", used)
	}
	base, delta, raw := stored(t, c)
	if base != n || delta != 0 {
		t.Fatalf("after the first build: %d pages in the base, %d in the delta; want %d and 0", base, delta, n)
	}

	edited := pagesOf(n, map[int]string{3: "Edited."})
	if used := readAll(t, c, edited); used != n-1 {
		t.Fatalf("after one edit the build took %d pages from the pack, want %d", used, n-1)
	}
	base, delta, raw2 := stored(t, c)
	if base != n || delta != 1 || !bytes.Equal(raw2, raw) {
		t.Fatalf("after one edit: %d pages in the base (the same bytes: %v), %d in the delta; want %d, the same, 1", base, bytes.Equal(raw2, raw), delta, n)
	}
	if used := readAll(t, c, edited); used != n {
		t.Fatalf("with nothing changed the build took %d pages from the pack, want %d", used, n)
	}

	for i := 0; ; i++ {
		edited = pagesOf(n, map[int]string{3: fmt.Sprintf("Edited %d.", i)})
		readAll(t, c, edited)
		if base, delta, raw2 = stored(t, c); !bytes.Equal(raw2, raw) {
			break
		}
		if i > n {
			t.Fatal("the base was never written again")
		}
	}
	if delta != 0 || base != n {
		t.Errorf("after the delta outgrew the base: %d pages in the new base, %d in the delta; want %d and 0", base, delta, n)
	}
}
