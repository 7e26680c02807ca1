package markdown

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzLinkify converts every page twice, as a Converter does and with
// goldmark's Linkify always on, and requires the same Result and errors:
// leaving Linkify out of a page that needsLinkify clears must never change
// what the page becomes. Seeds: the Markdown pages of the site fixtures
// (internal/site/testdata), the example site's content, the golden cases
// of this package and the places where Linkify does or nearly does find a
// link.
func FuzzLinkify(f *testing.F) {
	for _, s := range linkifySeeds(f) {
		f.Add(s)
	}
	var pairs [][2]*Converter
	for _, opts := range []Options{{}, {Typographer: true, UnsafeHTML: true, BasePath: "/b/"}} {
		always := New(opts)
		always.parsers.plain = always.parsers.linkify
		pairs = append(pairs, [2]*Converter{New(opts), always})
	}
	f.Fuzz(func(t *testing.T, src string) { convertSame(t, pairs, src, "with Linkify") })
}

// convertSame fails t unless each pair of Converters converts src the
// same: the first is the one under test, the second the one it must
// agree with (as the second is described by with).
func convertSame(t *testing.T, pairs [][2]*Converter, src, with string) {
	t.Helper()
	for _, p := range pairs {
		got, gotErr := p[0].Convert([]byte(src), 1)
		want, wantErr := p[1].Convert([]byte(src), 1)
		if errString(gotErr) != errString(wantErr) {
			t.Fatalf("Convert(%q) error = %v, %s %v", src, gotErr, with, wantErr)
		}
		if got == nil || want == nil {
			continue
		}
		if string(got.HTML) != string(want.HTML) {
			t.Fatalf("Convert(%q) HTML =\n%s\n%s\n%s", src, got.HTML, with, want.HTML)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Convert(%q) = %+v, %s %+v", src, got, with, want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// linkifyCases are where Linkify makes a link, stops short of one, or must
// not make one.
var linkifyCases = []string{
	"see http://example.org/a.",
	"see https://example.org/a_(b)) and (https://example.org/c).",
	"ftp://files.example.org/x?y=1&amp; rest",
	"www.example.org/path?q=1, then www.commonmark.org/he<lp",
	"(www.example.org), *www.example.org*, _www.example.org_, ~www.example.org~",
	"write to jobs@example.org. or a.b-c+d@mail.example.co.uk!",
	"a@b, x@y.z_, x@y.z-, me@example.org.",
	"<https://example.org/a> and <jobs@example.org>",
	"`http://in.code.span/` and `www.example.org` and `a@b.co`",
	"[www.example.org](http://x.example/) and [a@b.co](/p/)",
	"http://a.example/&quot; http://a.example/&amp;x; http://a.example/foo;bar",
	"  http://indented.example.org/\n\twww.tab.example.org",
	"trailing http://a.example/?!.,:*_~ and http://a.example/)))",
	"no link: http:// and www. and @ and ftp: and https:x",
	"Visit www.example.org\\\nand HTTP://EXAMPLE.ORG and Www.example.org",
	"- item https://example.org/\n- [ ] task www.example.org\n\n> quote a@b.co\n",
	"| a | b |\n|---|---|\n| https://x.example/ | c@d.ef |\n",
	"Term\n: definition www.example.org[^1]\n\n[^1]: note http://n.example/\n",
	"plain prose (with parentheses), *emphasis*, _under_ and ~strike~ only.",
	"foo(bar baz)qux * a _ b ~ c",
	"four spaces    \nthen a hard break  \nand a tab\t \nand \\\nbackslash  \\\n",
	"- item \t\n- item\t\t\n\n| a  | b\t\t|\n|---|---|\n| c  | d |\n",
}

func linkifySeeds(f *testing.F) []string {
	f.Helper()
	seeds := append([]string(nil), linkifyCases...)
	archives, err := filepath.Glob("../site/testdata/*.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range archives {
		a, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			if strings.HasSuffix(file.Name, ".md") {
				seeds = append(seeds, string(file.Data))
			}
		}
	}
	err = filepath.WalkDir("../../content", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		b, err := os.ReadFile(path)
		seeds = append(seeds, string(b))
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	golden, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range append(golden, "testdata/bench/docs.md", "testdata/bench/prose.md", "testdata/bench/code.md") {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, string(b))
	}
	return seeds
}

func TestNeedsLinkify(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"plain prose (with parentheses) and `code`", false},
		{"Http://x.example and WWW.x.example", false}, // Linkify is case-sensitive
		{"see http://x.example", true},
		{"see https://x.example", true},
		{"see ftp://x.example", true},
		{"see www.x.example", true},
		{"write to a@b.co", true},
		{"hard break  \nnext", false},
		{"hard break with one more   \nnext", false},
		{"hard break  \r\nnext", false},
		{"one space \nand a tab\t\nand a return \r\n", false},
		{"indented\n    code\n\n\tmore", false},
		{"four spaces    \nnext", true},
		{"space and tab \t\nnext", true},
		{"two at the end  ", true},
		{"two and returns \t\r\r\n", true},
		{"hard break and a tab\t  \nnext", false},
		{"hard break after two\t\t  \r\nnext", true},
	}
	for _, tt := range tests {
		if got := needsLinkify([]byte(tt.in)); got != tt.want {
			t.Errorf("needsLinkify(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// The documentation page of the benchmarks has no link for Linkify: it is
// parsed without it.
func TestDocsPageParsesWithoutLinkify(t *testing.T) {
	src, err := os.ReadFile("testdata/bench/docs.md")
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{})
	if c.parsers.forPage(src) != c.parsers.plain {
		t.Error("forPage(docs.md) is the parser with Linkify, want the plain one")
	}
}
