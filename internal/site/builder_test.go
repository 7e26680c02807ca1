package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/deltapack"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/pagepack"
	"github.com/careersite/careersite/internal/pagesource"
	"github.com/careersite/careersite/internal/testsite"
)

// cachedSite is a generated site with a destination and a cache folder.
func cachedSite(t *testing.T, pages int) Options {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	if err := testsite.Write(src, pages, 7); err != nil {
		t.Fatal(err)
	}
	return Options{Source: src, Dest: filepath.Join(dir, "public"), CacheDir: filepath.Join(src, ".careersite", "cache"),
		Now: testNow, Theme: careersite.Theme()}
}

func buildOnce(t *testing.T, opts Options) *Result {
	t.Helper()
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// inodes returns the inode of every file under dir, by name.
func inodes(t *testing.T, dir string) map[string]uint64 {
	t.Helper()
	out := map[string]uint64{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			if st, ok := info.Sys().(*syscall.Stat_t); ok {
				rel, _ := filepath.Rel(dir, p)
				out[filepath.ToSlash(rel)] = st.Ino
			}
		}
		return err
	})
	return out
}

// TestWarmBuild builds a site three times, as three runs of `careersite
// build` would: the second, with nothing changed, makes nothing and
// leaves the destination as it is; the third, after one page changed,
// makes only what shows that page, publishes every other file again by
// hard link, and gives what a build without the cache gives.
func TestWarmBuild(t *testing.T) {
	opts := cachedSite(t, 40)
	cold := buildOnce(t, opts)
	if cold.Made != cold.Files {
		t.Errorf("a cold build made %d of %d files", cold.Made, cold.Files)
	}
	before := inodes(t, opts.Dest)

	warm := buildOnce(t, opts)
	if warm.Made != 0 {
		t.Errorf("a warm build with nothing changed made %d files, want 0", warm.Made)
	}
	if after := inodes(t, opts.Dest); !reflect.DeepEqual(before, after) {
		t.Error("a warm build with nothing changed rewrote the destination")
	}

	page := filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(5)))
	data, _ := os.ReadFile(page)
	os.WriteFile(page, append(data, "\nOne more sentence.\n"...), 0o644)
	one := buildOnce(t, opts)
	if one.Made == 0 || one.Made > one.Files/4 {
		t.Errorf("after one page changed a warm build made %d of %d files", one.Made, one.Files)
	}
	after := inodes(t, opts.Dest)
	same := 0
	for name, ino := range after {
		if before[name] == ino {
			same++
		}
	}
	if same < len(after)-one.Made {
		t.Errorf("%d files kept their inode, want %d (all but the %d made)", same, len(after)-one.Made, one.Made)
	}

	fresh := opts
	fresh.CacheDir, fresh.Dest = "", filepath.Join(t.TempDir(), "public")
	buildOnce(t, fresh)
	if got, want := dirFiles(t, opts.Dest), dirFiles(t, fresh.Dest); !reflect.DeepEqual(got, want) {
		compareTrees(t, 0, "warm build", want, got)
	}

	// The fourth build starts from the output of the second, which the
	// third kept aside (output.Recycle), and still gives what a build
	// without the cache gives, after another page changed.
	recycled := filepath.Join(opts.CacheDir, "aside", "output")
	if _, err := os.Stat(filepath.Join(recycled, "index.html")); err != nil {
		t.Fatalf("no output was kept aside: %v", err)
	}
	page = filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(7)))
	data, _ = os.ReadFile(page)
	os.WriteFile(page, append(data, "\nAnother sentence.\n"...), 0o644)
	buildOnce(t, opts)
	fresh.Dest = filepath.Join(t.TempDir(), "public")
	buildOnce(t, fresh)
	if got, want := dirFiles(t, opts.Dest), dirFiles(t, fresh.Dest); !reflect.DeepEqual(got, want) {
		compareTrees(t, 0, "build from the recycled output", want, got)
	}
}

// TestWarmBuildRemakesTouchedFiles changes a file of the destination by
// hand: the next build makes it again instead of keeping it.
func TestWarmBuildRemakesTouchedFiles(t *testing.T) {
	opts := cachedSite(t, 12)
	buildOnce(t, opts)
	name := filepath.Join(opts.Dest, "index.html")
	want, _ := os.ReadFile(name)
	os.WriteFile(name, []byte("changed by hand"), 0o644)
	res := buildOnce(t, opts)
	if res.Made != 1 {
		t.Errorf("made %d files, want 1 (index.html)", res.Made)
	}
	if got, _ := os.ReadFile(name); string(got) != string(want) {
		t.Errorf("index.html is %.40q…, want it made again", got)
	}
}

// TestDamagedCache damages every entry of the cache: the build ignores
// them and gives the same output.
func TestDamagedCache(t *testing.T) {
	opts := cachedSite(t, 12)
	buildOnce(t, opts)
	want := dirFiles(t, opts.Dest)
	n := 0
	filepath.WalkDir(opts.CacheDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".gitignore") && !strings.HasSuffix(p, "trim.txt") {
			data, _ := os.ReadFile(p)
			data[len(data)-1] ^= 0xff
			os.WriteFile(p, data, 0o644)
			n++
		}
		return err
	})
	if n == 0 {
		t.Fatal("the build left nothing in the cache")
	}
	res := buildOnce(t, opts)
	if res.Made != res.Files {
		t.Errorf("with a damaged manifest a build made %d of %d files, want all", res.Made, res.Files)
	}
	compareTrees(t, 0, "damaged cache", want, dirFiles(t, opts.Dest))
}

// TestFailedWarmBuild: a build that fails leaves the destination as it was,
// and the build after the fix is right.
func TestFailedWarmBuild(t *testing.T) {
	opts := cachedSite(t, 12)
	buildOnce(t, opts)
	want := dirFiles(t, opts.Dest)
	page := filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(2)))
	good, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(good), "title:", "title: [", 1)), 0o644)
	if _, err := Build(context.Background(), opts); err == nil {
		t.Fatal("a build with a broken page succeeded")
	}
	compareTrees(t, 0, "after a failed build", want, dirFiles(t, opts.Dest))
	os.WriteFile(page, good, 0o644)
	if res := buildOnce(t, opts); res.Made != 0 {
		t.Errorf("after the fix a build made %d files, want 0", res.Made)
	}
}

// TestServeBuilds rebuilds into memory as serve does, and checks that a
// rebuild with nothing changed publishes nothing new.
func TestServeBuilds(t *testing.T) {
	opts := cachedSite(t, 12)
	opts.Defer = true
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	ctx := context.Background()
	if _, err := b.BuildTo(ctx, nil, mem); err != nil {
		t.Fatal(err)
	}
	res, err := b.BuildTo(ctx, []string{}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if res.Made != 0 || len(mem.Tree().Changed()) != 0 {
		t.Errorf("a rebuild with nothing changed made %d files and changed %q", res.Made, mem.Tree().Changed())
	}
	if res, err := b.FinishDeferred(ctx, mem); err != nil || res != nil {
		t.Errorf("FinishDeferred with nothing left = %v, %v", res, err)
	}
}

// TestPagePack: a build in a new process parses only the content files
// whose bytes changed, taking the other pages from the pack the last
// build left in the cache, and gives what a build without the cache gives.
func TestPagePack(t *testing.T) {
	opts := cachedSite(t, 40)
	cold, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cold.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if cold.stats.packedPages != 0 {
		t.Fatalf("a cold build took %d pages from a pack", cold.stats.packedPages)
	}
	files := len(cold.sources)

	page := filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(3)))
	data, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(data), "title: ", "title: Edited ", 1)), 0o644)
	// The first parses the edited file; the second, none.
	for _, want := range []int{files - 1, files} {
		warm, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := warm.Build(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		if got := warm.stats.packedPages; got != want {
			t.Errorf("a warm build took %d pages from the pack, want %d of %d", got, want, files)
		}
	}
	sameAsWithoutCache(t, opts, "build from the pack")
}

// sameAsWithoutCache fails the test unless the output of opts is what a
// build of the same site without the cache gives.
func sameAsWithoutCache(t *testing.T, opts Options, what string) {
	t.Helper()
	fresh := opts
	fresh.CacheDir, fresh.Dest = "", filepath.Join(t.TempDir(), "public")
	buildOnce(t, fresh)
	if got, want := dirFiles(t, opts.Dest), dirFiles(t, fresh.Dest); !reflect.DeepEqual(got, want) {
		compareTrees(t, 0, what, want, got)
	}
}

// TestPagePackKeepsItsStreams edits one page at a time, build after
// build. Each build adds the edited page to the pack the last one left,
// which keeps its records as they are, until an eighth of them stand for
// nothing; then the pack is written anew with the pages still in use. A
// build with nothing changed leaves the pack alone, and every build gives
// what a build without the cache gives.
func TestPagePackKeepsItsStreams(t *testing.T) {
	opts := cachedSite(t, 40)
	// Every file settled, as it is written, so that every page is packed
	// with its stamp from the first build on (internal/pagesource), not in the first
	// build that finds it settled.
	settled := time.Now().Add(-time.Hour)
	settle(t, filepath.Join(opts.Source, "content"), settled)
	build := func() *Builder { return buildOnceWith(t, opts) }
	files := len(build().sources)
	records := func(b *Builder) int {
		t.Helper()
		_, base, delta := deltapack.Open(b.cache, pagesource.PackKind, b.pagesKey())
		if base == nil {
			t.Fatal("no pack in the cache")
		}
		packs := [][]byte{base}
		if delta != nil {
			packs = append(packs, delta)
		}
		pages, n, err := pagepack.Read(packs...)
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) != files {
			t.Fatalf("the pack has %d pages, want %d", len(pages), files)
		}
		return n
	}
	var seen, want []int
	for n, i := files, 0; i < 16; i++ {
		page := filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(i%3)))
		data, _ := os.ReadFile(page)
		os.WriteFile(page, append(data, fmt.Sprintf("\nEdit %d.\n", i)...), 0o644)
		setModTime(t, page, settled)
		b := build()
		if b.stats.packedPages != files-1 {
			t.Fatalf("edit %d: the build took %d pages from the pack, want %d", i, b.stats.packedPages, files-1)
		}
		seen = append(seen, records(b))
		// One record more, until more than an eighth of the old pack's
		// stand for nothing: then the pages in use and the edited one.
		if stale := n - (files - 1); stale*8 <= n {
			n++
		} else {
			n = files
		}
		want = append(want, n)
	}
	if !slices.Equal(seen, want) || !slices.Contains(seen, files) {
		t.Errorf("records after each build: %v, want %v, written anew at least once", seen, want)
	}
	b := build()
	if got, n := b.stats.packedPages, records(b); got != files || n != want[len(want)-1] {
		t.Errorf("with nothing changed: %d pages from the pack, %d records; want %d and %d", got, n, files, want[len(want)-1])
	}
	sameAsWithoutCache(t, opts, "build from the pack")
}

// TestCachedHTML: a build that finds its conversions in the store reads
// their HTML from there as it writes pages, with the same output. (That
// HTML damaged in the store is converted again, once per damaged entry,
// is internal/convert's TestCachedHTML.)
func TestCachedHTML(t *testing.T) {
	opts := cachedSite(t, 12)
	buildOnce(t, opts)
	opts.Dest = filepath.Join(t.TempDir(), "public") // every page is written
	b := buildOnceWith(t, opts)
	if st := b.conv.Stats(); st.Asked == 0 || st.Found != st.Asked {
		t.Errorf("found %d of %d conversions in the store", st.Found, st.Asked)
	}
	sameAsWithoutCache(t, opts, "HTML from the store")
	if n := b.conv.Stats().Reconverted; n != 0 {
		t.Errorf("converted %d bodies again, want none", n)
	}
}

// TestConversionCache: a build in a new process converts only the bodies
// that changed, finding the others' conversions in the store of the
// cache.
func TestConversionCache(t *testing.T) {
	opts := cachedSite(t, 40)
	build := func() (found, asked int64) {
		t.Helper()
		b, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Build(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		st := b.conv.Stats()
		return st.Found, st.Asked
	}
	if found, _ := build(); found != 0 {
		t.Fatalf("a cold build found %d conversions in the store", found)
	}
	page := filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(3)))
	data, _ := os.ReadFile(page)
	os.WriteFile(page, append(data, "\nA new last sentence.\n"...), 0o644)
	// The first converts the edited body; the second, none.
	for _, missed := range []int64{1, 0} {
		found, asked := build()
		if asked == 0 || found != asked-missed {
			t.Errorf("a warm build found %d of %d conversions in the store, want %d", found, asked, asked-missed)
		}
	}
}

// TestCacheVersionHoldsTheme: a builder with another theme (another
// binary's embedded one, or a theme of its own) keys the persistent cache
// by another version, so it finds none of the first one's entries; the
// same theme again, as in a second `go run` of the same checkout, finds
// them all.
func TestCacheVersionHoldsTheme(t *testing.T) {
	opts := cachedSite(t, 1)
	versionWith := func(theme fs.FS) deps.Digest {
		t.Helper()
		o := opts
		o.Theme = theme
		b, err := New(o)
		if err != nil {
			t.Fatal(err)
		}
		return b.version
	}
	first, again := versionWith(careersite.Theme()), versionWith(careersite.Theme())
	if first != again {
		t.Errorf("the same theme gave the cache versions %x and %x", first, again)
	}
	other := fstest.MapFS{"layouts/_default/single.html": {Data: []byte("{{ .Title }}")}}
	if v := versionWith(other); v == first {
		t.Errorf("another theme gave the same cache version %x", v)
	}
}
