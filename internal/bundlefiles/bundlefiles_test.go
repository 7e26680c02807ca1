package bundlefiles

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/filestamp"
	"github.com/careersite/careersite/internal/model"
)

// counter is a site folder that counts the files opened by name (a stat
// or a directory listing opens none).
type counter struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func newCounter(fsys fs.FS) *counter { return &counter{FS: fsys, opened: map[string]int{}} }

func (c *counter) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

func (c *counter) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

func (c *counter) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

func (c *counter) Lstat(name string) (fs.FileInfo, error) { return c.FS.(fs.ReadLinkFS).Lstat(name) }

func (c *counter) ReadLink(name string) (string, error) { return c.FS.(fs.ReadLinkFS).ReadLink(name) }

// pages is the set of page files a caller read.
type pages map[string]bool

func (p pages) has(name string) bool { return p[name] }

const (
	trip  = "content/guides/trip/index.md"
	notes = "content/guides/trip/notes.txt"
	svg   = "content/guides/trip/img/d.svg"
	stray = "content/stray.txt" // no bundle owns it: no page owns content/
)

func tripSite() fstest.MapFS {
	return fstest.MapFS{
		trip:  {Data: []byte("---\ntitle: Trip\n---\n")},
		notes: {Data: []byte("Notes.\n")},
		svg:   {Data: []byte("<svg/>")},
		stray: {Data: []byte("stray")},
	}
}

// walked is content/ of fsys walked, when all is set, else nil.
func walked(t *testing.T, fsys fs.FS, all bool) *content.Tree {
	t.Helper()
	if !all {
		return nil
	}
	tree, err := content.Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func read(t *testing.T, s *Set, all bool, changed ...string) []string {
	t.Helper()
	diff, err := s.Read(context.Background(), nil, walked(t, s.fsys, all), changed)
	if err != nil {
		t.Fatal(err)
	}
	return diff
}

// TestReadReportsWhatChanged: Read returns the resource files added,
// edited or removed since the last Read, sorted, and nothing for a file
// written again with the same bytes, a Markdown file, or new bytes in a
// file no bundle owns, which it does not open.
func TestReadReportsWhatChanged(t *testing.T) {
	site := tripSite()
	fsys := newCounter(site)
	s := New(fsys, nil, pages{trip: true}.has)
	steps := []struct {
		name    string
		edit    func()
		all     bool
		changed []string
		want    []string
	}{
		{"first full read", func() {}, true, nil, []string{svg, notes, stray}},
		{"full read, nothing changed", func() {}, true, nil, nil},
		{"notes edited", func() { site[notes] = &fstest.MapFile{Data: []byte("Notes, edited.\n")} },
			false, []string{notes, trip, notes}, []string{notes}},
		{"notes written with the same bytes", func() { site[notes] = &fstest.MapFile{Data: []byte("Notes, edited.\n")} },
			false, []string{notes}, nil},
		{"a file no bundle owns edited", func() { site[stray] = &fstest.MapFile{Data: []byte("stray, edited")} },
			false, []string{stray}, nil},
		{"a resource added", func() { site["content/guides/trip/team.csv"] = &fstest.MapFile{Data: []byte("a,b\n")} },
			false, []string{"content/guides/trip/team.csv"}, []string{"content/guides/trip/team.csv"}},
		{"a resource removed, seen by a full read", func() { delete(site, svg) }, true, nil, []string{svg}},
	}
	for _, st := range steps {
		st.edit()
		if got := read(t, s, st.all, st.changed...); !slices.Equal(got, st.want) {
			t.Errorf("%s: Read = %q, want %q", st.name, got, st.want)
		}
	}
	if n := fsys.opened[stray]; n != 0 {
		t.Errorf("the file no bundle owns was opened %d times, want 0", n)
	}
}

// TestAttach: the published pages get the resources their bundles own,
// with their sizes, sorted by name, including a file that no bundle owned
// when it was read; a page that is not published gets none; a resource
// over limits.resource or with a name that cannot be published is a
// problem at its file.
func TestAttach(t *testing.T) {
	site := tripSite()
	draft := "content/guides/draft/index.md"
	site[draft] = &fstest.MapFile{Data: []byte("---\ntitle: Draft\n---\n")}
	site["content/guides/draft/plan.txt"] = &fstest.MapFile{Data: []byte("plan")}
	site["content/guides/trip/big.bin"] = &fstest.MapFile{Data: []byte(strings.Repeat("x", 40))}
	site["content/guides/trip/a:b.txt"] = &fstest.MapFile{Data: []byte("colon")}
	read := pages{draft: true}
	s := New(site, nil, read.has)
	cfg := config.Default()
	cfg.Limits.Resource = 32
	if _, err := s.Read(context.Background(), cfg, walked(t, site, true), nil); err != nil {
		t.Fatal(err)
	}
	read[trip] = true // its bundle's files were read before the page was
	tripPage := &model.Page{File: trip, URL: "/guides/trip/"}
	draftPage := &model.Page{File: draft, URL: "/guides/draft/"}
	problems := s.Attach(cfg, []*model.Page{tripPage, draftPage}, map[string]bool{trip: true})

	var got []string
	for _, r := range tripPage.Resources {
		got = append(got, r.Name+" "+r.URL+" "+model.ResourceSource(r)+" "+strconv.FormatInt(r.Size, 10))
	}
	want := []string{
		"img/d.svg /guides/trip/img/d.svg " + svg + " 6",
		"notes.txt /guides/trip/notes.txt " + notes + " 7",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the trip's resources are\n%q\nwant\n%q", got, want)
	}
	if len(draftPage.Resources) != 0 {
		t.Errorf("the unpublished page got %d resources, want none", len(draftPage.Resources))
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Error())
	}
	wantMsgs := []string{
		"content/guides/trip/a:b.txt: cannot be published as a resource of " + trip + `: segment "a:b.txt"`,
		"content/guides/trip/big.bin: the file is larger than the limit",
	}
	if len(msgs) != len(wantMsgs) {
		t.Fatalf("Attach's problems are %q, want %d: %q", msgs, len(wantMsgs), wantMsgs)
	}
	for i := range msgs {
		if !strings.HasPrefix(msgs[i], wantMsgs[i]) {
			t.Errorf("problem %d is %q, want it to start %q", i, msgs[i], wantMsgs[i])
		}
	}
}

// published reads site, attaches the trip's resources and returns them.
func published(t *testing.T, s *Set) model.Resources {
	t.Helper()
	read(t, s, true)
	p := &model.Page{File: trip, URL: "/guides/trip/"}
	if problems := s.Attach(nil, []*model.Page{p}, map[string]bool{trip: true}); len(problems) > 0 {
		t.Fatal(problems)
	}
	return p.Resources
}

func keyOf(s *Set, r *model.Resource) deps.Digest {
	h := deps.NewHasher()
	s.Key(r)(h, nil)
	return h.Sum()
}

func hashOf(s *Set) deps.Digest {
	h := deps.NewHasher()
	s.Hash(h)
	return h.Sum()
}

// TestKeyAndHashFollowBytes: a resource's key and the hash of every file
// are the same while the bytes are, and change with them.
func TestKeyAndHashFollowBytes(t *testing.T) {
	site := tripSite()
	s := New(site, nil, pages{trip: true}.has)
	rs := published(t, s)
	key, hash := keyOf(s, rs[1]), hashOf(s)

	site[notes] = &fstest.MapFile{Data: []byte("Notes.\n")}
	rs = published(t, s)
	if k, h := keyOf(s, rs[1]), hashOf(s); k != key || h != hash {
		t.Errorf("with the same bytes written again, the key changed: %v, the hash changed: %v; want neither", k != key, h != hash)
	}
	site[notes] = &fstest.MapFile{Data: []byte("Other notes.\n")}
	rs = published(t, s)
	if k, h := keyOf(s, rs[1]), hashOf(s); k == key || h == hash {
		t.Errorf("with new bytes, the key changed: %v, the hash changed: %v; want both", k != key, h != hash)
	}
	if k := keyOf(s, rs[0]); k == keyOf(s, rs[1]) {
		t.Errorf("two resources with other bytes have one key")
	}
}

// TestBytes: a resource is published with its bytes as they are; one
// that went since it was attached is an error at its file.
func TestBytes(t *testing.T) {
	site := tripSite()
	s := New(site, nil, pages{trip: true}.has)
	rs := published(t, s)
	data, err := s.Bytes(nil, rs[1])
	if err != nil || string(data) != "Notes.\n" {
		t.Errorf("Bytes(notes.txt) = %q, %v; want %q", data, err, "Notes.\n")
	}
	delete(site, notes)
	_, err = s.Bytes(nil, rs[1])
	if want := notes + ": cannot read: file does not exist"; err == nil || err.Error() != want {
		t.Errorf("Bytes of a removed resource: %v, want %s", err, want)
	}
}

// TestReadTrustsStamps: a Set in the next process, whose resource kept
// its stamp, takes its digest from the stamp and opens it not once; the
// key is the one the bytes gave. Once the file is written again it is
// read.
func TestReadTrustsStamps(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, fstest.MapFS{trip: tripSite()[trip], notes: {Data: []byte("Notes.\n")}}); err != nil {
		t.Fatal(err)
	}
	settle := func(mod time.Time) {
		t.Helper()
		if err := os.Chtimes(filepath.Join(dir, notes), mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	mod := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	settle(mod)
	c, err := cache.Open(filepath.Join(t.TempDir(), "cache"), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return mod.Add(time.Hour) }
	process := func() (opened int, key deps.Digest) {
		t.Helper()
		stamps := filestamp.New(c, now)
		stamps.Open()
		defer stamps.Close()
		fsys := newCounter(os.DirFS(dir))
		s := New(fsys, stamps, pages{trip: true}.has)
		rs := published(t, s)
		return fsys.opened[notes], keyOf(s, rs[0])
	}
	opened, first := process()
	if opened != 1 {
		t.Fatalf("the first process opened notes.txt %d times, want 1", opened)
	}
	opened, warm := process()
	if opened != 0 || warm != first {
		t.Errorf("the next process opened notes.txt %d times and its key changed: %v; want 0 and no", opened, warm != first)
	}
	if err := os.WriteFile(filepath.Join(dir, notes), []byte("Other notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	settle(mod.Add(time.Minute))
	opened, changed := process()
	if opened != 1 || changed == first {
		t.Errorf("after notes.txt was written again, the process opened it %d times and its key changed: %v; want 1 and yes", opened, changed != first)
	}
}
