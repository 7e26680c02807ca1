package cache

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The build ID is read from the executable's ELF note: a copy whose ID
// differs in its content ID has that ID, one whose note is not a Go build
// ID's has none, and neither has a file that is not ELF.
func TestGoBuildID(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ELF executables only")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	id, ok := goBuildID(exe)
	if !ok || strings.Count(id, "/") != 3 {
		t.Fatalf("goBuildID(the test binary) = %q, %v; want four parts", id, ok)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte("Go\x00\x00"+id))
	if at < 0 {
		t.Fatalf("the test binary does not hold its ID %q after the note's name", id)
	}
	dir := t.TempDir()
	write := func(name string, change func(b []byte)) string {
		b := bytes.Clone(data)
		change(b)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	last := at + 4 + len(id) - 1 // the content ID's last byte
	other := write("other", func(b []byte) { b[last] ^= 1 })
	if got, ok := goBuildID(other); !ok || got == id || got[:len(got)-1] != id[:len(id)-1] {
		t.Errorf("goBuildID of a copy with another content ID = %q, %v; want %q but for its last byte", got, ok, id)
	}
	notGo := write("not-go", func(b []byte) { b[at] = 'g' })
	if got, ok := goBuildID(notGo); ok {
		t.Errorf("goBuildID of a note not named Go = %q, want none", got)
	}
	threeParts := write("three-parts", func(b []byte) { b[bytes.LastIndexByte(b[:last+1], '/')] = '_' })
	if got, ok := goBuildID(threeParts); ok {
		t.Errorf("goBuildID of an ID of three parts = %q, want none", got)
	}
	text := filepath.Join(dir, "text")
	os.WriteFile(text, []byte("#!/bin/sh\n"), 0o755)
	if got, ok := goBuildID(text); ok {
		t.Errorf("goBuildID of a script = %q, want none", got)
	}
}
