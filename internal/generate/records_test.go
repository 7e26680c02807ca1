package generate

import (
	"bytes"
	"testing"
)

// The records of generated files read back as they were
// written, and a record cut short is rejected, never read as a shorter
// one. (cache.Get refuses an entry whose length or checksum is wrong
// before a decoder sees it; these tests are the second line.)

// everyPrefix calls f with each proper prefix of b, with no room to grow.
func everyPrefix(b []byte, f func(n int, prefix []byte)) {
	for n := range len(b) {
		f(n, b[:n:n])
	}
}

func TestFilesRecordCutShort(t *testing.T) {
	files := []File{
		{Name: "search/index.json", Owner: "the search index", Make: BytesOf([]byte(`{"v":1}`))},
		{Name: "search/t/a.json", Owner: "the search index", Make: BytesOf(bytes.Repeat([]byte("x"), 200))},
	}
	var buf bytes.Buffer
	if err := EncodeFiles(&buf, files); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if got, ok := DecodeFiles(b); !ok || len(got) != len(files) {
		t.Fatalf("DecodeFiles = %d files, %v; want %d, true", len(got), ok, len(files))
	}
	everyPrefix(b, func(n int, p []byte) {
		if got, ok := DecodeFiles(p); ok || got != nil {
			t.Errorf("files cut to %d of %d bytes: decoded %d files, %v; want none, false", n, len(b), len(got), ok)
		}
	})
}
