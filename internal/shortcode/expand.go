package shortcode

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/render"
)

// Templates finds and runs shortcode templates; *render.Renderer is one.
type Templates interface {
	Shortcode(name string) (file string, ok bool)
	Shortcodes() []string
	ExecuteWith(w io.Writer, file string, data any, memo *render.Memo) error
	Set(file string) (render.Set, bool)
	FromTheme(file string) bool
}

// An Expander expands the shortcodes of pages with one set of templates.
// It is safe for concurrent use.
type Expander struct {
	t       Templates
	names   []string            // every shortcode, sorted: for did-you-mean
	inner   map[string]bool     // the shortcodes whose template reads .Inner
	checked map[string]*Builtin // the built-ins whose template is the theme's: their arguments are checked
}

// NewExpander returns an Expander over t, having looked once at every
// shortcode template to learn which ones take inner content and which
// built-ins run the theme's template, whose arguments it checks.
func NewExpander(t Templates) *Expander {
	x := &Expander{t: t, names: t.Shortcodes(), inner: map[string]bool{}, checked: map[string]*Builtin{}}
	for _, name := range x.names {
		file, _ := t.Shortcode(name)
		if set, ok := t.Set(file); ok && readsInner(set, file) {
			x.inner[name] = true
		}
		if b, ok := builtin(name); ok && t.FromTheme(file) {
			x.checked[name] = b
		}
	}
	return x
}

// Options returns the Options to Parse a body with, that starts on line
// firstLine of its file: pairing follows the templates.
func (x *Expander) Options(firstLine int) Options {
	return Options{FirstLine: firstLine, TakesInner: x.TakesInner, Known: x.known}
}

// TakesInner reports whether the template of shortcode name reads .Inner,
// so that its opening tag needs a closing one (Hugo's rule).
func (x *Expander) TakesInner(name string) bool { return x.inner[name] }

func (x *Expander) known(name string) bool {
	_, ok := slices.BinarySearch(x.names, name)
	return ok
}

// Page is the page whose body is expanded.
type Page struct {
	File       string // "content/jobs/x.md": for .Position and errors
	Page, Site any    // .Page and .Site in the templates

	// Language is the code of the page's language ("de"): T and the
	// format functions of the shortcodes write in it (Context.LanguageCode).
	Language string

	// Images is the record of the body's images, in which the template
	// function image opens them (Context.ImageUses); nil when the body's
	// images are not processed.
	Images *images.Uses

	// Memo keeps the output of partials that the shortcodes' templates
	// run on the values it accepts (render.Memo); nil keeps none.
	Memo *render.Memo
}

// Expansion is the result of Expand.
type Expansion struct {
	Markdown   []byte   // the body to convert, placeholders in it
	Shortcodes []string // the names of every shortcode the body uses, sorted, unknown ones too

	prefix  string   // of the placeholders; "" when there are none
	outputs []string // by placeholder index, placeholders in them replaced
	shifts  []shift  // where {{% %}} output has more lines than its source
}

// shift records a {{% %}} shortcode whose output has by lines more than
// its source and ends on Markdown line at, after shifts of before lines.
type shift struct{ at, by, before int }

// Line returns the line of the file that line n of Markdown (counted
// from the same first line as the body) comes from: n itself, unless
// {{% %}} output above it has more lines than its source. A line of such
// output past its source's last line maps to that last line.
func (e *Expansion) Line(n int) int {
	for i := len(e.shifts) - 1; i >= 0; i-- {
		s := e.shifts[i]
		switch {
		case n > s.at:
			return n - s.before - s.by
		case n > s.at-s.by:
			return s.at - s.by - s.before
		}
	}
	return n
}

// Expand runs the shortcodes of body, whose nodes Parse returned, and
// returns the Markdown to convert and what to replace after. The error
// joins, as *diag.Error values in p.File sorted by place, every unknown
// shortcode and every template that failed; the Expansion is complete
// even then, a failed shortcode's output empty.
func (x *Expander) Expand(body []byte, nodes []Node, p Page) (*Expansion, error) {
	if len(nodes) == 0 || (len(nodes) == 1 && !hasShortcode(nodes)) {
		return &Expansion{Markdown: body}, nil // Parse found no tag
	}
	r := &run{x: x, page: p, body: body, used: map[string]bool{}, e: &Expansion{}}
	if hasShortcode(nodes) { // else only the comment form: no placeholders
		r.e.prefix = choosePrefix(body, nodes)
	}
	var md bytes.Buffer
	md.Grow(len(body) + len(body)/8)
	r.top(&md, nodes)
	r.e.Markdown = md.Bytes()
	for name := range r.used {
		r.e.Shortcodes = append(r.e.Shortcodes, name)
	}
	slices.Sort(r.e.Shortcodes)
	return r.e, diag.SortJoin(r.errs)
}

func hasShortcode(nodes []Node) bool {
	return slices.ContainsFunc(nodes, func(n Node) bool {
		_, ok := n.(*Shortcode)
		return ok
	})
}

// run is one Expand.
type run struct {
	x    *Expander
	page Page
	body []byte
	e    *Expansion
	used map[string]bool
	errs []*diag.Error
}

// top writes the Markdown of the page's nodes, keeping lines: a {{< >}}
// shortcode becomes its placeholder and a filler after each line break
// of its source; a {{% %}} one becomes its output, with fillers after it
// for the lines its source has more.
func (r *run) top(w *bytes.Buffer, nodes []Node) {
	for _, n := range nodes {
		switch n := n.(type) {
		case Text:
			w.WriteString(n.Value)
		case *Shortcode:
			out := r.expand(n, nil)
			lines := bytes.Count(r.body[n.Offset:n.End], []byte("\n"))
			if !n.Markdown {
				out = r.e.placeholder(r.add(out))
			}
			w.WriteString(out)
			extra := strings.Count(out, "\n") - lines
			r.fill(w, -extra, strings.HasSuffix(out, "\n"))
			if extra > 0 {
				r.shifted(n.Line+lines, extra)
			}
		}
	}
}

// shifted records that output ending on the file's line end, after
// shifts so far, has extra lines more than its source.
func (r *run) shifted(end, extra int) {
	before := 0
	if k := len(r.e.shifts); k > 0 {
		before = r.e.shifts[k-1].before + r.e.shifts[k-1].by
	}
	r.e.shifts = append(r.e.shifts, shift{at: end + before + extra, by: extra, before: before})
}

// fill writes n fillers, each on a line of its own.
func (r *run) fill(w *bytes.Buffer, n int, atLineStart bool) {
	for range n {
		if atLineStart {
			w.WriteString(r.e.filler() + "\n")
		} else {
			w.WriteString("\n" + r.e.filler())
		}
	}
}

// add keeps an output and returns its index.
func (r *run) add(out string) int {
	r.e.outputs = append(r.e.outputs, out)
	return len(r.e.outputs) - 1
}

// inner returns the text of nodes, inside the shortcode of parent, with
// their shortcodes expanded: .Inner.
func (r *run) inner(nodes []Node, parent *Context) string {
	var b strings.Builder
	for _, n := range nodes {
		switch n := n.(type) {
		case Text:
			b.WriteString(n.Value)
		case *Shortcode:
			out := r.expand(n, parent)
			if !n.Markdown {
				out = r.e.placeholder(r.add(out))
			}
			b.WriteString(out)
		}
	}
	return b.String()
}

// expand runs the shortcodes inside sc, then sc's template, and returns
// its output, without the line breaks it ends with; "" on error. The
// output of a {{< >}} shortcode is HTML and has the outputs of those
// inside it in place of their placeholders.
func (r *run) expand(sc *Shortcode, parent *Context) string {
	r.used[sc.Name] = true
	b := r.x.checked[sc.Name]
	// A built-in's .Params are its checked arguments, set below; they
	// are made before only when a shortcode inside can read them first
	// (.Parent.Params), as they were written.
	c := newContext(sc, parent, r.page, b == nil || hasShortcode(sc.Inner))
	inner := r.inner(sc.Inner, c)
	file, ok := r.x.t.Shortcode(sc.Name)
	if !ok {
		r.unknown(sc)
		return ""
	}
	if b != nil {
		args, errs := checkArgs(b, sc)
		if len(errs) > 0 {
			r.errs = append(r.errs, placeErrors(r.page.File, sc.Name, errs)...)
			return ""
		}
		c.setArgs(args)
	}
	if sc.Markdown {
		c.Inner = template.HTML(inner)
	} else {
		c.Inner = inner
	}
	out := buffers.Get().(*bytes.Buffer)
	defer giveBack(out)
	if err := r.x.t.ExecuteWith(out, file, c, r.page.Memo); err != nil {
		e := r.errorAt(sc, fmt.Sprintf("shortcode %q: %v", sc.Name, err), err)
		e.Fix = diag.FixOf(err) // a did-you-mean of the page or data file it asked for
		r.errs = append(r.errs, e)
		return ""
	}
	s := string(bytes.TrimRight(out.Bytes(), "\n"))
	if !sc.Markdown {
		s = r.e.htmlString(s)
	}
	return s
}

// The buffers templates run into are kept from one shortcode to the
// next: a salary table grew a new one from empty, page after page.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxKeptBuffer is the largest buffer kept, so that a rare huge output
// does not stay in memory for the rest of the build.
const maxKeptBuffer = 64 << 10

func giveBack(b *bytes.Buffer) {
	if b.Cap() <= maxKeptBuffer {
		b.Reset()
		buffers.Put(b)
	}
}

// unknown reports sc as a shortcode with no template.
func (r *run) unknown(sc *Shortcode) {
	msg := fmt.Sprintf("unknown shortcode %q", sc.Name)
	var fix *diag.Fix
	if s := decode.Suggest(sc.Name, r.x.names); s != "" {
		msg, fix = diag.DidYouMean(msg, sc.Name, s)
	} else {
		msg += fmt.Sprintf(" (no layouts/shortcodes/%s.html)", sc.Name)
	}
	e := r.errorAt(sc, msg, nil)
	e.Fix = fix
	r.errs = append(r.errs, e)
}

func (r *run) errorAt(sc *Shortcode, msg string, cause error) *diag.Error {
	return &diag.Error{File: r.page.File, Line: sc.Line, Col: sc.Col, Msg: msg, Err: cause}
}
