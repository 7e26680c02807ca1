package spill

import (
	"bytes"
	"fmt"
	"os"
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
