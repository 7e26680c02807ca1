package spill

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestPutGet(t *testing.T) {
	dir := t.TempDir()
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[Ref][]byte{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 200 {
				data := bytes.Repeat([]byte(fmt.Sprintf("%d/%d;", w, i)), i)
				r, err := s.Put(data)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				want[r] = data
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for r, data := range want {
		got, err := s.Get(r)
		if err != nil || !bytes.Equal(got, data) || r.Len() != len(data) {
			t.Fatalf("Get(%v) = %q, %v; want %q", r, got, err, data)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder holds %v while the file is open; want it removed at once", entries)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for r := range want { // the empty string too
		if _, err := s.Get(r); err == nil {
			t.Fatalf("Get(%v) after Close succeeded", r)
		}
	}
	if _, err := s.Put([]byte("x")); err == nil {
		t.Fatal("Put after Close succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder holds %v after Close", entries)
	}
}

func TestNewInMissingFolder(t *testing.T) {
	if _, err := New(t.TempDir() + "/nope"); err == nil {
		t.Fatal("New in a missing folder succeeded")
	}
}

// TestPutBuffers checks that byte strings put are gathered and written a
// buffer at a time, that one as large as the buffer is written on its
// own, and that each reads back, from the buffer or from the file, with
// Get and GetString alike.
func TestPutBuffers(t *testing.T) {
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	written := func() int64 {
		t.Helper()
		fi, err := s.f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	page := strings.Repeat("<p>x</p>", 1000) // 8,000 bytes
	var refs []Ref
	var want []string
	put := func(data string, asString bool) {
		t.Helper()
		var r Ref
		var err error
		if asString {
			r, err = s.PutString(data)
		} else {
			r, err = s.Put([]byte(data))
		}
		if err != nil {
			t.Fatal(err)
		}
		refs, want = append(refs, r), append(want, data)
	}
	fit := bufferSize / len(page)
	for i := range fit {
		put(fmt.Sprint(i)+page[len(fmt.Sprint(i)):], i%2 == 0)
	}
	if n := written(); n != 0 {
		t.Errorf("%d bytes written after %d byte strings that fit the buffer; want none yet", n, fit)
	}
	put("overflow"+page[8:], true)
	if n, w := written(), int64(fit*len(page)); n != w {
		t.Errorf("%d bytes written once the buffer was full; want %d, the buffer", n, w)
	}
	put(strings.Repeat("L", bufferSize), false)
	if n, w := written(), int64((fit+1)*len(page)+bufferSize); n != w {
		t.Errorf("%d bytes written after a byte string as large as the buffer; want %d", n, w)
	}
	put("last", true)
	for i, r := range refs {
		got, err := s.Get(r)
		if err != nil || string(got) != want[i] {
			t.Fatalf("Get of byte string %d = %.20q…, %v; want %.20q…", i, got, err, want[i])
		}
		str, err := s.GetString(r)
		if err != nil || str != want[i] {
			t.Fatalf("GetString of byte string %d = %.20q…, %v; want %.20q…", i, str, err, want[i])
		}
	}
}
