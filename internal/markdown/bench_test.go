package markdown

import (
	"os"
	"testing"
)

// The pages of these benchmarks are the bodies of two generated pages (go
// run ./bench/gen): testdata/bench/code.md, an article with six fenced
// code blocks in four languages, and testdata/bench/prose.md, a job
// description with lists, tables and links and no code. See bench/README.md
// for running them and comparing runs with benchstat.

func benchPage(b *testing.B, name string) []byte {
	b.Helper()
	src, err := os.ReadFile("testdata/bench/" + name)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	return src
}

// BenchmarkConvertProse converts a page without code.
func BenchmarkConvertProse(b *testing.B) {
	src := benchPage(b, "prose.md")
	c := New(Options{Typographer: true})
	for b.Loop() {
		if _, err := c.Convert(src, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConvertCode converts the code-heavy page: "first" with a new
// Converter every time, as the first page of a build that holds its code
// blocks (New included: BenchmarkNew is its share), "again" with one
// Converter, as every later page of the build that repeats those blocks.
func BenchmarkConvertCode(b *testing.B) {
	b.Run("first", func(b *testing.B) {
		src := benchPage(b, "code.md")
		for b.Loop() {
			c := New(Options{Typographer: true})
			if _, err := c.Convert(src, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("again", func(b *testing.B) {
		src := benchPage(b, "code.md")
		c := New(Options{Typographer: true})
		for b.Loop() {
			if _, err := c.Convert(src, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkNew builds a Converter.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		New(Options{Typographer: true})
	}
}

// BenchmarkConvertDocs converts a page of the documentation profile
// (testdata/bench/docs.md): prose with lists, links and inline code and
// one fenced block, and no bare URL or e-mail address.
func BenchmarkConvertDocs(b *testing.B) {
	src := benchPage(b, "docs.md")
	c := New(Options{Typographer: true})
	for b.Loop() {
		if _, err := c.Convert(src, 1); err != nil {
			b.Fatal(err)
		}
	}
}
