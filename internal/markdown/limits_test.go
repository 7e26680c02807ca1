package markdown

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/careersite/careersite/internal/diag"
)

// hostileDeadline tells a bounded conversion from an unbounded one. Every
// input below converts in milliseconds; the deadline is not a speed
// assertion (benchmarks measure speed) and can be generous.
const hostileDeadline = 30 * time.Second

// convertWithin converts src with c, failing t if Convert has not returned
// by hostileDeadline.
func convertWithin(t *testing.T, c *Converter, src string) (*Result, error) {
	t.Helper()
	type result struct {
		res *Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := c.Convert([]byte(src), 1)
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		return r.res, r.err
	case <-time.After(hostileDeadline):
		t.Fatalf("Convert has not returned after %v", hostileDeadline)
		return nil, nil
	}
}

func TestCodeBlockTooLarge(t *testing.T) {
	c := New(Options{MaxCodeBlock: 16})
	in := "Intro.\n\n```go\nx := \"<b>\" + y + z + w\n```\n\n```go\nsmall()\n```\n"
	res, err := convertWithin(t, c, in)
	if err != nil {
		t.Fatalf("Convert(%q) error = %v, want none", in, err)
	}
	plain := "<pre><code class=\"language-go\">x := &quot;&lt;b&gt;&quot; + y + z + w\n</code></pre>\n"
	if !strings.Contains(string(res.HTML), plain) {
		t.Errorf("HTML = %q, want the large block plain: %q", res.HTML, plain)
	}
	if !strings.Contains(string(res.HTML), `<pre class="chroma"><code class="language-go">`) {
		t.Errorf("HTML = %q, want the small block highlighted", res.HTML)
	}
	want := "3:1: code block of 23 bytes is over the limit of 16 for highlighting (limits.code_block in site.yaml); published without highlighting"
	if len(res.Warnings) != 1 || res.Warnings[0].Error() != want {
		t.Errorf("Warnings = %v, want [%s]", res.Warnings, want)
	}
}

// endlessLexer stands for a lexer stuck in pathological backtracking: its
// tokens never end.
type endlessLexer struct{ chroma.Lexer }

func (endlessLexer) Tokenise(*chroma.TokeniseOptions, string) (chroma.Iterator, error) {
	return func() chroma.Token { return chroma.Token{Type: chroma.Text, Value: "x"} }, nil
}

func TestCodeBlockTooSlow(t *testing.T) {
	c := newConverter(Options{HighlightBudget: 20 * time.Millisecond}, func(string) chroma.Lexer { return endlessLexer{lexers.Get("go")} })
	in := "```go\na < b\n```\n"
	res, err := convertWithin(t, c, in)
	if err != nil {
		t.Fatalf("Convert(%q) error = %v, want none", in, err)
	}
	if want := "<pre><code class=\"language-go\">a &lt; b\n</code></pre>\n"; string(res.HTML) != want {
		t.Errorf("HTML = %q, want the plain block %q", res.HTML, want)
	}
	want := "1:1: highlighting this code block took more than 20ms; published without highlighting"
	if len(res.Warnings) != 1 || res.Warnings[0].Error() != want {
		t.Errorf("Warnings = %v, want [%s]", res.Warnings, want)
	}
	// A block that fell back is not cached: the next page reports it too.
	if res, _ := convertWithin(t, c, in); len(res.Warnings) != 1 {
		t.Errorf("second Convert: Warnings = %v, want the warning again", res.Warnings)
	}
}

// TestDeepNesting converts 10,000 levels of each kind of nesting Markdown
// has, each in one line or a few: they must finish (goldmark's block
// parser is iterative, its inline parser bounded by the text).
func TestDeepNesting(t *testing.T) {
	const n = 10_000
	tests := map[string]string{
		"block quotes":        strings.Repeat(">", n) + " x\n",
		"spaced block quotes": strings.Repeat("> ", n) + "x\n",
		"bullet lists":        strings.Repeat("- ", n) + "x\n",
		"ordered lists":       strings.Repeat("1. ", n) + "x\n",
		"quotes and lists":    strings.Repeat("> - ", n) + "x\n",
		"emphasis":            strings.Repeat("*a ", n) + strings.Repeat("b* ", n) + "\n",
		"strong":              strings.Repeat("**", n) + "x" + strings.Repeat("**", n) + "\n",
		"links":               strings.Repeat("[", n) + "x" + strings.Repeat("](y)", n) + "\n",
		"images":              strings.Repeat("![", n) + "x" + strings.Repeat("](y)", n) + "\n",
		"unclosed brackets":   strings.Repeat("[", n) + "\n",
		"backticks":           strings.Repeat("`", n) + "x\n",
		"footnote references": strings.Repeat("[^a]", n) + "\n\n[^a]: note\n",
		"table columns":       "|" + strings.Repeat(" a |", n) + "\n|" + strings.Repeat("---|", n) + "\n",
		"nested quote lines":  nestedLines(300, "> "),
		"nested list lines":   nestedLines(300, "  "),
	}
	c := New(Options{})
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := convertWithin(t, c, src); err != nil {
				var e *diag.Error
				if !errors.As(err, &e) {
					t.Errorf("Convert error %v is not positioned", err)
				}
			}
		})
	}
}

// nestedLines is n lines, line i nested i levels deep by repeating prefix
// (then a list marker), so that each line opens one more level.
func nestedLines(n int, prefix string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(prefix, i))
		b.WriteString("- x\n")
	}
	return b.String()
}

// countingLexer counts how often a block is tokenised.
type countingLexer struct {
	chroma.Lexer
	calls *atomic.Int32
}

func (l countingLexer) Tokenise(opts *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	l.calls.Add(1)
	return l.Lexer.Tokenise(opts, text)
}

// TestSlowHighlightingIsRedone checks the guard against chroma's quiet
// match timeouts: a block whose highlighting took chromaMatchTimeout or
// more is highlighted again, highlightTries times at most, and the result
// is the block's true highlighting; a quick one is highlighted once.
func TestSlowHighlightingIsRedone(t *testing.T) {
	code := "func main() { fmt.Println(\"hi\") }\n"
	plain := newCodeRenderer(lexers.Get, 4)
	plain.limits = newCodeLimits(Options{})
	want, err := plain.highlightOnce([]byte("go"), lexers.Get("go"), code)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		exact time.Duration
		calls int32
	}{
		{"quick", chromaMatchTimeout, 1},
		{"every try slow", 0, highlightTries},
	} {
		var calls atomic.Int32
		r := newCodeRenderer(lexers.Get, 4)
		r.limits = codeLimits{maxBytes: DefaultMaxCodeBlock, budget: DefaultHighlightBudget, exact: tt.exact}
		got, err := r.highlight([]byte("go"), countingLexer{lexers.Get("go"), &calls}, code)
		if err != nil {
			t.Fatalf("%s: highlight error = %v", tt.name, err)
		}
		if n := calls.Load(); n != tt.calls {
			t.Errorf("%s: tokenised %d times, want %d", tt.name, n, tt.calls)
		}
		if string(got) != string(want) {
			t.Errorf("%s: highlight = %q, want %q", tt.name, got, want)
		}
	}
}
