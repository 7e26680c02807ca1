// Package cache is the persistent build cache of a site: a directory
// (.careersite/cache/ in the site folder) of entries that a later build, in
// another process, may reuse instead of doing the work again.
//
// An entry is found by a Key, a SHA-256 of everything the entry was made
// from. Callers derive keys with [Cache.Key], which mixes in the Version of
// the running binary, so an entry made by another build of careersite is
// never found. An entry is a file named after its kind and key,
// "<kind>/<first two hex digits>/<hex key>", holding a header (a magic
// line, the Version and a SHA-256 of the payload) and then the payload. Get
// checks all three and the length: an entry that is damaged, cut short or
// from another version is a miss (and is removed), never trusted. Put writes
// a temporary file and renames it into place, so a reader sees a whole
// entry or none, even when two builds share the directory.
//
// Kinds of which a build makes one entry per page keep them in a Store
// instead (store.go): a few files of records, appended to, so that a
// build does not make or open a file per page.
//
// Callers whose payloads hold several values write them as records with
// Encoder and read them with Decoder (codec.go); a record that does not
// read whole is a miss to the caller, like a damaged entry.
//
// The cache is safe to delete at any time: a build without it does all the
// work and fills it again. Entries that no build has used for Expiry are
// removed by Trim. Folder gives a caller a folder of its own in the cache
// ("aside/<name>"), which Trim leaves alone: the build keeps its output
// before last there (internal/output's Recycle).
//
// Memo (memo.go) is the in-memory cache of a process that builds again and
// again: it keeps what the last successful build and the current one used.
package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// Key names an entry: a SHA-256 of what it was made from.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// magic begins every entry file.
const magic = "careersite cache 1\n"

// headerSize is the length of an entry's header: magic, version, checksum,
// payload length.
const headerSize = len(magic) + sha256.Size + sha256.Size + 8

// Expiry is how long an entry may go unused before Trim removes it.
const Expiry = 5 * 24 * time.Hour

// touchAfter is how old an entry's modification time must be before a Get
// refreshes it: often enough for Trim, seldom enough not to cost a write
// per entry per build.
const touchAfter = time.Hour

// Cache is an open cache directory. It is safe for concurrent use.
type Cache struct {
	dir     string
	version Key
	now     func() time.Time

	mu      sync.Mutex
	madeDir map[string]bool
}

// Open opens (creating it if needed) the cache in dir for a binary of the
// given version (see Version).
func Open(dir string, version Key) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	ignore := filepath.Join(dir, ".gitignore")
	if _, err := os.Stat(ignore); errors.Is(err, fs.ErrNotExist) {
		// The cache is never worth committing, even where the site's own
		// .gitignore does not name it.
		os.WriteFile(ignore, []byte("*\n"), 0o644)
	}
	return &Cache{dir: dir, version: version, now: time.Now, madeDir: map[string]bool{}}, nil
}

// Dir is the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// foldersDir holds the folders of Folder (on disk "aside", its name before).
const foldersDir = "aside"

// Folder returns the path of a folder name in the cache's directory that is
// the caller's to keep whatever it likes in (the previous output of a
// build), creating its parent: Trim leaves it alone, and deleting the
// cache deletes it. The folder itself is not made.
func (c *Cache) Folder(name string) (string, error) {
	dir := filepath.Join(c.dir, foldersDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	return filepath.Join(dir, name), nil
}

// Key returns the key of an entry of kind made from parts: a SHA-256 of the
// cache's version, the kind and every part, each length-prefixed so that
// ("ab", "c") and ("a", "bc") differ.
func (c *Cache) Key(kind string, parts ...[]byte) Key {
	h := sha256.New()
	h.Write(c.version[:])
	writePart(h, []byte(kind))
	for _, p := range parts {
		writePart(h, p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

func writePart(h hash.Hash, p []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
	h.Write(n[:])
	h.Write(p)
}

// Get returns the payload of the entry of kind with key k, or false when
// there is none or it cannot be trusted.
func (c *Cache) Get(kind string, k Key) ([]byte, bool) {
	name := c.path(kind, k)
	f, err := os.Open(name)
	if err != nil {
		return nil, false
	}
	info, err := f.Stat()
	if err != nil || info.Size() < int64(headerSize) {
		f.Close()
		if err == nil {
			os.Remove(name) // too short to be an entry
		}
		return nil, false
	}
	data := make([]byte, info.Size())
	_, err = io.ReadFull(f, data)
	f.Close()
	if err != nil {
		return nil, false
	}
	payload, ok := c.check(data)
	if !ok {
		os.Remove(name)
		return nil, false
	}
	if c.now().Sub(info.ModTime()) > touchAfter {
		t := c.now()
		os.Chtimes(name, t, t)
	}
	return payload, true
}

// Has reports whether there is an entry of kind with key k, without reading
// or checking it: a Get may still miss.
func (c *Cache) Has(kind string, k Key) bool {
	_, err := os.Stat(c.path(kind, k))
	return err == nil
}

// check returns the payload of an entry file's data, if its header is
// whole and matches.
func (c *Cache) check(data []byte) ([]byte, bool) {
	if len(data) < headerSize || string(data[:len(magic)]) != magic {
		return nil, false
	}
	h := data[len(magic):]
	if !bytes.Equal(h[:sha256.Size], c.version[:]) {
		return nil, false
	}
	sum := h[sha256.Size : 2*sha256.Size]
	n := binary.LittleEndian.Uint64(h[2*sha256.Size:])
	payload := data[headerSize:]
	if uint64(len(payload)) != n {
		return nil, false
	}
	got := sha256.Sum256(payload)
	if !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return payload, true
}

// Put stores payload as the entry of kind with key k.
func (c *Cache) Put(kind string, k Key, payload []byte) error {
	return c.PutStream(kind, k, func(w io.Writer) error {
		_, err := w.Write(payload)
		return err
	})
}

// PutStream stores what write writes as the entry of kind with key k, so
// that a large entry (the search index of a large site) need not be in
// memory whole. An error of write leaves the entry as it was.
func (c *Cache) PutStream(kind string, k Key, write func(io.Writer) error) error {
	name := c.path(kind, k)
	if err := c.mkdir(filepath.Dir(name)); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	// The header holds the payload's checksum and length: it is written
	// over its place once the payload is.
	_, err = f.Write(make([]byte, headerSize))
	if err == nil {
		bw := bufio.NewWriterSize(f, 1<<16)
		pw := &payloadWriter{w: bw, sum: sha256.New()}
		if err = write(pw); err == nil {
			err = bw.Flush()
		}
		if err == nil {
			_, err = f.WriteAt(c.header(pw), 0)
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// payloadWriter writes the payload of an entry and keeps its checksum and
// length.
type payloadWriter struct {
	w   io.Writer
	sum hash.Hash
	n   uint64
}

func (pw *payloadWriter) Write(p []byte) (int, error) {
	pw.sum.Write(p)
	pw.n += uint64(len(p))
	return pw.w.Write(p)
}

// header is the header of an entry whose payload pw wrote.
func (c *Cache) header(pw *payloadWriter) []byte {
	h := make([]byte, 0, headerSize)
	h = append(h, magic...)
	h = append(h, c.version[:]...)
	h = pw.sum.Sum(h)
	return binary.LittleEndian.AppendUint64(h, pw.n)
}

func (c *Cache) mkdir(dir string) error {
	c.mu.Lock()
	done := c.madeDir[dir]
	c.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	c.mu.Lock()
	c.madeDir[dir] = true
	c.mu.Unlock()
	return nil
}

func (c *Cache) path(kind string, k Key) string {
	hx := k.String()
	return filepath.Join(c.dir, kind, hx[:2], hx)
}

// trimFile records when Trim last ran.
const trimFile = "trim.txt"

// Trim removes the entries that no Get or Put has touched for Expiry. It
// does the walk at most once a day.
func (c *Cache) Trim() error {
	stamp := filepath.Join(c.dir, trimFile)
	if info, err := os.Stat(stamp); err == nil && c.now().Sub(info.ModTime()) < 24*time.Hour {
		return nil
	}
	cutoff := c.now().Add(-Expiry)
	err := filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == filepath.Join(c.dir, foldersDir) {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() || p == stamp || strings.HasSuffix(p, ".gitignore") {
			return err
		}
		if info, err := d.Info(); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(p)
		}
		return nil
	})
	os.WriteFile(stamp, []byte(c.now().UTC().Format(time.RFC3339)+"\n"), 0o644)
	return err
}

// Version identifies the running binary and what it was given: a SHA-256
// of name, the line that names the build and its theme (internal/version),
// and of the binary's module versions and checksums, VCS revision and build
// settings when the build recorded a clean checkout, else of the
// executable file itself (a development build, a test binary, a release
// built without VCS information): of its Go build ID, whose last part is
// a hash of the file that cmd/go wrote when it linked it, or, when it has
// none, of its bytes. Two binaries with the same Version given
// the same name produce the same output from the same input; the same
// binary run again (go run of an unchanged checkout reuses its
// executable) finds its entries again.
func Version(name string) (Key, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%d:%s\n", len(name), name)
	if info, ok := debug.ReadBuildInfo(); ok && cleanVCS(info) {
		io.WriteString(h, info.String())
		return Key(h.Sum(nil)), nil
	}
	exe, err := os.Executable()
	if err != nil {
		return Key{}, fmt.Errorf("cache: %w", err)
	}
	if id, ok := goBuildID(exe); ok {
		fmt.Fprintf(h, "go build ID %s\n", id)
		return Key(h.Sum(nil)), nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return Key{}, fmt.Errorf("cache: %w", err)
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return Key{}, fmt.Errorf("cache: %w", err)
	}
	return Key(h.Sum(nil)), nil
}

// cleanVCS reports whether info names a VCS revision built without local
// changes: only then does it say exactly which code the binary runs.
func cleanVCS(info *debug.BuildInfo) bool {
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	return rev != "" && modified == "false"
}
