// Command floor is the least a careersite build could cost with our
// libraries: it reads every content/**/*.md file of a site, splits off the
// front matter at its "---" lines (without decoding it), converts the body
// with goldmark and chroma set up as internal/markdown sets them up (GFM,
// footnotes, definition lists, typographer, heading ids, chroma with CSS
// classes in a <pre class="chroma"><code class="language-x"> wrapper) and
// writes the HTML of each page to OUT/<path>/index.html. There are no
// templates, no site model, no list pages, feeds or link checks, and no
// cache of highlighted code: every block is tokenised. Pages are converted
// on all cores.
//
//	floor -src SITE -out DIR
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

func main() {
	src := flag.String("src", "", "the site folder, holding content/")
	out := flag.String("out", "", "the folder to write HTML into")
	flag.Parse()
	if *src == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: floor -src SITE -out DIR")
		os.Exit(2)
	}
	n, err := run(*src, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("converted %d pages\n", n)
}

func run(src, out string) (int, error) {
	root := filepath.Join(src, "content")
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	md := newMarkdown()
	work := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for file := range work {
				rel, _ := filepath.Rel(root, file)
				if err := convert(md, &buf, file, filepath.Join(out, strings.TrimSuffix(rel, ".md"), "index.html")); err != nil {
					errs <- err
				}
			}
		})
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	close(errs)
	return len(files), errors.Join(collect(errs)...)
}

func collect(errs <-chan error) []error {
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return all
}

func convert(md goldmark.Markdown, buf *bytes.Buffer, file, dest string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	buf.Reset()
	if err := md.Convert(body(data), buf); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dest, buf.Bytes(), 0o644)
}

// body returns data without its YAML front matter.
func body(data []byte) []byte {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return data
	}
	if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		return rest[i+len("\n---\n"):]
	}
	return data
}

func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithHeadingAttribute()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(newCodeRenderer(), 100))),
	)
}

// codeRenderer highlights fenced code blocks with chroma, as
// internal/markdown does but without its cache.
type codeRenderer struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
	lexers    sync.Map // language → chroma.Lexer, nil when unknown
}

func newCodeRenderer() *codeRenderer {
	return &codeRenderer{
		formatter: chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true)),
		style:     styles.Get("github"),
	}
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func (r *codeRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := string(n.Language(src))
	var code strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lexer := r.lexer(lang)
	if lexer == nil {
		fmt.Fprintf(w, "<pre><code>%s</code></pre>\n", htmlEscape(code.String()))
		return ast.WalkSkipChildren, nil
	}
	tokens, err := lexer.Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	fmt.Fprintf(w, `<pre class="chroma"><code class="language-%s">`, htmlEscape(lang))
	if err := r.formatter.Format(w, r.style, tokens); err != nil {
		return ast.WalkStop, err
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

func (r *codeRenderer) lexer(lang string) chroma.Lexer {
	if v, ok := r.lexers.Load(lang); ok {
		l, _ := v.(chroma.Lexer) // nil for a language chroma does not know
		return l
	}
	var l chroma.Lexer
	if lang != "" {
		if l = lexers.Get(lang); l != nil {
			l = chroma.Coalesce(l)
		}
	}
	r.lexers.Store(lang, l)
	return l
}

var htmlEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace
