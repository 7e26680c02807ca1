package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// openCounter is the site folder as os.DirFS gives it, counting the files
// opened by name (a stat opens none).
type openCounter struct {
	fs.ReadLinkFS
	mu     sync.Mutex
	opened map[string]int
}

func (c *openCounter) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.ReadLinkFS.Open(name)
}

func (c *openCounter) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.ReadLinkFS, name) }

// TestWarmBuildReadsNoPhotograph builds a page bundle with a photograph,
// as three runs of `careersite build` would: the second, with nothing
// changed, opens the photograph not once (its digest and header are
// known by the file's stamp, for the image and for the resource
// published as it is), and gives the same output; the third, after the
// photograph was replaced, reads it and publishes the new one.
func TestWarmBuildReadsNoPhotograph(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	files := map[string][]byte{
		"site.yaml":                     []byte("title: Photographs\nimages:\n  widths: [16, 32]\n"),
		"layouts/_default/home.html":    []byte("home"),
		"layouts/_default/404.html":     []byte("not found"),
		"layouts/_default/single.html":  []byte("{{ .Content }}"),
		"layouts/_default/section.html": []byte("section"),
		"content/guides/trip/index.md":  []byte("---\ntitle: Trip\ndate: 2026-01-02\n---\n![The team](team.jpg)\n"),
		"content/guides/trip/team.jpg":  fixtureImage(t, "jpeg 40x30"),
	}
	for name, data := range files {
		writeFile(t, filepath.Join(src, name), data)
	}
	photo := filepath.Join(src, "content", "guides", "trip", "team.jpg")
	setModTime(t, photo, time.Now().Add(-time.Hour)) // settled (filestamp.Settle)
	build := func(run int) (opened, read int64, out string) {
		t.Helper()
		fsys := &openCounter{ReadLinkFS: os.DirFS(src).(fs.ReadLinkFS), opened: map[string]int{}}
		opts := Options{Source: src, Files: fsys, Dest: filepath.Join(dir, "public"+strconv.Itoa(run)),
			CacheDir: filepath.Join(src, ".careersite", "cache"), Now: testNow, Theme: imageHookTheme(t)}
		b, err := newOnce(opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Build(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		html, err := os.ReadFile(filepath.Join(opts.Dest, "guides", "trip", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return int64(fsys.opened["content/guides/trip/team.jpg"]), b.images.Stats().Read, string(html)
	}
	if opened, read, _ := build(1); opened == 0 || read != 1 {
		t.Fatalf("the first build opened team.jpg %d times and read %d image sources: want it read", opened, read)
	}
	opened, read, warm := build(2)
	if opened != 0 || read != 0 {
		t.Errorf("a build with nothing changed opened team.jpg %d times and read %d image sources, want 0 and 0", opened, read)
	}
	compareTrees(t, 0, "build that trusted the stamps", dirFiles(t, filepath.Join(dir, "public1")), dirFiles(t, filepath.Join(dir, "public2")))

	writeFile(t, photo, fixtureImage(t, "jpeg 40x31"))
	setModTime(t, photo, time.Now().Add(-time.Minute))
	opened, read, changed := build(3)
	if opened == 0 || read != 1 {
		t.Errorf("after team.jpg changed the build opened it %d times and read %d image sources: want it read", opened, read)
	}
	if changed == warm || !strings.Contains(changed, `height="31"`) {
		t.Errorf("after team.jpg became 40×31 the page is\n%s\nwant its new size and names", changed)
	}
}

func setModTime(t *testing.T, name string, mod time.Time) {
	t.Helper()
	if err := os.Chtimes(name, mod, mod); err != nil {
		t.Fatal(err)
	}
}
