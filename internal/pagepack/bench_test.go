package pagepack

import (
	"os"
	"testing"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/testsite"
)

// benchPages are the pages of a generated site of 400 pages.
func benchPages(b *testing.B) []parsedFile {
	b.Helper()
	dir := b.TempDir()
	if err := testsite.Write(dir, 400, 5); err != nil {
		b.Fatal(err)
	}
	return parseSite(b, os.DirFS(dir))
}

// BenchmarkAdd: adding a site's pages to a writer, without stamps (whose
// digests of front matter and body are the same work whatever the
// format).
func BenchmarkAdd(b *testing.B) {
	files := benchPages(b)
	b.ReportAllocs()
	for b.Loop() {
		w := NewWriter()
		for _, f := range files {
			if !w.Add(f.path, content.FileDigests{}, [32]byte{}, f.data, f.page) {
				b.Fatalf("%s: not added", f.path)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/page")
}

// BenchmarkReadHeld: reading the pack of a site's pages and taking every
// page from it held (a build with nothing to do).
func BenchmarkReadHeld(b *testing.B) {
	files := benchPages(b)
	w := NewWriter()
	for _, f := range files {
		w.Add(f.path, digest(f.data, f.page), [32]byte{1}, f.data, f.page)
	}
	pack := joinPack([]*Writer{w})
	b.ReportAllocs()
	for b.Loop() {
		got, _, err := Read(pack)
		if err != nil {
			b.Fatal(err)
		}
		for _, pp := range got {
			if _, ok := pp.Held(nil, nil); !ok {
				b.Fatal("not held")
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/page")
	b.ReportMetric(float64(len(pack))/float64(len(files)), "bytes/page")
}
