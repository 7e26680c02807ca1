package cache

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestPutGet(t *testing.T) {
	c, err := Open(t.TempDir(), Key{1})
	if err != nil {
		t.Fatal(err)
	}
	k := c.Key("markdown", []byte("body"), []byte("opts"))
	if _, ok := c.Get("markdown", k); ok {
		t.Fatal("Get of an empty cache found an entry")
	}
	if err := c.Put("markdown", k, []byte("<p>html</p>")); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get("markdown", k); !ok || string(got) != "<p>html</p>" {
		t.Fatalf("Get = %q, %v, want the payload", got, ok)
	}
	if _, ok := c.Get("other", k); ok {
		t.Error("an entry of one kind was found as another")
	}
	if c.Key("markdown", []byte("ab"), []byte("c")) == c.Key("markdown", []byte("a"), []byte("bc")) {
		t.Error(`Key("ab", "c") = Key("a", "bc")`)
	}
}

// TestUntrusted damages entries every way a cache can be damaged and
// checks that each is a miss, and is removed.
func TestUntrusted(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(dir, Key{1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		damage func(data []byte) []byte
	}{
		{"cut short", func(d []byte) []byte { return d[:len(d)-3] }},
		{"payload changed", func(d []byte) []byte { d[len(d)-1] ^= 1; return d }},
		{"header only", func(d []byte) []byte { return d[:headerSize] }},
		{"empty", func([]byte) []byte { return nil }},
		{"not a cache entry", func([]byte) []byte { return []byte("hello") }},
		{"longer", func(d []byte) []byte { return append(d, 'x') }},
	} {
		k := c.Key("kind", []byte(tc.name))
		if err := c.Put("kind", k, []byte("the payload of "+tc.name)); err != nil {
			t.Fatal(err)
		}
		name := c.path("kind", k)
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, tc.damage(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get("kind", k); ok {
			t.Errorf("%s: Get = %q, want a miss", tc.name, got)
		}
		if _, err := os.Stat(name); err == nil {
			t.Errorf("%s: the damaged entry is still there", tc.name)
		}
	}
}

func TestOtherVersion(t *testing.T) {
	dir := t.TempDir()
	old, _ := Open(dir, Key{1})
	k := old.Key("kind", []byte("x"))
	old.Put("kind", k, []byte("made by version 1"))
	cur, _ := Open(dir, Key{2})
	if _, ok := cur.Get("kind", k); ok {
		t.Error("an entry made by another version was trusted")
	}
	if cur.Key("kind", []byte("x")) == k {
		t.Error("two versions make the same key")
	}
}

func TestTrim(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(dir, Key{1})
	now := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	fresh, stale := c.Key("k", []byte("fresh")), c.Key("k", []byte("stale"))
	c.Put("k", fresh, []byte("f"))
	c.Put("k", stale, []byte("s"))
	os.Chtimes(c.path("k", fresh), now, now)
	old := now.Add(-Expiry - time.Hour)
	os.Chtimes(c.path("k", stale), old, old)
	own, err := c.Folder("output")
	if err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(own, "index.html")
	os.Mkdir(own, 0o755)
	os.WriteFile(kept, []byte("x"), 0o644)
	os.Chtimes(kept, old, old)
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("Trim removed a file of a folder aside: %v", err)
	}
	if _, ok := c.Get("k", fresh); !ok {
		t.Error("Trim removed an entry in use")
	}
	if _, err := os.Stat(c.path("k", stale)); err == nil {
		t.Error("Trim kept an entry unused for longer than Expiry")
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); err != nil {
		t.Errorf("the cache has no .gitignore: %v", err)
	}
}

// TestVersion: the same binary given the same name has one Version, run
// after run; given another name (another theme, another build line) it
// has another, so it finds none of the first one's entries.
func TestVersion(t *testing.T) {
	const name = "careersite (devel) revision=unknown theme=0123456789abcdef"
	a, err := Version(name)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Version(name)
	if a != b || bytes.Equal(a[:], make([]byte, len(a))) {
		t.Errorf("Version(%q) = %x, then %x", name, a, b)
	}
	other := strings.Replace(name, "0123456789abcdef", "fedcba9876543210", 1)
	if c, _ := Version(other); c == a {
		t.Errorf("Version(%q) = Version(%q) = %x", other, name, c)
	}
}

// TestPutStream writes an entry in pieces larger and smaller than the
// writer's buffer: Get must give back the whole, checked against its
// header. A write that fails leaves the entry before it and no temporary
// file.
func TestPutStream(t *testing.T) {
	dir := t.TempDir()
	c, err := Open(dir, Key{1})
	if err != nil {
		t.Fatal(err)
	}
	k := c.Key("bodyfiles", []byte("site"))
	var want []byte
	err = c.PutStream("bodyfiles", k, func(w io.Writer) error {
		for i, n := range []int{3, 100 << 10, 0, 7, 1 << 16} {
			piece := bytes.Repeat([]byte{byte('a' + i)}, n)
			want = append(want, piece...)
			if _, err := w.Write(piece); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get("bodyfiles", k); !ok || !bytes.Equal(got, want) {
		t.Fatalf("Get gave %d bytes, %v; want the %d written", len(got), ok, len(want))
	}
	failed := errors.New("the spill cannot be read")
	err = c.PutStream("bodyfiles", k, func(w io.Writer) error {
		w.Write([]byte("part of another entry"))
		return failed
	})
	if !errors.Is(err, failed) {
		t.Errorf("PutStream = %v, want the error of write", err)
	}
	if got, ok := c.Get("bodyfiles", k); !ok || !bytes.Equal(got, want) {
		t.Error("a failed PutStream changed the entry before it")
	}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("%s is left", p)
		}
		return nil
	})
}
