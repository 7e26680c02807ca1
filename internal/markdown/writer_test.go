package markdown

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

// FuzzTextWriter holds textWriter to goldmark's html.DefaultWriter: the
// same bytes out of Write, RawWrite and SecureWrite for any input.
func FuzzTextWriter(f *testing.F) {
	for _, s := range []string{
		"", "plain prose, with commas.", "a < b & c > d", `say "hi"`, `\*not emphasis\*`,
		"&amp; &#35; &#x22; &nbsp; &bogus; &", "nul\x00byte", `trailing \`, "\\\\", "é ü 日本",
		"a\\ b", "&#1234567890;", "'single' quotes",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, m := range []struct {
			name      string
			got, want func(*bufio.Writer, []byte)
		}{
			{"Write", func(w *bufio.Writer, b []byte) { textWriter{}.Write(w, b) }, func(w *bufio.Writer, b []byte) { html.DefaultWriter.Write(w, b) }},
			{"RawWrite", func(w *bufio.Writer, b []byte) { textWriter{}.RawWrite(w, b) }, func(w *bufio.Writer, b []byte) { html.DefaultWriter.RawWrite(w, b) }},
			{"SecureWrite", func(w *bufio.Writer, b []byte) { textWriter{}.SecureWrite(w, b) }, func(w *bufio.Writer, b []byte) { html.DefaultWriter.SecureWrite(w, b) }},
		} {
			if got, want := written(m.got, src), written(m.want, src); got != want {
				t.Errorf("%s(%q) = %q, DefaultWriter writes %q", m.name, src, got, want)
			}
		}
	})
}

func written(write func(*bufio.Writer, []byte), src []byte) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	write(w, src)
	_ = w.Flush()
	return b.String()
}
