package cache

import (
	"bytes"
	"debug/elf"
	"strings"
)

// goBuildID returns the Go build ID of the executable file exe (what `go
// tool buildid` prints), as cmd/go writes it into an ELF note when it
// links a program: four parts joined by "/", the last a hash of the
// linked file's own bytes (its content ID), so that two executables with
// one build ID are the same program. ok is false for a file that is not
// ELF, or whose build ID is not of that form (linked with -buildid=, or
// by another tool): its bytes must be hashed instead. Reading the note
// costs a few small reads; hashing a 36 MB executable costs 20 ms or so
// at every start.
func goBuildID(exe string) (id string, ok bool) {
	f, err := elf.Open(exe)
	if err != nil {
		return "", false
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return "", false
	}
	note, err := s.Data()
	// An ELF note: the lengths of its name and description and its type
	// (4 for a Go build ID), then the name "Go" padded to four bytes and
	// the description, the ID.
	if err != nil || len(note) < 16 {
		return "", false
	}
	order := f.ByteOrder
	nameLen, descLen, typ := order.Uint32(note), order.Uint32(note[4:]), order.Uint32(note[8:])
	if nameLen != 4 || typ != 4 || !bytes.Equal(note[12:16], []byte("Go\x00\x00")) || uint64(descLen) > uint64(len(note)-16) {
		return "", false
	}
	id = string(note[16 : 16+descLen])
	parts := strings.Split(id, "/")
	if len(parts) != 4 || strings.Contains(id, "\x00") {
		return "", false
	}
	for _, p := range parts {
		if p == "" {
			return "", false
		}
	}
	return id, true
}
