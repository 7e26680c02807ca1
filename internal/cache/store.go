package cache

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// A Store keeps the entries of one kind in a few files, storeShards of
// them, instead of a file each: for the conversions of the Markdown of a
// site, one per page, where a file each cost a build of 10,000 pages an
// inode apiece to make, and a build after it an open, a read and a close
// apiece. An entry goes into the shard of the first byte of its key.
//
// A shard is a file of records, each a header (recordMagic, the key, a
// SHA-256 of the payload, the payload's length) and the payload. Put
// appends a record to the shard's buffer of flushAfter bytes, which is
// appended to the file in one write when the next record would not fit
// in it, and by Close: a write per record cost a cold build two system
// calls a page. Whole records are written at once, so two builds that
// share the cache interleave whole records. A record is not found by a Get of the Store that put it (Get
// knows only the records that were there when the shard was opened), so
// holding records back until Close changes no answer; a build that is
// killed loses them, as it would lose a record half written.
//
// The shards of a binary are in a folder of their own,
// "<kind>/<Version's first 8 bytes in hex>/", which Trim removes with its
// files once no build of that binary has used them for Expiry.
//
// A shard is read on the first Get of a key in it: its headers are read
// in order, up to the first that is not whole, and each Get reads one
// payload and checks it, so a damaged record is a miss and a damaged
// header hides the records after it. A Store remembers the entries its
// builds got and put; Close rewrites a shard that holds a damaged record,
// or, after a build that asked for every entry it needed (Close(true)),
// one that is mostly entries that build did not ask for (the conversions
// of pages that have changed since).
type Store struct {
	c      *Cache
	shards [storeShards]shard
}

// storeShards is the number of shard files of a Store.
const storeShards = 64

// recordMagic begins every record of a shard.
const recordMagic = "csr1"

// recordHeader is the length of a record's header: magic, key, checksum,
// payload length.
const recordHeader = len(recordMagic) + 2*sha256.Size + 8

// flushAfter is the size of a shard's buffer of records put: 64 shards
// of it are 4 MiB, when every shard is written to.
const flushAfter = 64 << 10

// compactAfter is how many bytes of entries no build asked for a shard
// may hold before Close(true) rewrites it, if they are also more than
// half of it (a variable for tests).
var compactAfter int64 = 1 << 20

type shard struct {
	once sync.Once
	name string

	mu        sync.Mutex
	f         *os.File // nil: the shard could not be opened
	pending   []byte   // records put and not yet written
	records   map[Key]record
	size      int64        // of the records read
	damaged   bool         // a header or a payload was not whole
	used      map[Key]bool // got or put
	usedBytes int64        // bytes of the records got or put
}

// record is where a record's payload is in its shard, and its checksum.
type record struct {
	off, n int64
	sum    [sha256.Size]byte
}

// Store returns the Store of entries of kind, creating its folder. Every
// Store opened must be closed.
func (c *Cache) Store(kind string) (*Store, error) {
	dir := filepath.Join(c.dir, kind, hex.EncodeToString(c.version[:8]))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	s := &Store{c: c}
	for i := range s.shards {
		s.shards[i].name = filepath.Join(dir, fmt.Sprintf("%02x.shelf", i))
	}
	return s, nil
}

func (s *Store) shard(k Key) *shard {
	sh := &s.shards[int(k[0])*storeShards/256]
	sh.once.Do(func() { sh.open(s.c) })
	return sh
}

// open opens the shard's file, making it when there is none, and reads
// its headers.
func (sh *shard) open(c *Cache) {
	sh.used = map[Key]bool{}
	f, err := os.OpenFile(sh.name, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return
	}
	sh.f = f
	sh.records, sh.size, sh.damaged = readRecords(f)
	if info, err := f.Stat(); err == nil && c.now().Sub(info.ModTime()) > touchAfter {
		t := c.now()
		os.Chtimes(sh.name, t, t)
	}
}

// readRecords reads the headers of the records of f in order, up to the
// first that is not whole, and returns where each record's payload is,
// the length of the records read and whether any bytes are left after
// them.
func readRecords(f *os.File) (map[Key]record, int64, bool) {
	info, err := f.Stat()
	if err != nil {
		return nil, 0, true
	}
	end := info.Size()
	records := map[Key]record{}
	var off int64
	w := window{f: f, end: end}
	for off < end {
		h, ok := w.at(off)
		if !ok || string(h[:len(recordMagic)]) != recordMagic {
			break
		}
		var k Key
		var rec record
		copy(k[:], h[len(recordMagic):])
		copy(rec.sum[:], h[len(recordMagic)+sha256.Size:])
		n := binary.LittleEndian.Uint64(h[recordHeader-8:])
		if n > uint64(end-off-int64(recordHeader)) {
			break
		}
		rec.off, rec.n = off+int64(recordHeader), int64(n)
		records[k] = rec
		off = rec.off + rec.n
	}
	return records, off, off != end
}

// A window reads a file's record headers a windowSize bytes at a time:
// a read per header cost a build two system calls a page to open the
// store of conversions, whose records are a few kilobytes each. A
// payload longer than a window is skipped, not read: the payloads are
// read only by the Gets that want them.
type window struct {
	f     *os.File
	end   int64 // the file's size
	buf   []byte
	start int64 // the offset of buf[0]
}

// windowSize is how many bytes a window reads at once.
const windowSize = 64 << 10

// at returns the header at off, reading the window from off when it does
// not hold the whole header; false when the file cannot be read there.
func (w *window) at(off int64) ([]byte, bool) {
	if off < w.start || off+int64(recordHeader) > w.start+int64(len(w.buf)) {
		if w.buf == nil {
			w.buf = make([]byte, windowSize)
		}
		n, err := w.f.ReadAt(w.buf[:cap(w.buf)][:min(int64(windowSize), w.end-off)], off)
		if n < recordHeader {
			return nil, false
		}
		if err != nil && err != io.EOF {
			return nil, false
		}
		w.buf, w.start = w.buf[:n], off
	}
	i := off - w.start
	return w.buf[i : i+int64(recordHeader)], true
}

// Get returns the payload of the entry with key k, or false when there is
// none or it cannot be trusted.
func (s *Store) Get(k Key) ([]byte, bool) {
	sh := s.shard(k)
	sh.mu.Lock()
	rec, ok := sh.records[k]
	sh.mu.Unlock()
	if !ok || sh.f == nil {
		return nil, false
	}
	payload := make([]byte, rec.n)
	if _, err := sh.f.ReadAt(payload, rec.off); err != nil || sha256.Sum256(payload) != rec.sum {
		sh.mu.Lock()
		sh.damaged = true
		delete(sh.records, k)
		sh.mu.Unlock()
		return nil, false
	}
	sh.mu.Lock()
	sh.use(k, rec.n)
	sh.mu.Unlock()
	return payload, true
}

// Has reports whether there is an entry with key k, and counts it as got,
// so that Close keeps it: for an entry a build may read later, or not at
// all. Its payload is read and checked only by a Get.
func (s *Store) Has(k Key) bool {
	sh := s.shard(k)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	rec, ok := sh.records[k]
	if !ok || sh.f == nil {
		return false
	}
	sh.use(k, rec.n)
	return true
}

// use records that the entry k, of n bytes of payload, was got or put.
func (sh *shard) use(k Key, n int64) {
	if !sh.used[k] {
		sh.used[k] = true
		sh.usedBytes += int64(recordHeader) + n
	}
}

// Put stores payload as the entry with key k.
func (s *Store) Put(k Key, payload []byte) error {
	return s.PutSummed(k, payload, sha256.Sum256(payload))
}

// PutSummed stores payload as the entry with key k, as Put does, with
// sum, the SHA-256 of payload that the caller made already for a use of
// its own: the HTML of a page, hashed once for its digest and its
// record. A sum that is not the payload's makes the entry a miss, as a
// damaged one is, never a wrong payload: Get checks it.
func (s *Store) PutSummed(k Key, payload []byte, sum [sha256.Size]byte) error {
	sh := s.shard(k)
	if sh.f == nil {
		return fmt.Errorf("cache: cannot open %s", sh.name)
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	var err error
	if len(sh.pending) > 0 && len(sh.pending)+recordHeader+len(payload) > flushAfter {
		err = sh.flush()
	}
	if sh.pending == nil {
		sh.pending = make([]byte, 0, flushAfter)
	}
	// A record larger than the buffer grows it; it is written with the
	// next flush.
	sh.pending = append(appendHeader(sh.pending, k, sum, len(payload)), payload...)
	sh.use(k, int64(len(payload)))
	return err
}

// flush appends the records put since the last flush to the shard's
// file; sh.mu must be held.
func (sh *shard) flush() error {
	if len(sh.pending) == 0 {
		return nil
	}
	_, err := sh.f.Write(sh.pending)
	sh.pending = sh.pending[:0]
	if cap(sh.pending) > flushAfter {
		sh.pending = nil // grown for a large record: let it go
	}
	if err != nil {
		sh.damaged = true
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}

// appendHeader appends the header of a record of key k whose payload of
// n bytes has the checksum sum.
func appendHeader(b []byte, k Key, sum [sha256.Size]byte, n int) []byte {
	b = append(b, recordMagic...)
	b = append(b, k[:]...)
	b = append(b, sum[:]...)
	return binary.LittleEndian.AppendUint64(b, uint64(n))
}

// Close writes the records put and closes the shards' files, first
// rewriting each that holds a damaged record, keeping its whole records; with all set (the build
// asked for every entry it needed), also each that is mostly entries the
// build did not ask for, keeping those it asked for, and it removes the
// shards the build asked nothing of.
func (s *Store) Close(all bool) error {
	var first error
	for i := range s.shards {
		sh := &s.shards[i]
		if sh.f == nil {
			if all {
				// Nothing in it was asked for.
				os.Remove(sh.name)
			}
			continue
		}
		if err := sh.flush(); err != nil && first == nil {
			first = err
		}
		unused := sh.size - sh.usedBytes
		if sh.damaged || all && unused > compactAfter && unused > sh.usedBytes {
			keep := sh.used
			if !all {
				keep = nil
			}
			if err := sh.rewrite(keep); err != nil && first == nil {
				first = err
			}
		}
		sh.f.Close()
		sh.f = nil
	}
	return first
}

// rewrite replaces the shard's file by one of its whole records, only
// those keep holds unless keep is nil. It reads the file anew, so records
// another build appended meanwhile are kept too when keep is nil.
func (sh *shard) rewrite(keep map[Key]bool) error {
	records, _, _ := readRecords(sh.f)
	tmp, err := os.CreateTemp(filepath.Dir(sh.name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	w := bufio.NewWriterSize(tmp, 1<<16)
	// In the order they were written.
	keys := slices.SortedFunc(maps.Keys(records), func(a, b Key) int { return cmp.Compare(records[a].off, records[b].off) })
	var payload []byte
	for _, k := range keys {
		rec := records[k]
		if keep != nil && !keep[k] {
			continue
		}
		payload = slices.Grow(payload[:0], int(rec.n))[:rec.n]
		if _, err = sh.f.ReadAt(payload, rec.off); err != nil {
			break
		}
		if sha256.Sum256(payload) != rec.sum {
			continue
		}
		w.Write(appendHeader(nil, k, rec.sum, int(rec.n)))
		if _, err = w.Write(payload); err != nil {
			break
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), sh.name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cache: %w", err)
	}
	return nil
}
