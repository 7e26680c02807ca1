package markdown

import (
	"fmt"
	"strings"
	"sync"

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
// shared by every Convert: its formatter is safe for concurrent use, and it
// never changes a lexer it looks up, because chroma's lexers are shared by
// the whole process.
type codeRenderer struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style                  // any style will do with classes; see newFormatter
	find      func(lang string) chroma.Lexer // lexers.Get; tests put in a failing lexer

	mu     sync.RWMutex
	lexers map[string]chroma.Lexer // by language as written, nil when chroma has none
}

func newCodeRenderer(find func(lang string) chroma.Lexer) *codeRenderer {
	return &codeRenderer{
		formatter: newFormatter(),
		style:     styles.Get(lightStyle),
		find:      find,
		lexers:    make(map[string]chroma.Lexer),
	}
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderFencedCode)
}

// reporter is what Convert's output offers beyond util.BufWriter: a way to
// undo a half-written block and report the failure. goldmark gives a
// NodeRenderer no other per-page state, and returning the error would stop
// the walk and lose the rest of the page.
type reporter interface {
	Len() int
	Truncate(n int)
	report(offset int, msg string)
}

func (r *codeRenderer) renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := language(n, src)
	code := codeOf(n, src)
	if lexer := r.lexer(lang); lexer != nil {
		rep, ok := w.(reporter)
		if !ok {
			return ast.WalkSkipChildren, r.highlight(w, lang, lexer, code)
		}
		mark := rep.Len()
		err := r.highlight(w, lang, lexer, code)
		if err == nil {
			return ast.WalkSkipChildren, nil
		}
		rep.Truncate(mark)
		rep.report(n.Pos(), fmt.Sprintf("highlighting %s code: %v", lang, err))
	}
	writePlain(w, lang, code)
	return ast.WalkSkipChildren, nil
}

// highlight writes code as a chroma block.
func (r *codeRenderer) highlight(w util.BufWriter, lang []byte, lexer chroma.Lexer, code string) (err error) {
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
		return err
	}
	_, _ = w.WriteString(`<pre class="chroma"><code class="language-`)
	writeEscapedBytes(w, lang)
	_, _ = w.WriteString(`">`)
	if err := r.formatter.Format(w, r.style, tokens); err != nil {
		return err
	}
	_, _ = w.WriteString("</code></pre>\n")
	return nil
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

// codeOf returns the contents of the block. Lines indented inside a list
// carry padding for tabs goldmark expanded; it is written back as spaces.
func codeOf(n *ast.FencedCodeBlock, src []byte) string {
	lines := n.Lines()
	size := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		size += seg.Padding + seg.Len()
	}
	var b strings.Builder
	b.Grow(size)
	for i := range lines.Len() {
		seg := lines.At(i)
		for range seg.Padding {
			b.WriteByte(' ')
		}
		b.Write(src[seg.Start:seg.Stop])
	}
	return b.String()
}

// writeEscaped writes s with &, <, > and " escaped, in runs, without
// allocating.
func writeEscaped(w util.BufWriter, s string) {
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
func writeEscapedBytes(w util.BufWriter, s []byte) {
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
