package convert

import (
	"encoding/binary"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/imaging"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
)

// everyPrefix calls f with each proper prefix of b, with no room to grow.
func everyPrefix(b []byte, f func(n int, prefix []byte)) {
	for n := range len(b) {
		f(n, b[:n:n])
	}
}

// The record of a conversion in the persistent cache (cache.Encoder)
// reads back as it was written, and a record cut short is rejected, never
// read as a shorter one. (Get refuses an entry whose length or checksum
// is wrong before a decoder sees it; this test is the second line.)
func TestConversionRecord(t *testing.T) {
	c := &Conversion{
		res: &markdown.Result{
			Headings:  []markdown.Heading{{Level: 2, ID: "pay", Text: "Pay"}, {Level: 3, ID: "bands", Text: "Pay bands"}},
			Links:     []markdown.Link{{Dest: "/roles/sre/", Line: 12, Col: 3}},
			WordCount: 1234, ReadingTime: 6,
		},
		summary: "<p>The job.</p>", toc: "<nav></nav>", contentDigest: deps.Digest{1}, summaryDigest: deps.Digest{31: 2},
	}
	b := encodeConversion(c)
	got, err := decodeConversion(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.summary != c.summary || got.toc != c.toc || got.contentDigest != c.contentDigest || got.summaryDigest != c.summaryDigest ||
		fmt.Sprint(*got.res) != fmt.Sprint(*c.res) {
		t.Errorf("decodeConversion(encodeConversion(c)) = %+v %+v, want %+v %+v", got, got.res, c, c.res)
	}
	everyPrefix(b, func(n int, p []byte) {
		if _, err := decodeConversion(p); !errors.Is(err, cache.ErrDamaged) {
			t.Errorf("a conversion cut to %d of %d bytes: err = %v, want cache.ErrDamaged", n, len(b), err)
		}
	})
}

// TestConversionRecordGrowsOnce: the record of a conversion is encoded
// into a buffer made once at its exact size, whatever the lengths of its
// strings and numbers, rather than one grown a copy at a time or one
// with room to spare (every record is held until the pack of records is
// saved).
func TestConversionRecordGrowsOnce(t *testing.T) {
	long := strings.Repeat("<p>A long paragraph of the summary.</p>", 100)
	c := &Conversion{
		res: &markdown.Result{
			Headings: []markdown.Heading{{Level: 2, ID: strings.Repeat("pay-", 50), Text: strings.Repeat("Pay ", 50)}},
			Links:    []markdown.Link{{Dest: "/roles/" + strings.Repeat("s", 300) + "/", Line: 12, Col: 3}},
		},
		summary: template.HTML(long), toc: template.HTML(long),
		imgRefs:  []images.Use{{Ref: "team.jpg", Path: "content/jobs/team.jpg", Line: 3, Col: 1}},
		imgNamed: []images.Named{{Use: 0, Spec: imaging.Spec{Format: "webp", Width: 800}}},
	}
	small := &Conversion{res: &markdown.Result{Links: []markdown.Link{{Dest: "/", Line: -1, Col: 1 << 40}}}}
	for _, c := range []*Conversion{c, small} {
		if b, n := encodeConversion(c), recordSize(c); len(b) != n {
			t.Errorf("the record of %d bytes was encoded into a buffer made for %d", len(b), n)
		}
	}
	if raceEnabled {
		t.Skip("allocation counts under the race detector are not a build's; go test ./... (the README's command) runs them")
	}
	if n := testing.AllocsPerRun(10, func() { encodeConversion(c) }); n != 1 {
		t.Errorf("encodeConversion allocated %v times, want 1", n)
	}
}

// testSite writes a site of n pages under dir and returns their sources,
// parsed, with the site's configuration and links.
func testSite(t *testing.T, dir string, n int) ([]Source, *config.Config, *model.Linker) {
	t.Helper()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: T\nbase_url: https://example.org/\n")
	fsys := os.DirFS(dir)
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	links, err := model.NewLinker(cfg.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	var srcs []Source
	for i := range n {
		path := fmt.Sprintf("content/guides/page-%d.md", i)
		write(path, fmt.Sprintf("---\ntitle: Page %d\ndate: 2026-01-01\n---\n## Part %d\n\nText of page %d, with [a link](/guides/page-%d/).\n\n## Part two\n\nMore.\n", i, i, i, (i+1)%n))
		data, err := content.ReadFile(fsys, path, cfg)
		if err != nil {
			t.Fatal(err)
		}
		page, err := content.ParseFile(path, data, cfg)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, Source{Path: path, Page: page, Sum: content.DigestFile(data, page.BodyLine).Sum})
	}
	return srcs, cfg, links
}

// cachedSite is a site of pages converted with a persistent cache, and
// the HTML each page converts to without one.
type cachedSite struct {
	t        *testing.T
	dir      string
	cacheDir string
	version  cache.Key
	srcs     []Source
	cfg      *config.Config
	links    *model.Linker
	want     map[string]string
}

func newCachedSite(t *testing.T, pages int) *cachedSite {
	dir := t.TempDir()
	srcs, cfg, links := testSite(t, dir, pages)
	version, err := cache.Version(t.Name())
	if err != nil {
		t.Fatal(err)
	}
	s := &cachedSite{t: t, dir: dir, cacheDir: filepath.Join(dir, ".careersite", "cache"), version: version,
		srcs: srcs, cfg: cfg, links: links, want: map[string]string{}}
	plain := New(os.DirFS(dir), nil, deps.Digest(version), true)
	plain.Configure(cfg, deps.Digest{}, links)
	for _, src := range srcs {
		html, err := plain.Convert(src).HTML()
		if err != nil {
			t.Fatal(err)
		}
		s.want[src.Path] = string(html)
	}
	return s
}

// build converts every page with a Converter of its own whose HTML stays
// in the cache, as one build does, checks the HTML of each, and returns
// the Converter.
func (s *cachedSite) build(what string) *Converter {
	t := s.t
	t.Helper()
	c, err := cache.Open(s.cacheDir, s.version)
	if err != nil {
		t.Fatal(err)
	}
	cv := New(os.DirFS(s.dir), c, deps.Digest(s.version), true)
	cv.Configure(s.cfg, deps.Digest{}, s.links)
	cv.OpenCache()
	defer cv.CloseCache(true, len(s.srcs))
	for _, src := range s.srcs {
		html, err := cv.Convert(src).HTML()
		if err != nil || string(html) != s.want[src.Path] {
			t.Errorf("%s: %s: HTML() = %q, %v; want %q", what, src.Path, html, err, s.want[src.Path])
		}
	}
	return cv
}

// TestCachedHTML: a Converter whose HTML stays in the cache, finding its
// conversions in the store, reads their HTML from there only when it is
// asked for, and where that HTML was damaged it converts the page's body
// again, with the same HTML.
func TestCachedHTML(t *testing.T) {
	s := newCachedSite(t, 12)
	if st := s.build("a cold build").Stats(); st.Found != 0 {
		t.Fatalf("a cold build found %d conversions in the store", st.Found)
	}
	st := s.build("HTML from the store").Stats()
	if st.Asked == 0 || st.Found != st.Asked {
		t.Errorf("HTML from the store: found %d of %d conversions in the store", st.Found, st.Asked)
	}
	if st.Reconverted != 0 {
		t.Errorf("converted %d bodies again, want none", st.Reconverted)
	}
	damaged := damageHTMLEntries(t, filepath.Join(s.cacheDir, cacheKind))
	if damaged == 0 {
		t.Fatal("no HTML in the store")
	}
	st = s.build("HTML damaged in the store").Stats()
	if st.Asked == 0 || st.Found != st.Asked {
		t.Errorf("HTML damaged in the store: found %d of %d conversions in the store", st.Found, st.Asked)
	}
	if st.Reconverted != int64(damaged) {
		t.Errorf("converted %d bodies again, want %d, one per damaged entry", st.Reconverted, damaged)
	}
}

// TestRecordsFromThePack: a build takes the records of its conversions
// from the pack of records, not from the store, which it opens only for
// the HTML it reads; HTML missing from the store is converted again and
// put back.
func TestRecordsFromThePack(t *testing.T) {
	s := newCachedSite(t, 12)
	s.build("a cold build")
	if err := os.RemoveAll(filepath.Join(s.cacheDir, cacheKind)); err != nil {
		t.Fatal(err)
	}
	st := s.build("the store gone").Stats()
	if st.Found != int64(len(s.srcs)) {
		t.Errorf("with the store gone, found %d of %d conversions, want all in the pack", st.Found, len(s.srcs))
	}
	if st.Reconverted != int64(len(s.srcs)) {
		t.Errorf("with the store gone, converted %d bodies again for their HTML, want %d", st.Reconverted, len(s.srcs))
	}
	st = s.build("the HTML put back").Stats()
	if st.Found != int64(len(s.srcs)) || st.Reconverted != 0 {
		t.Errorf("after the HTML was put back: found %d of %d, converted %d again; want all found, none converted",
			st.Found, len(s.srcs), st.Reconverted)
	}
}

// damageHTMLEntries flips the last byte of every entry of the stores
// under dir that is HTML (its payload is not a conversion's record), and
// returns how many it damaged. A record is "csr1", the key, the payload's SHA-256,
// its length (8 bytes, little-endian) and the payload (see cache.Store).
func damageHTMLEntries(t *testing.T, dir string) int {
	t.Helper()
	shards, _ := filepath.Glob(filepath.Join(dir, "*", "*.shelf"))
	n := 0
	for _, p := range shards {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for off := 0; off+76 <= len(data) && string(data[off:off+4]) == "csr1"; {
			size := int(binary.LittleEndian.Uint64(data[off+68 : off+76]))
			payload := data[off+76 : off+76+size]
			if _, err := decodeConversion(payload); err != nil {
				payload[len(payload)-1] ^= 0xff
				n++
			}
			off += 76 + size
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return n
}
