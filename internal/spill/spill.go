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
// Put gathers what it is given in a buffer of bufferSize bytes and writes
// the buffer at once when the next byte string would not fit, so that
// spilling the HTML of a page costs no system call of its own (one a page
// made a cold build of 10,000 pages 10,000 writes more); Get reads from
// the buffer what is still in it.
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
	size   int64  // bytes put so far, written or pending
	start  int64  // the offset in f of pending
	buf    []byte // put and not yet written; nil until the first Put
	closed bool
}

// bufferSize is the size of a File's buffer of byte strings put; a byte
// string as large is written on its own.
const bufferSize = 1 << 20

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
func (s *File) Put(data []byte) (Ref, error) { return s.put(data, "") }

// PutString is Put of a string, without copying it to a byte slice of
// its own first.
func (s *File) PutString(data string) (Ref, error) { return s.put(nil, data) }

// put puts b and then str, one of which is empty.
func (s *File) put(b []byte, str string) (Ref, error) {
	n := len(b) + len(str)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return Ref{}, errClosed
	}
	if len(s.buf)+n > bufferSize {
		if err := s.flush(); err != nil {
			return Ref{}, err
		}
	}
	r := Ref{off: s.size, n: n}
	if n >= bufferSize {
		if str != "" {
			b = []byte(str)
		}
		if _, err := s.f.WriteAt(b, r.off); err != nil {
			return Ref{}, fmt.Errorf("spill: %w", err)
		}
		s.size += int64(n)
		s.start = s.size
		return r, nil
	}
	if s.buf == nil {
		s.buf = make([]byte, 0, bufferSize)
	}
	s.buf = append(append(s.buf, b...), str...)
	s.size += int64(n)
	return r, nil
}

// flush writes the buffer; s.mu must be held. A failed write fails the
// Put that flushes and forgets nothing already returned a Ref: the
// buffer is kept, and written again by the next flush.
func (s *File) flush() error {
	if len(s.buf) == 0 {
		return nil
	}
	if _, err := s.f.WriteAt(s.buf, s.start); err != nil {
		return fmt.Errorf("spill: %w", err)
	}
	s.start += int64(len(s.buf))
	s.buf = s.buf[:0]
	return nil
}

// Get reads back the byte string r names, into a new slice.
func (s *File) Get(r Ref) ([]byte, error) {
	data := make([]byte, r.n)
	if err := s.read(data, r); err != nil {
		return nil, err
	}
	return data, nil
}

// GetString is Get of a string: the byte string is read into a buffer
// kept for the next read, and copied once into the string.
func (s *File) GetString(r Ref) (string, error) {
	p := reads.Get().(*[]byte)
	defer reads.Put(p)
	if cap(*p) < r.n {
		*p = make([]byte, r.n)
	}
	data := (*p)[:r.n]
	if err := s.read(data, r); err != nil {
		return "", err
	}
	return string(data), nil
}

// reads are the buffers GetString reads into.
var reads = sync.Pool{New: func() any { return new([]byte) }}

// read reads the byte string r names into data, of its length: from the
// buffer when it is still there, else from the file.
func (s *File) read(data []byte, r Ref) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return errClosed
	}
	if r.off >= s.start {
		copy(data, s.buf[r.off-s.start:])
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	// What lies before start is written and never changes: it is read
	// without the lock.
	if _, err := s.f.ReadAt(data, r.off); err != nil {
		return fmt.Errorf("spill: %w", err)
	}
	return nil
}

// Close lets the file go; a Get after it fails.
func (s *File) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed, s.buf = true, nil
	err := s.f.Close()
	if s.name != "" {
		err = errors.Join(err, os.Remove(s.name))
	}
	return err
}

var errClosed = errors.New("spill: file closed")
