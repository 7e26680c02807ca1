package output

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Recycle makes a Dir start from the old output that an earlier Commit left
// at path instead of from an empty folder, and leave its own old output
// there for the next one (see the package comment). path must be on the
// destination's file system for this to help; where it is not, or holds
// no folder, the Dir starts empty and the old output is removed. Beside
// path, a Dir keeps the listings of the recycled output and of the
// destination (path+".listing", path+".dest-listing"; listing.go).
func Recycle(path string) Option {
	return func(d *Dir) { d.recyclePath = filepath.Clean(path) }
}

// takeRecycled moves the recycled folder, if there is one, to the path of the
// temporary directory tmp, which NewDir has just made empty, and reports
// whether it did; if not, tmp is an empty folder again. A recycled output that is
// not a real folder (a symbolic link) is not taken, nor one for a
// destination that is missing.
func (d *Dir) takeRecycled(tmp string) bool {
	if d.recyclePath == "" {
		return false
	}
	if _, err := os.Lstat(d.dest); err != nil {
		// Without the destination no file of the recycled output can be kept:
		// an empty folder is less work.
		return false
	}
	if info, err := os.Lstat(d.recyclePath); err != nil || !info.IsDir() {
		return false
	}
	// os.Rename will not replace a folder, even an empty one.
	if os.Remove(tmp) != nil {
		return false
	}
	if err := os.Rename(d.recyclePath, tmp); err == nil {
		if info, err := os.Lstat(tmp); err == nil && info.IsDir() {
			return true
		}
		os.RemoveAll(tmp) // something else was put there meanwhile
	}
	os.Mkdir(tmp, 0o700)
	return false
}

// putRecycled puts the folder old, an old output or an unfinished one, where
// the next Dir takes its recycled output from, and reports true; or removes
// it when there is no recycled output path or the path is taken.
func (d *Dir) putRecycled(old string) (bool, error) {
	if old == "" {
		return false, nil
	}
	if d.recyclePath != "" && os.Rename(old, d.recyclePath) == nil {
		return true, nil
	}
	return false, os.RemoveAll(old)
}

// recycledHolds reports whether the recycled output's file name, at dst,
// is the file info describes: by the listing's inode where the listing
// vouches for its folder, else by a stat.
func (d *Dir) recycledHolds(name, dst string, info fs.FileInfo) bool {
	if id, ok := d.recycledIDs[name]; ok {
		return sameID(info, id)
	}
	have, err := os.Lstat(dst)
	return err == nil && os.SameFile(have, info)
}

// clear makes name free for a new file or folder in a Dir that started
// from a recycled output: whatever the recycled output has there goes. A file of the recycled output is
// never written into, since it may be a hard link to the destination's.
func (d *Dir) clear(name string) error {
	err := d.root.Remove(name)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return d.root.RemoveAll(name)
}

// recycledEntry is a file or folder of the recycled output as a Dir took it.
type recycledEntry struct {
	name string
	dir  bool // a real folder, not a symbolic link to one
}

// listRecycled records what the recycled output, taken to tmp, holds
// (Dir.recycled), from its listing known (listing.go) where that vouches
// for a folder, and from the disk elsewhere; it returns how many folders it
// read from the disk. The folders are read on all cores: a recycled output
// of 20,000 pages is 20,000 folders, and reading a folder is a few system
// calls that wait on the kernel, most of a build after a small change were
// they read one by one.
func (d *Dir) listRecycled(tmp string, known *listing) (int, error) {
	if known != nil {
		if info, err := os.Lstat(tmp); err != nil || !sameID(info, known.root) {
			known = nil // the listing of another output
		}
	}
	l := &recycledLister{root: tmp, known: known, slots: make(chan struct{}, runtime.GOMAXPROCS(0)), ids: map[string]fileID{}}
	l.wg.Add(1)
	l.read("")
	l.wg.Wait()
	if l.err != nil {
		return 0, l.err
	}
	// The order filepath.WalkDir gives, which prune relies on: a folder,
	// then everything in it, then its next sibling.
	slices.SortFunc(l.entries, func(a, b recycledEntry) int { return compareWalkOrder(a.name, b.name) })
	d.recycled, d.recycledIDs = l.entries, l.ids
	d.recycledHas = make(map[string]bool, len(l.entries))
	for _, e := range l.entries {
		d.recycledHas[e.name] = e.dir
	}
	return int(l.reads.Load()), nil
}

// sameID reports whether info is of the file id names.
func sameID(info fs.FileInfo, id fileID) bool {
	got, ok := fileIDOf(info)
	return ok && got == id
}

// recycledLister lists the folders of a recycled output in parallel.
type recycledLister struct {
	root  string
	known *listing      // nil: every folder is read
	slots chan struct{} // one per goroutine reading besides the first
	wg    sync.WaitGroup
	reads atomic.Int64 // folders read from the disk

	mu      sync.Mutex
	entries []recycledEntry
	ids     map[string]fileID // of the files in the folders listed (Dir.recycledIDs)
	err     error
}

// read lists the folder rel of the recycled output ("" for its root) and, below it,
// every folder in it: in a goroutine of its own while there is a slot
// free, else on this one.
func (l *recycledLister) read(rel string) {
	defer l.wg.Done()
	found, err := l.list(rel)
	for _, e := range found {
		if !e.dir {
			continue
		}
		l.wg.Add(1)
		select {
		case l.slots <- struct{}{}:
			go func() {
				defer func() { <-l.slots }()
				l.read(e.name)
			}()
		default:
			l.read(e.name)
		}
	}
	l.mu.Lock()
	l.entries = append(l.entries, found...)
	if err != nil && l.err == nil {
		l.err = err
	}
	l.mu.Unlock()
}

// list returns the entries of the folder rel: those listed, where the
// listing vouches for the folder, else those read from the disk.
func (l *recycledLister) list(rel string) ([]recycledEntry, error) {
	if entries, ok := l.known.of(l.root, rel); ok {
		l.mu.Lock()
		for _, e := range entries {
			if id, ok := l.known.ids[e.name]; ok {
				l.ids[e.name] = id
			}
		}
		l.mu.Unlock()
		return entries, nil
	}
	l.reads.Add(1)
	list, err := os.ReadDir(filepath.Join(l.root, filepath.FromSlash(rel)))
	found := make([]recycledEntry, 0, len(list))
	for _, e := range list {
		found = append(found, recycledEntry{path.Join(rel, e.Name()), e.IsDir()})
	}
	return found, err
}

// compareWalkOrder orders slash-separated paths as a depth-first walk in
// lexical order visits them: "a", "a/b", "a-b" (a plain comparison would
// put "a-b" before "a/b", since '-' sorts before '/').
func compareWalkOrder(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if x == '/' {
			return -1
		}
		if y == '/' {
			return 1
		}
		return cmp.Compare(x, y)
	}
	return cmp.Compare(len(a), len(b))
}

// prune removes from a Dir that started from a recycled output every file and
// folder of the recycled output that this build did not publish or make, so that
// what is left is what an empty folder would hold by now. The build makes
// nothing but what it publishes or makes, so the recycled output's list is all
// there is to look at.
func (d *Dir) prune() error {
	gone := "" // the last folder removed, with a slash: what is in it went with it
	for _, e := range d.recycled {
		if gone != "" && strings.HasPrefix(e.name, gone) {
			continue
		}
		if d.made(e.name) {
			continue // a folder of this build, which may have been a file
		}
		if d.wrote(e.name) {
			if e.dir {
				gone = e.name + "/" // a folder of the recycled output made way for a file
			}
			continue
		}
		p := filepath.Join(d.tmp, filepath.FromSlash(e.name))
		if e.dir {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
			gone = e.name + "/"
			continue
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	// What is left is what the build published and made; kept paths
	// are carried into it as into an empty folder.
	d.recycled, d.recycledHas, d.recycledIDs = nil, nil, nil
	return nil
}

// realFolder makes sure that dir, which exists in a Dir that started from
// a recycled output, is a real folder: a file or symbolic link of the recycled output there
// gives way to one.
func (d *Dir) realFolder(dir string) error {
	info, err := d.root.Lstat(dir)
	if err != nil {
		return err
	}
	if info.IsDir() {
		return nil
	}
	if err := d.clear(dir); err != nil {
		return err
	}
	return d.root.Mkdir(dir, 0o755)
}
