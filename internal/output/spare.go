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
)

// Spare makes a Dir start from the old output that an earlier Commit left
// at path instead of from an empty folder, and leave its own old output
// there for the next one (see the package comment). path must be on the
// destination's file system for this to help; where it is not, or holds
// no folder, the Dir starts empty and the old output is removed.
func Spare(path string) Option {
	return func(d *Dir) { d.spare = filepath.Clean(path) }
}

// takeSpare moves the spare folder, if there is one, to the path of the
// temporary directory tmp, which NewDir has just made empty, and reports
// whether it did; if not, tmp is an empty folder again. A spare that is
// not a real folder (a symbolic link) is not taken, nor one for a
// destination that is missing.
func (d *Dir) takeSpare(tmp string) bool {
	if d.spare == "" {
		return false
	}
	if _, err := os.Lstat(d.dest); err != nil {
		// Without the destination no file of the spare can be kept:
		// an empty folder is less work.
		return false
	}
	if info, err := os.Lstat(d.spare); err != nil || !info.IsDir() {
		return false
	}
	// os.Rename will not replace a folder, even an empty one.
	if os.Remove(tmp) != nil {
		return false
	}
	if err := os.Rename(d.spare, tmp); err == nil {
		if info, err := os.Lstat(tmp); err == nil && info.IsDir() {
			return true
		}
		os.RemoveAll(tmp) // something else was put there meanwhile
	}
	os.Mkdir(tmp, 0o700)
	return false
}

// keepSpare puts the folder old, an old output or an unfinished one, where
// the next Dir takes its spare from, or removes it when there is no spare
// path or the path is taken.
func (d *Dir) keepSpare(old string) error {
	if old == "" {
		return nil
	}
	if d.spare != "" && os.Rename(old, d.spare) == nil {
		return nil
	}
	return os.RemoveAll(old)
}

// clear makes name free for a new file or folder in a Dir that started
// from a spare: whatever the spare has there goes. A file of the spare is
// never written into, since it may be a hard link to the destination's.
func (d *Dir) clear(name string) error {
	err := d.root.Remove(name)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return d.root.RemoveAll(name)
}

// spareEntry is a file or folder of the spare as a Dir took it.
type spareEntry struct {
	name string
	dir  bool // a real folder, not a symbolic link to one
}

// listSpare records what the spare, taken to tmp, holds (Dir.spared). The
// folders are read on all cores: a spare of 20,000 pages is 20,000
// folders, and reading a folder is a few system calls that wait on the
// kernel, most of a build after a small change were they read one by one.
func (d *Dir) listSpare(tmp string) error {
	l := &spareLister{root: tmp, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
	l.wg.Add(1)
	l.read("")
	l.wg.Wait()
	if l.err != nil {
		return l.err
	}
	// The order filepath.WalkDir gives, which prune relies on: a folder,
	// then everything in it, then its next sibling.
	slices.SortFunc(l.entries, func(a, b spareEntry) int { return compareWalkOrder(a.name, b.name) })
	d.spared = l.entries
	d.spareHas = make(map[string]bool, len(l.entries))
	for _, e := range l.entries {
		d.spareHas[e.name] = e.dir
	}
	return nil
}

// spareLister reads the folders of a spare in parallel.
type spareLister struct {
	root  string
	slots chan struct{} // one per goroutine reading besides the first
	wg    sync.WaitGroup

	mu      sync.Mutex
	entries []spareEntry
	err     error
}

// read lists the folder rel of the spare ("" for its root) and, below it,
// every folder in it: in a goroutine of its own while there is a slot
// free, else on this one.
func (l *spareLister) read(rel string) {
	defer l.wg.Done()
	list, err := os.ReadDir(filepath.Join(l.root, filepath.FromSlash(rel)))
	found := make([]spareEntry, 0, len(list))
	for _, e := range list {
		name := path.Join(rel, e.Name())
		found = append(found, spareEntry{name, e.IsDir()})
		if !e.IsDir() {
			continue
		}
		l.wg.Add(1)
		select {
		case l.slots <- struct{}{}:
			go func() {
				defer func() { <-l.slots }()
				l.read(name)
			}()
		default:
			l.read(name)
		}
	}
	l.mu.Lock()
	l.entries = append(l.entries, found...)
	if err != nil && l.err == nil {
		l.err = err
	}
	l.mu.Unlock()
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

// prune removes from a Dir that started from a spare every file and
// folder of the spare that this build did not publish or make, so that
// what is left is what an empty folder would hold by now. The build makes
// nothing but what it publishes or makes, so the spare's list is all
// there is to look at.
func (d *Dir) prune() error {
	gone := "" // the last folder removed, with a slash: what is in it went with it
	for _, e := range d.spared {
		if gone != "" && strings.HasPrefix(e.name, gone) {
			continue
		}
		if d.made(e.name) {
			continue // a folder of this build, which may have been a file
		}
		if d.wrote(e.name) {
			if e.dir {
				gone = e.name + "/" // a folder of the spare made way for a file
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
	d.spared, d.spareHas = nil, nil
	return nil
}

// spareFolder makes sure that dir, which exists in a Dir that started from
// a spare, is a real folder: a file or symbolic link of the spare there
// gives way to one.
func (d *Dir) spareFolder(dir string) error {
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
