package output

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// Memory is an output held in memory, for the preview server. Like a Dir it
// is all or nothing: WriteFile collects a build's files (and Reuse carries
// files of the current Tree over, without copying or comparing them),
// Commit publishes them together as a new Tree, Abort drops them. Readers take the current
// Tree with Tree at any time, from any goroutine; a Tree never changes, so a
// reader sees one whole build or the next, never a mixture.
//
// One build writes at a time: WriteFile may be called concurrently, but
// Commit and Abort end the build and must not race with its writes.
type Memory struct {
	mu      sync.Mutex
	pending map[string]pending // the build being written
	tree    atomic.Pointer[Tree]
}

// pending is a file of the build being written.
type pending struct {
	data   []byte
	reused bool // carried over from the current Tree by Reuse
}

// NewMemory returns a Memory whose current Tree is empty.
func NewMemory() *Memory {
	m := &Memory{}
	m.tree.Store(&Tree{})
	return m
}

// WriteFile adds a file to the build being written. The data is copied.
func (m *Memory) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	data = bytes.Clone(data)
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

// Commit makes the files written since the last Commit or Abort the
// current Tree, replacing the previous one whole. A file whose bytes equal
// the previous Tree's shares them.
func (m *Memory) Commit() error {
	m.mu.Lock()
	written := m.pending
	m.pending = nil
	m.mu.Unlock()

	prev := m.tree.Load()
	next := &Tree{files: make(map[string]file, len(written)), gen: prev.gen + 1}
	for name, p := range written {
		old, ok := prev.files[name]
		if ok && (p.reused || bytes.Equal(old.data, p.data)) {
			next.files[name] = file{data: old.data}
			continue
		}
		next.files[name] = file{data: p.data, changed: true}
		next.changed = append(next.changed, name)
	}
	for name := range prev.files {
		if _, ok := written[name]; !ok {
			next.changed = append(next.changed, name)
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
	m.pending = nil
	m.mu.Unlock()
	return nil
}

// Tree returns the last committed Tree.
func (m *Memory) Tree() *Tree { return m.tree.Load() }

// A Tree is one committed build. It never changes.
type Tree struct {
	files   map[string]file
	changed []string // sorted
	gen     uint64
}

type file struct {
	data    []byte
	changed bool // added, or its bytes differ from the previous Tree's
}

// Lookup returns the bytes of the file name ("jobs/index.html"). They must
// not be modified.
func (t *Tree) Lookup(name string) ([]byte, bool) {
	f, ok := t.files[name]
	return f.data, ok
}

// Changed lists, sorted, the files added, changed or removed since the
// previous Tree.
func (t *Tree) Changed() []string { return t.changed }

// FileChanged reports whether the file name was added or its bytes changed
// since the previous Tree.
func (t *Tree) FileChanged(name string) bool { return t.files[name].changed }

// Names lists every file, sorted.
func (t *Tree) Names() []string { return slices.Sorted(maps.Keys(t.files)) }

// Generation counts the commits of the Memory; the empty Tree of NewMemory
// is generation 0.
func (t *Tree) Generation() uint64 { return t.gen }
