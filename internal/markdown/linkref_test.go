package markdown

import (
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// linkRefCases hold link reference definitions where they count and where
// they do not.
var linkRefCases = []string{
	"[a]: /u\n\nsee [a]\n",
	"   [a]: /u 'title'\n[b]: /v\ntext [a] [b]\n",
	"\t[a]: /u\n\n[a]\n",
	"\n  \n[a]: /u\n\n[a]\n",
	"> [a]: /u\n\n[a]\n",
	"- [a]: /u\n\n  [a]\n",
	"[a]:\n/u\n\n[a]\n",
	"[a\nb]: /u\n\n[a b]\n",
	"text\n[a]: /u\n\n[a]\n",
	"\\[a]: /u\n\n[a]\n",
	"[^1]: a note\n\ntext[^1]\n",
	"[a] : /u\n\n[a]\n",
	"| x |\n|---|\n| [a] |\n\n[a]: /u\n",
	"Term\n: [a]: /u\n\n[a]\n",
	"# [a]: /u\n\n[a]\n",
}

// FuzzLinkRefs holds linkRefs to goldmark's LinkReferenceParagraphTransformer:
// a Converter that also runs goldmark's after every other transformer
// (where linkRefs took the definitions, it finds none left) converts every
// page the same.
func FuzzLinkRefs(f *testing.F) {
	for _, s := range append(linkRefCases, linkifySeeds(f)...) {
		f.Add(s)
	}
	var pairs [][2]*Converter
	for _, opts := range []Options{{}, {Typographer: true, UnsafeHTML: true, BasePath: "/b/"}} {
		always := New(opts)
		for _, p := range []parser.Parser{always.parsers.linkify, always.parsers.plain} {
			p.AddOptions(parser.WithParagraphTransformers(util.Prioritized(parser.LinkReferenceParagraphTransformer, 0)))
		}
		pairs = append(pairs, [2]*Converter{New(opts), always})
	}
	f.Fuzz(func(t *testing.T, src string) { convertSame(t, pairs, src, "with goldmark's transformer") })
}

// TestLinkRefsKept: definitions are still taken out of the page and used.
func TestLinkRefsKept(t *testing.T) {
	res, err := New(Options{}).Convert([]byte("  [a]: /u\n\nsee [a]\n"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p>see <a href=\"/u\">a</a></p>\n"; string(res.HTML) != want {
		t.Errorf("HTML = %q, want %q", res.HTML, want)
	}
}
