package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
)

// FuzzLinks renders Markdown with goldmark's HTML renderer alone and with
// linkRenderer in front of it, safe and unsafe, and requires the same
// HTML; and it holds isDangerousURL to html.IsDangerousURL on the input as
// a destination.
func FuzzLinks(f *testing.F) {
	for _, s := range []string{
		"[a](/jobs/a/) [b](https://example.org/b \"T\") [c](<d e>) [f](#g)",
		"[x](javascript:alert(1)) [x](JaVaScRiPt:alert(1)) [x](vbscript:x) [x](FILE:///etc) [x](data:text/html,x)",
		"[x](data:image/png;base64,AA) [x](DATA:IMAGE/GIF;x) [x](data:image/jpeg;x) [x](data:image/webp;x) [x](data:image/svg+xml;x) [x](data:image/)",
		"[x](javascr\u0130pt:x) [x](\u212aavascript:x) [x](java\xffscript:x) [x](file\u212a:x)",
		"[x](/a&b<c>\"d'e) [x](/caf\u00e9 x) [x](/%20) [x][r] [r]\n\n[r]: /ref 'title & \"quotes\"'",
		"[*em* `code` ![i](/i.png)](/nested) <https://auto.example/> [x]( /spaced )",
		"[x](/a){#id .cls onclick=\"y\"}",
	} {
		f.Add(s)
	}
	type pair struct{ goldmark, ours goldmark.Markdown }
	var pairs []pair
	for _, opts := range [][]renderer.Option{nil, {html.WithUnsafe()}, {html.WithXHTML()}} {
		pairs = append(pairs, pair{
			goldmark.New(goldmark.WithRendererOptions(opts...)),
			goldmark.New(goldmark.WithRendererOptions(opts...), goldmark.WithExtensions(links{})),
		})
	}
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := isDangerousURL([]byte(src)), html.IsDangerousURL([]byte(src)); got != want {
			t.Fatalf("isDangerousURL(%q) = %v, html.IsDangerousURL %v", src, got, want)
		}
		for _, p := range pairs {
			var got, want bytes.Buffer
			errGot := p.ours.Convert([]byte(src), &got)
			errWant := p.goldmark.Convert([]byte(src), &want)
			if errString(errGot) != errString(errWant) || got.String() != want.String() {
				t.Fatalf("Convert(%q) =\n%s (%v)\ngoldmark's\n%s (%v)", src, got.String(), errGot, want.String(), errWant)
			}
		}
	})
}

func TestIsDangerousURLAllocatesNothing(t *testing.T) {
	url := []byte("Data:image/PNG;base64,AA")
	if n := testing.AllocsPerRun(10, func() { isDangerousURL(url) }); n != 0 {
		t.Errorf("isDangerousURL allocates %v times, want 0", n)
	}
}
