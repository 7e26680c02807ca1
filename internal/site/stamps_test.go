package site

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/pagesource"
	"github.com/careersite/careersite/internal/testsite"
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

// TestWarmBuildReadsNoUnchangedPage builds a site whose content files
// have settled (filestamp.Settle) as runs of `careersite build` would:
// the second, with nothing changed, opens no content file whose body is
// Markdown alone, each page holding its body lazily (internal/pagesource), and
// gives the same output; the third, after a page was written again at
// the same size with its modification time put back, reads that page
// and publishes it as a build without the cache does; the fourth, its
// conversions gone from the cache, reads every body it holds lazily. A
// session whose first build held bodies lazily reads an edited page
// again.
func TestWarmBuildReadsNoUnchangedPage(t *testing.T) {
	opts := cachedSite(t, 40)
	settled := time.Now().Add(-time.Hour)
	settle(t, filepath.Join(opts.Source, "content"), settled)
	counted := func() (Options, *openCounter) {
		fsys := &openCounter{ReadLinkFS: os.DirFS(opts.Source).(fs.ReadLinkFS), opened: map[string]int{}}
		o := opts
		o.Files = fsys
		return o, fsys
	}
	// pagesOpened are the content files b opened whose bodies are
	// Markdown alone, and how many such files there are.
	pagesOpened := func(b *Builder, fsys *openCounter) (opened []string, plain int) {
		for p, s := range b.sources {
			if s.Page == nil || (s.Page.Body != nil && !pagesource.PlainBody(s.Page.Body)) {
				continue // kept whole: shortcodes or images
			}
			plain++
			if fsys.opened[p] > 0 {
				opened = append(opened, p)
			}
		}
		slices.Sort(opened)
		return opened, plain
	}
	first, _ := counted()
	buildOnceWith(t, first)

	warm, fsys := counted()
	b := buildOnceWith(t, warm)
	if opened, plain := pagesOpened(b, fsys); len(opened) > 0 || plain < 30 {
		t.Errorf("a build with nothing changed opened %d of %d pages of plain Markdown: %q", len(opened), plain, opened)
	}
	sameAsWithoutCache(t, opts, "build that held bodies lazily")

	// edit writes a letter of the page's body again, at the same size
	// and modification time.
	edited := filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(3)))
	edit := func(letter byte) {
		data, err := os.ReadFile(edited)
		if err != nil {
			t.Fatal(err)
		}
		data[bytes.LastIndex(data, []byte("the "))+2] = letter
		writeFile(t, edited, data)
		setModTime(t, edited, settled)
	}
	edit('a')
	third, fsys := counted()
	buildOnceWith(t, third)
	if fsys.opened[testsite.Path(3)] == 0 {
		t.Errorf("%s, written again at the same size and time, was not read", testsite.Path(3))
	}
	sameAsWithoutCache(t, opts, "build after a page was written again")

	for _, kind := range []string{"markdown", "markdown-records"} { // the store of conversions and the pack of their records
		if err := os.RemoveAll(filepath.Join(opts.CacheDir, kind)); err != nil {
			t.Fatal(err)
		}
	}
	fourth, fsys := counted()
	b = buildOnceWith(t, fourth)
	if opened, plain := pagesOpened(b, fsys); len(opened) != plain {
		t.Errorf("without its conversions, a build opened %d of %d pages of plain Markdown", len(opened), plain)
	}
	sameAsWithoutCache(t, opts, "build that converted the bodies it held lazily")

	session, fsys := counted()
	s, err := New(session)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if opened, _ := pagesOpened(s, fsys); len(opened) > 0 {
		t.Errorf("a session's first build opened %q, want no page of plain Markdown", opened)
	}
	edit('e')
	if _, err := s.Build(context.Background(), []string{testsite.Path(3)}); err != nil {
		t.Fatal(err)
	}
	sameAsWithoutCache(t, opts, "session's build after a page was written again")
}

// settle sets the modification time of every file under dir to mod.
func settle(t *testing.T, dir string, mod time.Time) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			setModTime(t, p, mod)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
