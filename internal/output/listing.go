package output

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// A listing is what an output held when its Dir committed: the entries of
// every folder the build made, known from what it published and made
// rather than read from the disk, the device and inode of each file as
// written or linked, and which folder the output is (its root's device
// and inode). A Dir with Recycle writes the listing of its
// new output beside the recycle path at Commit (destListing); the next
// Commit, which moves that output to the recycle path, moves its listing
// with it (recycledListing); and the Dir after that, taking the recycled
// output, reads the listing once and removes it, instead of reading every
// folder of the recycled output.
//
// A folder is taken as listed only if its change time is before the
// listing file's modification time: adding, removing or renaming anything
// in a folder sets its change time to now, and no program can set it
// back (as `rsync -a` or `cp -p` set a folder's modification time back
// after putting files into it), so a folder whose change time is older
// than the listing was not changed since the listing was written (in the
// same tick of the file system's clock is not older, and is read). Every other
// folder is read: the root, which the swap renames; a folder that holds a
// kept path or is one, or is inside one (Commit carries those, the build
// does not make them); one that is not a real folder any more; and every
// folder, when the recycled output is not the folder the listing names
// (a build killed between the swap and the move of the old output leaves
// the listing of an output that was removed). Only on Linux is anything
// listed (listing_linux.go): elsewhere every folder is read.
//
// Nothing in a folder that has not changed was replaced, so a file there
// is still the inode listed: Reuse compares it with the destination's
// file, which it stats anyway, instead of a stat of the recycled file.
type listing struct {
	root    fileID
	written time.Time                  // the listing file's modification time, once read
	folders map[string][]recycledEntry // the entries of each folder listed, by its name
	ids     map[string]fileID          // the device and inode of their files, where known
}

// fileID is a file's device and inode.
type fileID struct{ dev, ino uint64 }

// The names of the listings beside the recycle path.
func destListing(recycled string) string     { return recycled + ".dest-listing" }
func recycledListing(recycled string) string { return recycled + ".listing" }

// listing returns the listing of what the temporary directory holds once
// Commit has pruned it and carried the kept paths into it: every folder
// the build made, but those that hold, are or are inside a kept path.
func (d *Dir) listing() *listing {
	l := &listing{folders: map[string][]recycledEntry{}, ids: map[string]fileID{}}
	d.dirs.Range(func(k, _ any) bool {
		if name := k.(string); !d.nearKept(name) {
			l.folders[name] = nil
		}
		return true
	})
	add := func(name string, dir bool) {
		if entries, ok := l.folders[path.Dir(name)]; ok {
			l.folders[path.Dir(name)] = append(entries, recycledEntry{name, dir})
		}
	}
	d.dirs.Range(func(k, _ any) bool {
		add(k.(string), true)
		return true
	})
	d.mu.Lock()
	for name := range d.stamps {
		add(name, false)
		if id, ok := d.ids[name]; ok {
			if _, listed := l.folders[path.Dir(name)]; listed {
				l.ids[name] = id
			}
		}
	}
	d.mu.Unlock()
	return l
}

// nearKept reports whether the folder dir holds a kept path, is one or is
// inside one.
func (d *Dir) nearKept(dir string) bool {
	for _, k := range d.keep {
		if dir == k || dir == path.Dir(k) || strings.HasPrefix(dir, k+"/") {
			return true
		}
	}
	return false
}

// saveListing writes the listing of the output just committed, whose root
// is root, to the destination's listing; where the root is not known
// (listed false) it removes the destination's listing. A listing that
// cannot be written is left out: the Dir that takes this output then
// reads it whole.
func (d *Dir) saveListing(root fileID, listed bool) {
	name := destListing(d.recyclePath)
	if !listed {
		os.Remove(name)
		return
	}
	l := d.listing()
	l.root = root
	if err := os.WriteFile(name, l.encode(), 0o644); err != nil {
		os.Remove(name)
	}
}

// moveListing makes the destination's listing that of the recycled
// output, which the old destination has just become, or removes the
// recycled output's listing when there is none.
func (d *Dir) moveListing() {
	if os.Rename(destListing(d.recyclePath), recycledListing(d.recyclePath)) != nil {
		os.Remove(recycledListing(d.recyclePath))
	}
}

// takeListing reads the recycled output's listing, and removes it: it is
// read once, as the output it lists is changed by the Dir that takes it.
// It returns nil where there is none or it does not decode whole.
func (d *Dir) takeListing() *listing {
	name := recycledListing(d.recyclePath)
	defer os.Remove(name)
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(f); err != nil {
		return nil
	}
	l, err := decodeListing(buf.Bytes())
	if err != nil {
		return nil
	}
	l.written = info.ModTime()
	return l
}

// of returns the listed entries of the folder rel of the recycled output
// at root, and whether it is listed and not changed since.
func (l *listing) of(root, rel string) ([]recycledEntry, bool) {
	if l == nil {
		return nil, false
	}
	entries, ok := l.folders[rel]
	if !ok {
		return nil, false
	}
	info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil || !info.IsDir() {
		return nil, false
	}
	changed, ok := changeTime(info)
	return entries, ok && changed.Before(l.written)
}

// listingMagic begins a listing file; the number is its format's.
const listingMagic = "careersite output listing 1\n"

// encode writes the listing: the root's device and inode, then each folder
// (sorted, for the same bytes from the same output) with its entries'
// last elements, each with a byte saying whether it is a folder (1), a
// file of known device and inode, which follow (2), or another file (0).
func (l *listing) encode() []byte {
	b := append([]byte(nil), listingMagic...)
	b = binary.AppendUvarint(b, l.root.dev)
	b = binary.AppendUvarint(b, l.root.ino)
	b = binary.AppendUvarint(b, uint64(len(l.folders)))
	for _, dir := range slices.Sorted(maps.Keys(l.folders)) {
		entries := l.folders[dir]
		b = appendString(b, dir)
		b = binary.AppendUvarint(b, uint64(len(entries)))
		for _, e := range entries {
			b = appendString(b, path.Base(e.name))
			id, known := l.ids[e.name]
			switch {
			case e.dir:
				b = append(b, 1)
			case known:
				b = append(b, 2)
				b = binary.AppendUvarint(b, id.dev)
				b = binary.AppendUvarint(b, id.ino)
			default:
				b = append(b, 0)
			}
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

var errBadListing = errors.New("not a whole listing")

// decodeListing reads what encode wrote, and fails on anything else: a
// listing cut short by a killed build, or of another format.
func decodeListing(data []byte) (*listing, error) {
	r := listingReader{data: data}
	if !bytes.HasPrefix(data, []byte(listingMagic)) {
		return nil, errBadListing
	}
	r.data = data[len(listingMagic):]
	l := &listing{root: fileID{r.uvarint(), r.uvarint()}, folders: map[string][]recycledEntry{}, ids: map[string]fileID{}}
	for range r.count() {
		dir := r.str()
		entries := make([]recycledEntry, r.count())
		for i := range entries {
			base := r.str()
			kind := r.next()
			if kind > 2 || !fs.ValidPath(dir+"/"+base) || strings.Contains(base, "/") {
				r.bad = true
			}
			entries[i] = recycledEntry{dir + "/" + base, kind == 1}
			if kind == 2 {
				l.ids[entries[i].name] = fileID{r.uvarint(), r.uvarint()}
			}
		}
		l.folders[dir] = entries
	}
	if r.bad || len(r.data) > 0 {
		return nil, errBadListing
	}
	return l, nil
}

// listingReader reads the parts of a listing; once one is missing, every
// read gives a zero value and bad is set.
type listingReader struct {
	data []byte
	bad  bool
}

func (r *listingReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.bad, r.data = true, nil
		return 0
	}
	r.data = r.data[n:]
	return v
}

// count reads a number of things that follow, each at least a byte long.
func (r *listingReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.bad, r.data = true, nil
		return 0
	}
	return int(n)
}

func (r *listingReader) str() string {
	n := r.count()
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

func (r *listingReader) next() byte {
	if len(r.data) == 0 {
		r.bad = true
		return 0
	}
	c := r.data[0]
	r.data = r.data[1:]
	return c
}
