package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/careersite/careersite/internal/diag"
)

func convert(t *testing.T, opts Options, in string, firstLine int) *Result {
	t.Helper()
	res, err := New(opts).Convert([]byte(in), firstLine)
	if err != nil {
		t.Fatalf("Convert(%q): %v", in, err)
	}
	return res
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"first paragraph", "# Title\n\nFirst *para*.\n\nSecond.\n", "<p>First <em>para</em>.</p>\n"},
		{"divider", "One.\n\n- two\n\n<!--more-->\n\nThree.\n", "<p>One.</p>\n<ul>\n<li>two</li>\n</ul>\n"},
		{"divider with spaces and case", "One.\n\n<!-- More -->\n\nTwo.\n", "<p>One.</p>\n"},
		{"divider right after text", "One.\n<!--more-->\nTwo.\n", "<p>One.</p>\n"},
		{"divider first", "<!--more-->\n\nOne.\n", ""},
		{"first of two dividers", "One.\n\n<!--more-->\n\nTwo.\n\n<!--more-->\n", "<p>One.</p>\n"},
		{"nested paragraph is not the summary", "> Quote.\n\nReal.\n", "<p>Real.</p>\n"},
		{"other comment is not a divider", "<!-- note -->\n\nOne.\n", "<p>One.</p>\n"},
		{"no paragraph", "## Only a heading\n", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(convert(t, Options{}, tt.in, 1).Summary); got != tt.want {
				t.Errorf("Summary(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSummaryDoesNotAliasHTML(t *testing.T) {
	res := convert(t, Options{}, "One.\n\nTwo.\n", 1)
	_ = append(res.Summary, "XXXXXXXX"...)
	if want := "<p>One.</p>\n<p>Two.</p>\n"; string(res.HTML) != want {
		t.Errorf("after append to Summary, HTML = %q, want %q", res.HTML, want)
	}
}

func TestWordCount(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"plain", "One two three.\n", 3},
		{"across lines and blocks", "one\ntwo\n\n# three\n\n- four\n- five\n", 5},
		{"emphasis inside a word", "un*believ*able and **bold**\n", 3},
		{"code span and block excluded", "Run `go test ./...` now.\n\n```go\nfunc main() {}\n```\n\n    indented code\n", 2},
		{"punctuation alone is not a word", "a -- b — c & d ... e\n", 5},
		{"entities are punctuation", "AT&amp;T &mdash; R&amp;D\n", 2},
		{"link text counts, bare URL does not", "[the docs](https://go.dev) https://go.dev\n", 2},
		{"image alt excluded", "![a chart of pay](c.png) pay\n", 1},
		{"raw html excluded", "<b>bold</b> text\n", 2},
		{"typographer", "it's \"done\" -- ok\n", 3},
		{"table cells", "| a b | c |\n|---|---|\n| d | e f |\n", 6},
		{"non-latin", "Разработчик программного обеспечения\n", 3},
		{"tabs, no-break and ideographic spaces", "a\tb\u00a0c\u3000d\vé\n", 5},
		{"numbers and signs", "1 2 x3 - + 4.5 ½\n", 4},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, opts := range []Options{{}, {Typographer: true}} {
				if got := convert(t, opts, tt.in, 1).WordCount; got != tt.want {
					t.Errorf("WordCount(%q) with %+v = %d, want %d", tt.in, opts, got, tt.want)
				}
			}
		})
	}
}

func TestReadingTime(t *testing.T) {
	tests := []struct {
		name  string
		words int
		want  int
	}{
		{"none", 0, 0},
		{"one word", 1, 1},
		{"exactly a minute", 220, 1},
		{"just over", 221, 2},
		{"ten minutes", 2200, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Repeat("word ", tt.words)
			res := convert(t, Options{}, in, 1)
			if res.WordCount != tt.words || res.ReadingTime != tt.want {
				t.Errorf("ReadingTime(%d words) = %d (WordCount %d), want %d", tt.words, res.ReadingTime, res.WordCount, tt.want)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		firstLine int
		want      []Link
	}{
		{"body line 3 is file line 12", "# Title\n\nSee [the docs](/docs/) now.\n", 10,
			[]Link{{"/docs/", 12, 5}}},
		{"image", "Intro\n![chart](/img/c.png)\n", 1, []Link{{"/img/c.png", 2, 1}}},
		{"two links on a line", "[a](/a/) and [b](/b/)\n", 1, []Link{{"/a/", 1, 1}, {"/b/", 1, 14}}},
		{"same destination twice", "[x](/x/) [x](/x/)\n", 1, []Link{{"/x/", 1, 1}, {"/x/", 1, 10}}},
		{"column counts characters", "Café: [menu](/m/)\n", 1, []Link{{"/m/", 1, 7}}},
		{"reference link at its use", "Read [the guide][g].\n\n[g]: /guide/\n", 1, []Link{{"/guide/", 1, 6}}},
		{"autolink", "Mail <jobs@example.org> or <https://x.org>\n", 1,
			[]Link{{"mailto:jobs@example.org", 1, 7}, {"https://x.org", 1, 29}}},
		{"linkify", "Go to www.example.com or https://go.dev.\n", 1,
			[]Link{{"http://www.example.com", 1, 7}, {"https://go.dev", 1, 26}}},
		{"in a list and a table", "- [a](/a/)\n\n| [b](/b/) |\n|---|\n| x [c](/c/) |\n", 1,
			[]Link{{"/a/", 1, 3}, {"/b/", 3, 3}, {"/c/", 5, 5}}},
		{"in a heading", "## [Jobs](/jobs/)\n", 7, []Link{{"/jobs/", 7, 4}}},
		{"firstLine below 1 counts as 1", "[a](/a/)\n", 0, []Link{{"/a/", 1, 1}}},
		{"none", "No links.\n", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := convert(t, Options{}, tt.in, tt.firstLine).Links; !slices.Equal(got, tt.want) {
				t.Errorf("Links(%q, %d) = %+v, want %+v", tt.in, tt.firstLine, got, tt.want)
			}
		})
	}
}

func TestTOC(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"fewer than two", "# Title\n\n## Only\n\n##### Too deep\n", ""},
		{"flat", "## A\n\n## B\n",
			"<ul>\n<li><a href=\"#a\">A</a></li>\n<li><a href=\"#b\">B</a></li>\n</ul>\n"},
		{"nested", "## A\n\n### A1\n\n#### A1a\n\n## B\n",
			"<ul>\n<li><a href=\"#a\">A</a>\n<ul>\n<li><a href=\"#a1\">A1</a>\n<ul>\n<li><a href=\"#a1a\">A1a</a></li>\n</ul>\n</li>\n</ul>\n</li>\n<li><a href=\"#b\">B</a></li>\n</ul>\n"},
		{"skipped level nests one deeper", "## A\n\n#### Deep\n\n### Mid\n",
			"<ul>\n<li><a href=\"#a\">A</a>\n<ul>\n<li><a href=\"#deep\">Deep</a></li>\n<li><a href=\"#mid\">Mid</a></li>\n</ul>\n</li>\n</ul>\n"},
		{"starts deep", "### C\n\n## D\n",
			"<ul>\n<li><a href=\"#c\">C</a></li>\n<li><a href=\"#d\">D</a></li>\n</ul>\n"},
		{"ends deep", "## A\n\n### B\n\n#### C\n",
			"<ul>\n<li><a href=\"#a\">A</a>\n<ul>\n<li><a href=\"#b\">B</a>\n<ul>\n<li><a href=\"#c\">C</a></li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n"},
		{"h1, h5 and h6 left out", "# T\n\n## A\n\n##### X\n\n###### Y\n\n## B\n",
			"<ul>\n<li><a href=\"#a\">A</a></li>\n<li><a href=\"#b\">B</a></li>\n</ul>\n"},
		{"text escaped", "## R&amp;D <x>\n\n## B {id=\"b&c\"}\n",
			"<ul>\n<li><a href=\"#r-d\">R&amp;D</a></li>\n<li><a href=\"#b&amp;c\">B</a></li>\n</ul>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(convert(t, Options{}, tt.in, 1).TOC); got != tt.want {
				t.Errorf("TOC(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTOCNilWhenEmpty(t *testing.T) {
	if toc := convert(t, Options{}, "## One\n", 1).TOC; toc != nil {
		t.Errorf("TOC = %q, want nil", toc)
	}
}

func TestRawHTML(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		in   string
		want string
	}{
		{"block omitted", Options{}, "<script>alert(1)</script>\n", "<!-- raw HTML omitted -->\n"},
		{"inline omitted", Options{}, "a <span onclick=\"x\">b</span>\n", "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n"},
		{"block kept", Options{UnsafeHTML: true}, "<aside>x</aside>\n", "<aside>x</aside>\n"},
		{"inline kept", Options{UnsafeHTML: true}, "a <kbd>b</kbd>\n", "<p>a <kbd>b</kbd></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(convert(t, tt.opts, tt.in, 1).HTML); got != tt.want {
				t.Errorf("HTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnknownLanguage(t *testing.T) {
	in := "```no-such-language\n<b> & x\n```\n"
	res, err := New(Options{}).Convert([]byte(in), 1)
	if err != nil {
		t.Fatalf("Convert(%q) error = %v, want none", in, err)
	}
	want := "<pre><code class=\"language-no-such-language\">&lt;b&gt; &amp; x\n</code></pre>\n"
	if string(res.HTML) != want {
		t.Errorf("HTML(%q) = %q, want %q", in, res.HTML, want)
	}
}

// brokenLexer is a chroma.Lexer that fails, or panics, when it tokenises.
type brokenLexer struct {
	chroma.Lexer
	panics bool
}

func (l brokenLexer) Tokenise(*chroma.TokeniseOptions, string) (chroma.Iterator, error) {
	if l.panics {
		panic("unknown state")
	}
	return nil, errors.New("lexer broke")
}

func TestChromaError(t *testing.T) {
	tests := []struct {
		name   string
		panics bool
		want   string
	}{
		{"error", false, "13:1: highlighting go code: lexer broke"},
		{"panic", true, "13:1: highlighting go code: chroma panicked: unknown state"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newConverter(Options{}, func(string) chroma.Lexer { return brokenLexer{panics: tt.panics} })
			in := "Intro.\n\n```go\nx < 1\n```\n\nAfter.\n"
			res, err := c.Convert([]byte(in), 11)
			var e *diag.Error
			if !errors.As(err, &e) || err.Error() != tt.want {
				t.Fatalf("Convert(%q) error = %v, want *Error %q", in, err, tt.want)
			}
			if e.Line != 13 || e.Col != 1 {
				t.Errorf("Error at %d:%d, want 13:1", e.Line, e.Col)
			}
			want := "<p>Intro.</p>\n<pre><code class=\"language-go\">x &lt; 1\n</code></pre>\n<p>After.</p>\n"
			if res == nil || string(res.HTML) != want {
				t.Errorf("HTML(%q) = %q, want the plain block %q", in, res.HTML, want)
			}
		})
	}
}

func TestChromaErrorsAreAllReturned(t *testing.T) {
	c := newConverter(Options{}, func(string) chroma.Lexer { return brokenLexer{} })
	in := "## A {#a}\n\n```go\nx\n```\n\n## B {#a}\n\n  ```sh\n  y\n  ```\n"
	_, err := c.Convert([]byte(in), 1)
	want := "3:1: highlighting go code: lexer broke\n" +
		"7:1: duplicate heading id \"a\"\n" +
		"9:3: highlighting sh code: lexer broke"
	if err == nil || err.Error() != want {
		t.Errorf("Convert(%q) error = %v, want %q", in, err, want)
	}
}

// TestConcurrentConvert runs under -race: one Converter, many goroutines,
// each page must come out as it does alone.
func TestConcurrentConvert(t *testing.T) {
	pages := make([][]byte, 16)
	want := make([]*Result, len(pages))
	alone := New(Options{Typographer: true})
	for i := range pages {
		pages[i] = []byte(samplePage(i))
		res, err := alone.Convert(pages[i], 1)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res
	}
	c := New(Options{Typographer: true}) // fresh, so lexer lookups race too
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(pages))
	for range 8 {
		for i, page := range pages {
			wg.Go(func() {
				res, err := c.Convert(page, 1)
				switch {
				case err != nil:
					errs <- err
				case !bytes.Equal(res.HTML, want[i].HTML) || !slices.Equal(res.Headings, want[i].Headings):
					errs <- fmt.Errorf("page %d differs when converted concurrently", i)
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func samplePage(i int) string {
	return fmt.Sprintf("# Page %[1]d\n\n## Duties\n\nShip *code* %[1]d times.\n\n## Duties\n\n"+
		"```go\nfunc f%[1]d() int { return %[1]d }\n```\n\n```python\ndef f(): return %[1]d\n```\n\n"+
		"```lang%[1]d\nunknown\n```\n\n| a | b |\n|---|---|\n| [x](/x/%[1]d/) | y |\n", i)
}

func TestStylesheet(t *testing.T) {
	css := string(Stylesheet())
	if css != string(Stylesheet()) {
		t.Fatal("Stylesheet() differs between calls")
	}
	light, dark, ok := strings.Cut(css, "@media (prefers-color-scheme: dark) {\n")
	if !ok {
		t.Fatalf("Stylesheet() has no dark block:\n%s", css)
	}
	for _, rule := range []string{".chroma { background-color: #f7f7f7;", ".chroma .k { color: #cf222e }"} {
		if !strings.Contains(light, rule) {
			t.Errorf("light part of Stylesheet() lacks %q", rule)
		}
	}
	// github sets a near-black colour on punctuation and github-dark sets
	// none, so the dark block must undo it.
	for _, rule := range []string{"\n  .chroma .p { color: inherit }\n", ".chroma { color: #e6edf3; background-color: #0d1117;", ".chroma .k { color: #ff7b72 }\n"} {
		if !strings.Contains(dark, rule) {
			t.Errorf("dark part of Stylesheet() lacks %q", rule)
		}
	}
	if !strings.HasSuffix(css, "}\n") {
		t.Errorf("Stylesheet() does not close the @media block")
	}
}

func BenchmarkConvert(b *testing.B) {
	c := New(Options{Typographer: true})
	var page strings.Builder
	for i := range 20 {
		page.WriteString(samplePage(i))
	}
	src := []byte(page.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Convert(src, 1); err != nil {
			b.Fatal(err)
		}
	}
}
