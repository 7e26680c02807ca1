package output

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"
)

// Memory is an output held in memory, for the preview server. Like a Dir it
// is all or nothing: WriteFile collects a build's files (and Reuse carries
// files of the current Tree over, without copying or comparing them),
// Commit publishes them together as a new Tree, Abort drops them. Readers
// take the current Tree with Tree at any time, from any goroutine; a Tree
// never changes, so a reader sees one whole build or the next, never a
// mixture.
//
// A build that begins with Update changes the current Tree instead of
// replacing it: every file stays unless it is written again or named to
// Remove. Such a Tree is a layer over the previous one, so a build that
// changes a few files of many commits in proportion to those few; every
// so many layers, Commit flattens them into one again.
//
// One build writes at a time: WriteFile may be called concurrently, but
// Commit and Abort end the build and must not race with its writes.
type Memory struct {
	mu      sync.Mutex
	pending map[string]pending // the build being written
	update  bool               // the build began with Update
	tree    atomic.Pointer[Tree]
}

// pending is a file of the build being written.
type pending struct {
	data    []byte
	reused  bool // carried over from the current Tree by Reuse
	removed bool // named to Remove
}

// maxLayers is how many Trees of Update builds may lie over each other
// before Commit flattens them: a lookup goes through at most as many maps.
const maxLayers = 16

// NewMemory returns a Memory whose current Tree is empty.
func NewMemory() *Memory {
	m := &Memory{}
	m.tree.Store(&Tree{})
	return m
}

// WriteFile adds a file to the build being written. The data is not
// copied: it becomes the Memory's, and must not be changed afterwards (a
// site's HTML, made once per build, would otherwise be held twice).
func (m *Memory) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.add(name, pending{data: data})
	return nil
}

func (m *Memory) add(name string, p pending) {
	if m.pending == nil {
		m.pending = map[string]pending{}
	}
	m.pending[name] = p
}

// Reuse adds the file name of the current Tree, unchanged, to the build
// being written, and reports true; false when the Tree has no such file.
// The Stamp is not used: a Memory's Trees are its own.
func (m *Memory) Reuse(name string, _ Stamp) (bool, error) {
	data, ok := m.tree.Load().Lookup(name)
	if !ok {
		return false, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.add(name, pending{data: data, reused: true})
	return true, nil
}

// Update begins a build that changes the current Tree rather than
// replacing it (see Memory), and reports true: a Memory always can.
func (m *Memory) Update() bool {
	m.mu.Lock()
	m.update = true
	m.mu.Unlock()
	return true
}

// Remove takes the file name out of the Tree that an Update build commits.
func (m *Memory) Remove(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.update {
		return fmt.Errorf("output: Remove(%q) outside an Update build", name)
	}
	m.add(name, pending{removed: true})
	return nil
}

// Stamps returns nil: nothing but the Memory changes its Trees, so a file
// it published needs no Stamp to tell whether it is still as published.
func (m *Memory) Stamps() map[string]Stamp { return nil }

// Commit makes the files written since the last Commit or Abort the
// current Tree: replacing the previous one whole, or, after Update,
// changing it. A file whose bytes equal the previous Tree's shares them.
func (m *Memory) Commit() error {
	m.mu.Lock()
	written, update := m.pending, m.update
	m.pending, m.update = nil, false
	m.mu.Unlock()

	prev := m.tree.Load()
	next := &Tree{files: make(map[string]file, len(written)), gen: prev.gen + 1}
	for name, p := range written {
		old, ok := prev.Lookup(name)
		switch {
		case p.removed:
			if ok {
				next.files[name] = file{removed: true}
				next.changed = append(next.changed, name)
			}
		case ok && (p.reused || bytes.Equal(old, p.data)):
			next.files[name] = file{data: old}
		default:
			next.files[name] = file{data: p.data, changed: true}
			next.changed = append(next.changed, name)
		}
	}
	if update {
		next.base, next.layers = prev, prev.layers+1
		if next.layers > maxLayers {
			next.flatten()
		}
	} else {
		for _, name := range prev.Names() {
			if _, ok := written[name]; !ok {
				next.changed = append(next.changed, name)
			}
		}
		for name, f := range next.files {
			if f.removed {
				delete(next.files, name)
			}
		}
	}
	slices.Sort(next.changed)
	m.tree.Store(next)
	return nil
}

// Abort drops the files written since the last Commit or Abort; the
// current Tree stays.
func (m *Memory) Abort() error {
	m.mu.Lock()
	m.pending, m.update = nil, false
	m.mu.Unlock()
	return nil
}

// Tree returns the last committed Tree.
func (m *Memory) Tree() *Tree { return m.tree.Load() }

// A Tree is one committed build. It never changes.
type Tree struct {
	files   map[string]file // its own files; over base, the files it changed
	base    *Tree           // the Tree it changes (Update); nil when it holds every file
	layers  int             // how many Trees lie under it
	changed []string        // sorted
	gen     uint64
}

type file struct {
	data    []byte
	changed bool // added, or its bytes differ from the previous Tree's
	removed bool // gone since base
}

// flatten makes t hold every file itself.
func (t *Tree) flatten() {
	all := map[string]file{}
	var chain []*Tree
	for l := t; l != nil; l = l.base {
		chain = append(chain, l)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for name, f := range chain[i].files {
			if f.removed {
				delete(all, name)
				continue
			}
			f.changed = f.changed && i == 0
			all[name] = f
		}
	}
	t.files, t.base, t.layers = all, nil, 0
}

// Lookup returns the bytes of the file name ("jobs/index.html"). They must
// not be modified.
func (t *Tree) Lookup(name string) ([]byte, bool) {
	for l := t; l != nil; l = l.base {
		if f, ok := l.files[name]; ok {
			return f.data, !f.removed
		}
	}
	return nil, false
}

// Changed lists, sorted, the files added, changed or removed since the
// previous Tree.
func (t *Tree) Changed() []string { return t.changed }

// FileChanged reports whether the file name was added or its bytes changed
// since the previous Tree.
func (t *Tree) FileChanged(name string) bool { return t.files[name].changed }

// Names lists every file, sorted.
func (t *Tree) Names() []string {
	seen := map[string]bool{}
	var names []string
	for l := t; l != nil; l = l.base {
		for name, f := range l.files {
			if !seen[name] {
				seen[name] = true
				if !f.removed {
					names = append(names, name)
				}
			}
		}
	}
	slices.Sort(names)
	return names
}

// Generation counts the commits of the Memory; the empty Tree of NewMemory
// is generation 0.
func (t *Tree) Generation() uint64 { return t.gen }
