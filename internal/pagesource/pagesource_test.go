package pagesource

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/diskfs"
	"github.com/careersite/careersite/internal/filestamp"
)

// countingFS is a site folder on disk that counts the files read from it.
type countingFS struct {
	*diskfs.FS
	reads atomic.Int64
}

func (f *countingFS) ReadHead(name string, n int) ([]byte, error) {
	f.reads.Add(1)
	return f.FS.ReadHead(name, n)
}

// site writes the files of a site folder and returns it.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const page = "---\ntitle: A role\ndate: 2026-01-02\n---\nThe body.\n"

// A Reader without a cache parses the file, gives the Source it read
// before when the bytes are the same, a new one when they changed, and
// tells a file that is gone.
func TestReadParsesAndKeepsTheSourceOfTheSameBytes(t *testing.T) {
	dir := site(t, map[string]string{"content/a.md": page})
	r := NewReader(diskfs.New(dir), nil, nil, cache.Key{}, nil)
	a, gone := r.Read("content/a.md", nil)
	if gone || a == nil || a.Err != nil || a.Page == nil || a.Page.Title != "A role" {
		t.Fatalf("Read = %+v, gone %v; want the parsed page", a, gone)
	}
	if a.Sum != content.DigestFile([]byte(page), a.Page.BodyLine).Sum || a.FrontMatter != sha256.Sum256([]byte("---\ntitle: A role\ndate: 2026-01-02\n---\n")) || a.BodySum != sha256.Sum256(a.Page.Body) {
		t.Errorf("digests of the bytes and of the front matter are wrong")
	}
	if again, _ := r.Read("content/a.md", a); again != a {
		t.Errorf("the same bytes gave a new Source")
	}
	if err := os.WriteFile(filepath.Join(dir, "content/a.md"), []byte(page+"More.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if edited, _ := r.Read("content/a.md", a); edited == a || edited.Sum == a.Sum {
		t.Errorf("an edited file gave the Source of its old bytes")
	}
	if src, gone := r.Read("content/none.md", nil); !gone || src != nil {
		t.Errorf("a missing file: Read = %v, gone %v; want nil, true", src, gone)
	}
	if r.Close() != 0 {
		t.Errorf("a Reader without a cache took pages from a pack")
	}
}

// A file whose front matter does not parse has its problem at its place.
func TestReadReportsTheProblemsOfAFile(t *testing.T) {
	dir := site(t, map[string]string{"content/bad.md": "---\ntitle: [\n---\nBody.\n"})
	src, _ := NewReader(diskfs.New(dir), nil, nil, cache.Key{}, nil).Read("content/bad.md", nil)
	if src == nil || src.Err == nil {
		t.Fatalf("Read = %+v; want a problem", src)
	}
	if list := diag.List(src.Err); list[0].File != "content/bad.md" || list[0].Line == 0 {
		t.Errorf("the problem is at %s:%d; want a line of content/bad.md", list[0].File, list[0].Line)
	}
}

// With a cache, the next Reader takes a page whose stamp is unchanged
// from the pack without reading its file, reads the file that changed,
// and tells how many pages it took.
func TestReadTakesUnchangedPagesFromThePack(t *testing.T) {
	dir := site(t, map[string]string{"content/a.md": page, "content/b.md": page})
	c, err := cache.Open(t.TempDir(), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	later := func() time.Time { return time.Now().Add(time.Hour) } // every file has settled
	read := func() (*countingFS, map[string]*Source, int) {
		fsys := &countingFS{FS: diskfs.New(dir)}
		stamps := filestamp.New(c, later)
		stamps.Open()
		defer stamps.Close()
		r := NewReader(fsys, nil, c, cache.Key{2}, stamps)
		srcs := map[string]*Source{}
		for _, p := range []string{"content/a.md", "content/b.md"} {
			srcs[p], _ = r.Read(p, nil)
		}
		return fsys, srcs, r.Close()
	}
	first, cold, used := read()
	if first.reads.Load() != 2 || used != 0 {
		t.Fatalf("first read: %d files read, %d pages from the pack; want 2 and 0", first.reads.Load(), used)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/b.md"), []byte(page+"Edited.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, warm, used := read()
	if second.reads.Load() != 1 || used != 1 {
		t.Fatalf("second read: %d files read, %d pages from the pack; want 1 and 1", second.reads.Load(), used)
	}
	if a := warm["content/a.md"]; a.Sum != cold["content/a.md"].Sum || a.Page == nil || a.Page.Title != "A role" {
		t.Errorf("the page from the pack is not the one packed: %+v", a)
	}
	if warm["content/b.md"].Sum == cold["content/b.md"].Sum {
		t.Errorf("the edited file kept its old digest")
	}
}
