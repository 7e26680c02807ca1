package shortcode

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/diag"
)

// Options configures Parse. The zero value parses a body that starts on
// line 1 with the default limits.
type Options struct {
	FirstLine int // the file line of the body's first line; below 1 counts as 1

	// TakesInner reports whether the named shortcode's template uses its
	// inner content (Hugo's rule for whether it needs a closing tag); nil
	// when the templates are not known, and then an opening tag is paired
	// when a closing tag follows.
	TakesInner func(name string) bool

	// Known, when set with TakesInner, reports whether a shortcode of the
	// name exists; one that does not is paired as without TakesInner, so
	// that an unknown shortcode gets one error (from the expander), not a
	// second about its tags.
	Known func(name string) bool

	MaxDepth    int // 0 means DefaultMaxDepth
	MaxArgBytes int // 0 means DefaultMaxArgBytes
	MaxArgs     int // 0 means DefaultMaxArgs
}

// The default limits.
const (
	DefaultMaxDepth    = 32
	DefaultMaxArgBytes = 64 << 10
	DefaultMaxArgs     = 64
)

func (o Options) maxDepth() int    { return orDefault(o.MaxDepth, DefaultMaxDepth) }
func (o Options) maxArgBytes() int { return orDefault(o.MaxArgBytes, DefaultMaxArgBytes) }
func (o Options) maxArgs() int     { return orDefault(o.MaxArgs, DefaultMaxArgs) }

// decides reports whether TakesInner decides how name's tags pair.
func (o Options) decides(name string) bool {
	return o.TakesInner != nil && (o.Known == nil || o.Known(name))
}

func orDefault(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// Parse returns the nodes of body and every problem in it, as *diag.Error
// values joined and sorted by place; the nodes are the best reading of the
// body even when there are problems.
func Parse(body []byte, opts Options) ([]Node, error) {
	return parseWith(body, opts, &codeFinder{body: body})
}

// parseWith is Parse, telling code by code.
func parseWith(body []byte, opts Options, code *codeFinder) ([]Node, error) {
	if !hasTag(body) {
		return textNodes(body, opts.FirstLine), nil
	}
	pos := newPositions(body, opts.FirstLine)
	l := &lexer{src: body, pos: pos, opts: opts}
	b := &builder{lexer: l, stack: []*frame{{}}}
	b.run(code)
	nodes := b.finish()
	errs := make([]*diag.Error, len(l.errs))
	for i, e := range l.errs {
		p := pos.at(e.offset)
		errs[i] = &diag.Error{Line: p.Line, Col: p.Col, Msg: e.msg}
	}
	return nodes, diag.SortJoin(errs)
}

// hasTag reports whether body may hold a tag at all.
func hasTag(body []byte) bool {
	return bytes.Contains(body, []byte("{{<")) || bytes.Contains(body, []byte("{{%"))
}

func textNodes(body []byte, firstLine int) []Node {
	if len(body) == 0 {
		return nil
	}
	return []Node{Text{Position: Position{Line: max(firstLine, 1), Col: 1}, Value: string(body)}}
}

// frame is a shortcode waiting for its closing tag (the root frame has none)
// and the nodes read since it opened.
type frame struct {
	sc      *Shortcode
	openEnd int // the offset after the opening tag
	nodes   []Node
}

// crossed records a shortcode that was left unclosed because an enclosing
// one closed first, to explain its closing tag if one comes later.
type crossed struct {
	sc    *Shortcode
	outer string
}

// builder turns the tags of a body into a tree.
type builder struct {
	*lexer
	stack   []*frame
	text    int // start of the text not yet added
	crossed []crossed
}

// run reads the body, tag by tag, skipping code.
func (b *builder) run(code *codeFinder) {
	i := 0
	for {
		j := nextTag(b.src, i, code)
		if j < 0 {
			return
		}
		t, ok := b.lexTag(j)
		if !ok {
			return // the rest of the body is text
		}
		b.addText(j)
		if !b.add(t) {
			return
		}
		b.text, i = t.end, t.end
	}
}

// nextTag returns the offset of the next "{{<" or "{{%" at or after i that
// is not in code, or -1.
func nextTag(src []byte, i int, code *codeFinder) int {
	for i < len(src) {
		j := bytes.Index(src[i:], []byte("{{"))
		if j < 0 {
			return -1
		}
		j += i
		if j+2 < len(src) && (src[j+2] == '<' || src[j+2] == '%') {
			if end, in := code.around(j); in {
				i = end
				continue
			}
			return j
		}
		i = j + 1
	}
	return -1
}

// addText adds the text from the end of the last tag to end.
func (b *builder) addText(end int) {
	if end > b.text {
		b.top().nodes = append(b.top().nodes, Text{Position: b.pos.at(b.text), Value: string(b.src[b.text:end])})
	}
}

func (b *builder) top() *frame { return b.stack[len(b.stack)-1] }

// add places tag t in the tree; false when parsing must stop (too deep).
func (b *builder) add(t tag) bool {
	if t.isLiteral {
		b.top().nodes = append(b.top().nodes, Text{Position: b.pos.at(t.start), Value: t.literal})
		return true
	}
	if t.name == "" { // no name: reported, and kept as text
		b.top().nodes = append(b.top().nodes, Text{Position: b.pos.at(t.start), Value: string(b.src[t.start:t.end])})
		return true
	}
	if t.closing {
		b.close(t)
		return true
	}
	sc := &Shortcode{
		Position: b.pos.at(t.start), Name: t.name, Markdown: t.markdown,
		Args: t.args, Named: t.named, SelfClosed: t.selfClosed, End: t.end,
	}
	for i := range sc.Args {
		sc.Args[i].Position = b.pos.at(sc.Args[i].Offset)
	}
	if t.selfClosed || (b.opts.decides(t.name) && !b.opts.TakesInner(t.name)) {
		b.top().nodes = append(b.top().nodes, sc)
		return true
	}
	if len(b.stack) > b.opts.maxDepth() {
		b.errorf(t.start, "shortcodes nested more than %d deep", b.opts.maxDepth())
		b.text = t.start
		return false
	}
	b.stack = append(b.stack, &frame{sc: sc, openEnd: t.end})
	return true
}

// close matches a closing tag with the innermost open shortcode of its name.
func (b *builder) close(t tag) {
	i := len(b.stack) - 1
	for i > 0 && b.stack[i].sc.Name != t.name {
		i--
	}
	if i == 0 {
		b.unmatched(t)
		return
	}
	for len(b.stack)-1 > i {
		b.leaveOpen(b.stack[i].sc.Name)
	}
	f := b.stack[i]
	b.stack = b.stack[:i]
	sc := f.sc
	sc.Paired, sc.Inner, sc.End = true, f.nodes, t.end
	sc.InnerStart, sc.InnerEnd = f.openEnd, t.start
	b.top().nodes = append(b.top().nodes, sc)
}

// leaveOpen pops the innermost shortcode, which was never closed, because
// an enclosing one (outer) closes: it is complete on its own, followed by
// what was read after it, unless its template needs a closing tag.
func (b *builder) leaveOpen(outer string) {
	f := b.top()
	b.stack = b.stack[:len(b.stack)-1]
	b.unclosed(f.sc)
	b.crossed = append(b.crossed, crossed{sc: f.sc, outer: outer})
	b.top().nodes = append(append(b.top().nodes, f.sc), f.nodes...)
}

// unclosed reports sc when its template needs a closing tag.
func (b *builder) unclosed(sc *Shortcode) {
	if b.opts.decides(sc.Name) {
		open, close := "{{<", ">}}"
		if sc.Markdown {
			open, close = "{{%", "%}}"
		}
		b.errorf(sc.Offset, "unclosed shortcode %q; want %s /%s %s", sc.Name, open, sc.Name, close)
	}
}

// unmatched reports a closing tag that closes nothing, and keeps it as
// text.
func (b *builder) unmatched(t tag) {
	b.top().nodes = append(b.top().nodes, Text{Position: b.pos.at(t.start), Value: string(b.src[t.start:t.end])})
	open, close := delimsOf(t.markdown)
	for k := len(b.crossed) - 1; k >= 0; k-- {
		if c := b.crossed[k]; c.sc.Name == t.name {
			b.errorf(t.start, "closing tag %s /%s %s crosses %q: %q was opened at %s, inside %q",
				open, t.name, close, c.outer, t.name, c.sc.Position, c.outer)
			return
		}
	}
	if b.opts.decides(t.name) && !b.opts.TakesInner(t.name) {
		b.errorf(t.start, "shortcode %q takes no inner content, but has a closing tag", t.name)
		return
	}
	b.errorf(t.start, "closing tag %s /%s %s has no opening tag", open, t.name, close)
}

func delimsOf(markdown bool) (open, close string) {
	if markdown {
		return "{{%", "%}}"
	}
	return "{{<", ">}}"
}

// finish adds the last text and leaves every shortcode still open
// unclosed, innermost first.
func (b *builder) finish() []Node {
	b.addText(len(b.src))
	for len(b.stack) > 1 {
		f := b.top()
		b.stack = b.stack[:len(b.stack)-1]
		b.unclosed(f.sc)
		b.top().nodes = append(append(b.top().nodes, f.sc), f.nodes...)
	}
	return b.stack[0].nodes
}

// positions maps byte offsets of a body to lines and columns of its file.
type positions struct {
	src       []byte
	firstLine int
	starts    []int // offset of the start of every line
}

func newPositions(src []byte, firstLine int) *positions {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &positions{src: src, firstLine: max(firstLine, 1), starts: starts}
}

func (p *positions) at(offset int) Position {
	offset = min(max(offset, 0), len(p.src))
	i := sort.SearchInts(p.starts, offset+1) - 1
	return Position{Offset: offset, Line: p.firstLine + i, Col: utf8.RuneCount(p.src[p.starts[i]:offset]) + 1}
}
