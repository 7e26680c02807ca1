package pagepack

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"
	"math"
	"os"
	"path"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/testsite"
	"golang.org/x/tools/txtar"
)

// packSites are sites with every kind of page: the example site, a
// generated one, and the fixtures of pages.txtar.
func packSites(t *testing.T) map[string]fs.FS {
	t.Helper()
	gen := t.TempDir()
	if err := testsite.Write(gen, 60, 3); err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile("../content/testdata/pages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fixtures := fstest.MapFS{}
	for _, f := range ar.Files {
		if f.Name != "want" {
			fixtures[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return map[string]fs.FS{"example": os.DirFS("../.."), "generated": os.DirFS(gen), "fixtures": fixtures}
}

// parsedFile is a content file and the page ParseFile made of it.
type parsedFile struct {
	path string
	data []byte
	page *content.Page
}

func parseSite(t testing.TB, fsys fs.FS) []parsedFile {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		cfg = config.Default()
	}
	tree, err := content.Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	files := tree.Pages
	var out []parsedFile
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			t.Fatal(err)
		}
		if p, err := content.ParseFile(f, data, cfg); err == nil {
			out = append(out, parsedFile{f, data, p})
		}
	}
	return out
}

// TestPackGivesBackWhatParseFileMade: every page of the sites, written
// to a pack and read back, is the page ParseFile makes, and carried into
// a second pack by a writer that does not check, still is.
func TestPackGivesBackWhatParseFileMade(t *testing.T) {
	for name, fsys := range packSites(t) {
		t.Run(name, func(t *testing.T) {
			files := parseSite(t, fsys)
			if len(files) < 5 {
				t.Fatalf("only %d pages", len(files))
			}
			writers := []*Writer{NewWriter(), NewWriter()}
			for i, f := range files {
				if !writers[i%2].Add(f.path, digest(f.data, f.page), [32]byte{}, f.data, f.page) {
					t.Errorf("%s: not added", f.path)
				}
			}
			second := NewWriter()
			check := func(pack []byte, carry bool) {
				t.Helper()
				got, _, err := Read(pack)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(files) {
					t.Fatalf("%d pages read back, want %d", len(got), len(files))
				}
				for _, f := range files {
					pp := got[f.path]
					if pp == nil || pp.Sum != digest(f.data, f.page).Sum {
						t.Fatalf("%s: not in the pack", f.path)
					}
					p := pp.Page(f.data)
					if !reflect.DeepEqual(p, f.page) {
						t.Errorf("%s: read back as\n%+v\nwant\n%+v", f.path, p, f.page)
					}
					if pp.Page(f.data) != nil {
						t.Errorf("%s: given twice", f.path)
					}
					if carry {
						second.Add(f.path, digest(f.data, p), [32]byte{}, f.data, p)
					}
				}
			}
			check(joinPack(writers), true)
			check(joinPack([]*Writer{second}), false)
		})
	}
}

// TestPackLeavesOutWhatItCannotGiveBack: a page whose body is not the
// tail of its file (CRLF line endings), and one that holds a value of a
// type front matter decoding does not make, or a time in the machine's
// zone, are not in the pack, and neither is anything of them read back,
// not even an earlier record of their path; a page with NaN, which
// pagecodec writes by its bits, is.
func TestPackLeavesOutWhatItCannotGiveBack(t *testing.T) {
	fsys := fstest.MapFS{
		"content/crlf.md":   {Data: []byte("---\r\ntitle: CRLF\r\ndate: 2026-01-02\r\n---\r\nBody.\r\n")},
		"content/nan.md":    {Data: []byte("---\ntitle: NaN\ndate: 2026-01-02\nratio: .nan\n---\nBody.\n")},
		"content/ok.md":     {Data: []byte("---\ntitle: OK\ndate: 2026-01-02\n---\nBody.\n")},
		"content/int64.md":  {Data: []byte("---\ntitle: Int64\ndate: 2026-01-02\nn: 1\n---\nBody.\n")},
		"content/local.md":  {Data: []byte("---\ntitle: Local\ndate: 2026-01-02\n---\nBody.\n")},
		"content/nested.md": {Data: []byte("---\ntitle: Nested\ndate: 2026-01-02\nm: {a: [1]}\n---\nBody.\n")},
	}
	files := parseSite(t, fsys)
	first := NewWriter()
	for _, f := range files {
		first.Add(f.path, digest(f.data, f.page), [32]byte{}, f.data, f.page)
	}
	unknown := map[string]func(p *content.Page){
		"int64.md": func(p *content.Page) { p.Params["n"] = int64(1) },
		"local.md": func(p *content.Page) {
			p.Date = time.Date(2026, 1, 2, 0, 0, 0, 0, time.FixedZone("CET", 3600)).In(time.Local)
		},
		"nested.md": func(p *content.Page) { p.Params["m"].(map[string]any)["a"].([]any)[0] = struct{}{} },
	}
	w := NewWriter()
	for _, f := range files {
		name := path.Base(f.path)
		if change := unknown[name]; change != nil {
			change(f.page)
		}
		added := w.Add(f.path, digest(f.data, f.page), [32]byte{}, f.data, f.page)
		if want := name == "ok.md" || name == "nan.md"; added != want {
			t.Errorf("%s: added %v, want %v", f.path, added, want)
		}
	}
	got, _, err := Read(joinPack([]*Writer{first, w}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["content/ok.md"] == nil || got["content/nan.md"] == nil {
		t.Errorf("read back %v, want only content/ok.md and content/nan.md", got)
	}
	if pp := got["content/nan.md"]; pp != nil {
		data := fsys["content/nan.md"].Data
		if p := pp.Page(data); p == nil || !math.IsNaN(p.Params["ratio"].(float64)) {
			t.Errorf("content/nan.md read back as %+v", p)
		}
	}
}

func TestReadRefusesDamage(t *testing.T) {
	files := parseSite(t, packSites(t)["fixtures"])
	w := NewWriter()
	for _, f := range files {
		w.Add(f.path, digest(f.data, f.page), [32]byte{}, f.data, f.page)
	}
	pack := joinPack([]*Writer{w})
	for _, bad := range [][]byte{nil, {}, {5}, pack[:len(pack)-1], append(pack[:len(pack):len(pack)], 0), {1, 3, 'a', 'b', 'c'}} {
		if _, _, err := Read(bad); err == nil {
			t.Errorf("Read(% x…) = nil error", bad[:min(len(bad), 8)])
		}
	}
}

// A pack cut short anywhere is rejected, never read as a shorter pack.
func TestStreamsCutShort(t *testing.T) {
	a, b := NewWriter(), NewWriter()
	a.buf = []byte("stream a")
	b.buf = []byte("b")
	pack := joinPack([]*Writer{a, b})
	if streams, err := Streams(pack); err != nil || len(streams) != 2 || string(streams[0]) != "stream a" || string(streams[1]) != "b" {
		t.Fatalf("Streams = %q, %v; want [\"stream a\" \"b\"]", streams, err)
	}
	for n := range len(pack) {
		if streams, err := Streams(pack[:n:n]); !errors.Is(err, errPack) {
			t.Errorf("Streams of the pack cut to %d of %d bytes = %q, %v; want errPack", n, len(pack), streams, err)
		}
	}
}

// joinPack returns the pack of the writers' streams.
func joinPack(writers []*Writer) []byte {
	var out bytes.Buffer
	Write(&out, nil, writers)
	return out.Bytes()
}

// TestHeldPageReadsItsBodyWhenAsked: a page packed with a stamp comes
// back from the pack without its file's bytes, holding its body lazily,
// with the digests of its body and front matter as packed; LoadBody reads
// the body the page was parsed with, and refuses a file that changed
// since, so that a body so held is never stale. A page packed without a
// stamp is not held.
func TestHeldPageReadsItsBodyWhenAsked(t *testing.T) {
	data := []byte("---\ntitle: Held\ndate: 2026-01-02\n---\nThe body.\n")
	fsys := fstest.MapFS{"content/held.md": {Data: data}}
	page, err := content.ParseFile("content/held.md", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := *page
	stamp := [32]byte{1}
	w, unstamped := NewWriter(), NewWriter()
	if !w.Add("content/held.md", digest(data, page), stamp, data, page) || !unstamped.Add("content/held.md", digest(data, page), [32]byte{}, data, page) {
		t.Fatal("not added")
	}
	read := func(w *Writer) *Packed {
		t.Helper()
		got, _, err := Read(joinPack([]*Writer{w}))
		if err != nil {
			t.Fatal(err)
		}
		return got["content/held.md"]
	}
	if p, ok := read(unstamped).Held(fsys, nil); ok || p != nil {
		t.Errorf("a page packed without a stamp was held: %+v", p)
	}
	pp := read(w)
	if pp.Stamp() != stamp || pp.Front() != sha256.Sum256([]byte("---\ntitle: Held\ndate: 2026-01-02\n---\n")) {
		t.Errorf("stamp %x, front %x: not as packed", pp.Stamp(), pp.Front())
	}
	held, ok := pp.Held(fsys, nil)
	if !ok || held.Body != nil {
		t.Fatalf("Held = %+v, %v; want a page without its body", held, ok)
	}
	if held.BodySum() != sha256.Sum256(want.Body) {
		t.Errorf("BodySum of the held page = %x, want that of %q", held.BodySum(), want.Body)
	}
	if err := held.LoadBody(); err != nil || !reflect.DeepEqual(held, &want) {
		t.Errorf("after LoadBody = %v: %+v, want %+v", err, held, &want)
	}

	again := read(w)
	held, _ = again.Held(fsys, nil)
	fsys["content/held.md"].Data = []byte("---\ntitle: Held\ndate: 2026-01-02\n---\nThe bodY.\n")
	err = held.LoadBody()
	if err == nil || err.Error() != "content/held.md: the file changed while the site was built; build again" || held.Body != nil {
		t.Errorf("LoadBody of a file changed since = %v, body %q; want the error and no body", err, held.Body)
	}
}

// digest is the digests of data, the bytes page was parsed from.
func digest(data []byte, page *content.Page) content.FileDigests {
	return content.DigestFile(data, page.BodyLine)
}
