// Package spill keeps byte strings out of memory while a build runs: Put
// writes one to a temporary file and returns a Ref, Get reads it back.
//
// The file is made in a folder the caller names (beside the build's output,
// on the same disk, not in a /tmp that may be memory) and, where the
// system allows, removed at once while it stays open, so that nothing is
// left behind even when the process is killed; elsewhere Close removes it.
// What was put stays readable until Close. Put and Get may be called from
// any number of goroutines at once.
//
// A Budget (budget.go) keeps byte strings in memory up to a number of
// bytes and puts the rest into a File, made on first need.
package spill

import (
	"errors"
	"fmt"
	"os"
	"sync"
)

// A File holds the byte strings put into it.
type File struct {
	f      *os.File
	name   string // "" once removed
	mu     sync.Mutex
	size   int64 // bytes reserved so far
	closed bool
}

// A Ref names a byte string in a File.
type Ref struct {
	off int64
	n   int
}

// Len is the length of the byte string r names.
func (r Ref) Len() int { return r.n }

// New makes the temporary file in folder dir.
func New(dir string) (*File, error) {
	f, err := os.CreateTemp(dir, ".careersite-spill-*")
	if err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	s := &File{f: f, name: f.Name()}
	if os.Remove(s.name) == nil {
		s.name = "" // gone from the folder; the open file lives on
	}
	return s, nil
}

// Put writes data and returns where it is.
func (s *File) Put(data []byte) (Ref, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return Ref{}, errClosed
	}
	r := Ref{off: s.size, n: len(data)}
	s.size += int64(len(data))
	s.mu.Unlock()
	if _, err := s.f.WriteAt(data, r.off); err != nil {
		return Ref{}, fmt.Errorf("spill: %w", err)
	}
	return r, nil
}

// Get reads back the byte string r names, into a new slice.
func (s *File) Get(r Ref) ([]byte, error) {
	// ReadAt of nothing succeeds even on a closed file.
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return nil, errClosed
	}
	data := make([]byte, r.n)
	if _, err := s.f.ReadAt(data, r.off); err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	return data, nil
}

// Close lets the file go; a Get after it fails.
func (s *File) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.f.Close()
	if s.name != "" {
		err = errors.Join(err, os.Remove(s.name))
	}
	return err
}

var errClosed = errors.New("spill: file closed")
