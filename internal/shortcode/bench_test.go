package shortcode

import (
	"bytes"
	"os"
	"testing"

	"github.com/careersite/careersite/internal/markdown"
)

// benchBody is a page of the example site, with three shortcodes added when
// shortcodes is set.
func benchBody(b *testing.B, shortcodes bool) []byte {
	b.Helper()
	src, err := os.ReadFile("../../content/roles/back-end-engineer-career-path.md")
	if err != nil {
		b.Fatal(err)
	}
	if shortcodes {
		src = append(src, "\n{{< card \"/jobs/back-end-developer/\" >}}\n\n{{< details summary=\"Why?\" >}}\nBecause.\n{{< /details >}}\n\n{{% note %}}*Hi*{{% /note %}}\n"...)
	}
	return src
}

// BenchmarkParse measures Parse against markdown's Convert of the same
// page: the price of finding code with goldmark is one more parse of a
// page that has shortcodes, and nothing for one that has none.
func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct {
		name       string
		shortcodes bool
	}{{"none", false}, {"three", true}} {
		body := benchBody(b, bc.shortcodes)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := Parse(body, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("codeRanges", func(b *testing.B) {
		body := benchBody(b, true)
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			codeRanges(body)
		}
	})
	b.Run("markdown.Convert", func(b *testing.B) {
		body := bytes.Clone(benchBody(b, false))
		c := markdown.New(markdown.Options{})
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := c.Convert(body, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
}
