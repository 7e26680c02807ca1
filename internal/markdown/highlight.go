package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// highlighting is the goldmark extension that renders fenced code blocks
// with chroma, replacing goldmark's own fenced-code renderer.
type highlighting struct {
	code *codeRenderer
}

func (e *highlighting) Extend(m goldmark.Markdown) {
	// goldmark's HTML renderer has priority 1000; a lower number wins.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e.code, 100)))
}

// newFormatter is the one formatter configuration, shared by the renderer
// and Stylesheet so that the classes written match the CSS. With classes the
// output does not depend on the style passed to Format. Our own <pre><code>
// wrapper carries the language, so chroma writes neither it nor its per-line
// spans.
func newFormatter() *chromahtml.Formatter {
	return chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))
}

// codeRenderer is a renderer.NodeRenderer for ast.FencedCodeBlock. It is
// shared by every Convert: its formatter is safe for concurrent use, it
// never changes a lexer it looks up, because chroma's lexers are shared by
// the whole process, and its cache of highlighted blocks (codecache.go) is
// safe for concurrent use.
type codeRenderer struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style                  // any style will do with classes; see newFormatter
	find      func(lang string) chroma.Lexer // lexers.Get; tests put in a failing lexer
	cache     *codeCache
	limits    codeLimits // size and time limits of one block (limits.go)

	mu     sync.RWMutex
	lexers map[string]chroma.Lexer // by language as written, nil when chroma has none
}

func newCodeRenderer(find func(lang string) chroma.Lexer, cacheSize int) *codeRenderer {
	return &codeRenderer{
		formatter: newFormatter(),
		style:     styles.Get(lightStyle),
		find:      find,
		cache:     newCodeCache(cacheSize),
		lexers:    make(map[string]chroma.Lexer),
	}
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderFencedCode)
}

// reporter is what Convert's output offers beyond util.BufWriter: a way to
// report a block that failed, and a scratch buffer for the cache key.
// goldmark gives a NodeRenderer no other per-page state, and returning the
// error would stop the walk and lose the rest of the page.
type reporter interface {
	report(offset int, msg string)
	scratch() *[]byte
}

// renderFencedCode writes a block highlighted, from the cache when the same
// language and code were highlighted before, else plain.
func (r *codeRenderer) renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := language(n, src)
	lexer := r.lexer(lang)
	if lexer == nil {
		writePlain(w, lang, string(appendCode(nil, n, src)))
		return ast.WalkSkipChildren, nil
	}
	if msg := r.limits.tooLarge(n); msg != "" {
		warnPlain(w, n, lang, string(appendCode(nil, n, src)), msg)
		return ast.WalkSkipChildren, nil
	}
	rep, _ := w.(reporter)
	key := blockKey(rep, lang, n, src)
	if html, ok := r.cache.get(key); ok {
		_, _ = w.Write(html)
		return ast.WalkSkipChildren, nil
	}
	code := string(key[len(lang)+1:])
	html, err := r.highlight(lang, lexer, code)
	switch {
	case err == nil:
		r.cache.put(string(key), html)
		_, _ = w.Write(html)
	case errors.Is(err, errTooSlow):
		warnPlain(w, n, lang, code, r.limits.tooSlow())
	case rep == nil:
		return ast.WalkSkipChildren, err
	default:
		rep.report(n.Pos(), fmt.Sprintf("highlighting %s code: %v", lang, err))
		writePlain(w, lang, code)
	}
	return ast.WalkSkipChildren, nil
}

// blockKey returns the cache key of a block: the language as written, a
// space (a language ends at the first one), then the code. It is built in
// the page's scratch buffer, so that a block found in the cache costs no
// allocation.
func blockKey(rep reporter, lang []byte, n *ast.FencedCodeBlock, src []byte) []byte {
	buf := new([]byte)
	if rep != nil {
		buf = rep.scratch()
	}
	*buf = appendCode(append(append((*buf)[:0], lang...), ' '), n, src)
	return *buf
}

// highlight returns code as a chroma block, highlighted again while it
// took so long that one of chroma's matches may have timed out
// (chromaMatchTimeout).
func (r *codeRenderer) highlight(lang []byte, lexer chroma.Lexer, code string) ([]byte, error) {
	for try := 1; ; try++ {
		start := time.Now()
		html, err := r.highlightOnce(lang, lexer, code)
		if err != nil || try == highlightTries || time.Since(start) < r.limits.exact {
			return html, err
		}
	}
}

// highlightOnce returns code as a chroma block.
func (r *codeRenderer) highlightOnce(lang []byte, lexer chroma.Lexer, code string) (html []byte, err error) {
	// Some lexer bugs panic inside chroma ("unknown state"); for one code
	// block that would take down a whole build or the preview server, so
	// the panic becomes this block's error.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("chroma panicked: %v", p)
		}
	}()
	tokens, err := lexer.Tokenise(nil, code)
	if err != nil {
		return nil, err
	}
	slow := false
	tokens = r.limits.bound(tokens, &slow)
	var b bytes.Buffer
	b.Grow(8 * len(code)) // about what the spans of a typical block take
	b.WriteString(`<pre class="chroma"><code class="language-`)
	writeEscapedBytes(&b, lang)
	b.WriteString(`">`)
	if err := r.formatter.Format(&b, r.style, tokens); err != nil {
		return nil, err
	}
	if slow {
		return nil, errTooSlow
	}
	b.WriteString("</code></pre>\n")
	return b.Bytes(), nil
}

// lexer returns chroma's lexer for lang, or nil. lexers.Get scans every
// lexer's file patterns when a name is unknown, so the answer, found or not,
// is kept. The lexer is wrapped, not changed, to merge runs of equal tokens.
func (r *codeRenderer) lexer(lang []byte) chroma.Lexer {
	if len(lang) == 0 {
		return nil
	}
	r.mu.RLock()
	l, ok := r.lexers[string(lang)]
	r.mu.RUnlock()
	if ok {
		return l
	}
	if l = r.find(string(lang)); l != nil {
		l = chroma.Coalesce(l)
	}
	r.mu.Lock()
	r.lexers[string(lang)] = l
	r.mu.Unlock()
	return l
}

// writePlain writes code escaped, without highlighting.
func writePlain(w util.BufWriter, lang []byte, code string) {
	_, _ = w.WriteString("<pre><code")
	if len(lang) > 0 {
		_, _ = w.WriteString(` class="language-`)
		writeEscapedBytes(w, lang)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	writeEscaped(w, code)
	_, _ = w.WriteString("</code></pre>\n")
}

// language returns the first word of the info string, nil when there is none.
func language(n *ast.FencedCodeBlock, src []byte) []byte {
	if n.Info == nil {
		return nil
	}
	info := n.Info.Segment.Value(src)
	for i, c := range info {
		if c == ' ' || c == '\t' || c == '{' {
			return info[:i]
		}
	}
	return info
}

// appendCode appends the contents of the block to buf. Lines indented
// inside a list carry padding for tabs goldmark expanded; it is written back
// as spaces.
func appendCode(buf []byte, n *ast.FencedCodeBlock, src []byte) []byte {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		for range seg.Padding {
			buf = append(buf, ' ')
		}
		buf = append(buf, src[seg.Start:seg.Stop]...)
	}
	return buf
}

// stringWriter is what the escaping functions write to: the page's output
// or a block's buffer.
type stringWriter interface {
	io.Writer
	io.StringWriter
}

// writeEscaped writes s with &, <, > and " escaped, in runs, without
// allocating.
func writeEscaped(w stringWriter, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if esc := escape(s[i]); esc != "" {
			_, _ = w.WriteString(s[last:i])
			_, _ = w.WriteString(esc)
			last = i + 1
		}
	}
	_, _ = w.WriteString(s[last:])
}

// writeEscapedBytes is writeEscaped for a byte slice.
func writeEscapedBytes(w stringWriter, s []byte) {
	last := 0
	for i, c := range s {
		if esc := escape(c); esc != "" {
			_, _ = w.Write(s[last:i])
			_, _ = w.WriteString(esc)
			last = i + 1
		}
	}
	_, _ = w.Write(s[last:])
}

func escape(c byte) string {
	switch c {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '"':
		return "&quot;"
	}
	return ""
}
