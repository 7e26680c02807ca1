package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/careersite/careersite/internal/diag"
)

// Renderer holds the parsed layouts of a site and its theme. It is safe for
// concurrent use.
type Renderer struct {
	files       *files
	pages       map[string]*page    // page templates by path
	partials    map[string]bool     // partial file names
	bindPartial bool                // partial is ours, not the caller's
	exec        map[string]ExecFunc // bound per execution (execfunc.go)
	goMoney     bool                // money.html is the default theme's, which money computes in Go (money.go)

	defined map[string]map[string]string // per page template: template name → the file that defined it (see Set)
}

// New parses every *.html file under layouts/ in site and in theme (both
// rooted at a site folder, so the paths are "layouts/…"); either may lack
// layouts/ or be nil. funcs are added to the built-in functions, replacing
// any of the same name. The error joins every parse error of every file.
func New(site, theme fs.FS, funcs template.FuncMap) (*Renderer, error) {
	f, err := readFiles(site, theme)
	if err != nil {
		return nil, err
	}
	fm := builtins()
	maps.Copy(fm, funcs)
	exec := execFuncs(fm)
	parsed, err := parseAll(f, fm)
	if err != nil {
		return nil, err
	}
	r := &Renderer{
		files:       f,
		pages:       map[string]*page{},
		partials:    map[string]bool{},
		bindPartial: funcs["partial"] == nil,
		exec:        exec,
		goMoney:     f.src[moneyPartial] == themeMoney,
		defined:     map[string]map[string]string{},
	}
	base, err := r.partialSet(parsed, fm)
	if err != nil {
		return nil, err
	}
	for _, name := range sortedKeys(parsed) {
		if isPartial(name) || isBaseof(name) {
			continue
		}
		if r.pages[name], err = r.newPage(base, name, parsed); err != nil {
			return nil, err
		}
		r.defined[name] = r.definedIn(name, parsed)
	}
	return r, nil
}

// Execute runs the page template name (as returned by Find) with data and
// writes the output to w. On error, w may hold part of the output.
func (r *Renderer) Execute(w io.Writer, name string, data any) error {
	return r.ExecuteWith(w, name, data, nil)
}

// ExecuteWith is Execute with the partials that memo keeps taken from it,
// and the output of those it may keep put in it.
func (r *Renderer) ExecuteWith(w io.Writer, name string, data any, memo *Memo) error {
	p := r.pages[name]
	if p == nil {
		return fmt.Errorf("render: no page template %q", name)
	}
	if p.err != nil {
		return p.err
	}
	in, err := r.borrow(p)
	if err != nil {
		return err
	}
	defer p.giveBack(in)
	in.root, in.memo = data, memo
	if err := in.entry.Execute(w, data); err != nil {
		return r.files.execError(name, err)
	}
	if in.newlyEscaped {
		in.inline()
		in.newlyEscaped = false
	}
	return nil
}

// Render is ExecuteWith into a buffer kept between calls; it returns the
// output, in memory of its own. memo may be nil.
func (r *Renderer) Render(name string, data any, memo *Memo) ([]byte, error) {
	buf := borrowBuffer()
	defer giveBackBuffer(buf)
	if err := r.ExecuteWith(buf, name, data, memo); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

// partialSet returns the template set of all partials, which every page's
// set starts from, and records their names.
func (r *Renderer) partialSet(parsed map[string]*template.Template, fm template.FuncMap) (*template.Template, error) {
	base := template.New("").Funcs(fm)
	for _, name := range sortedKeys(parsed) {
		if !isPartial(name) {
			continue
		}
		r.partials[name] = true
		if err := addTrees(base, parsed[name]); err != nil {
			return nil, err
		}
	}
	return base, nil
}

// parseAll parses every file on its own, so that each file's error is
// reported, and returns the templates by path.
func parseAll(f *files, fm template.FuncMap) (map[string]*template.Template, error) {
	parsed := map[string]*template.Template{}
	var errs []*diag.Error
	for _, name := range sortedKeys(f.src) {
		t, err := template.New(name).Funcs(fm).Parse(f.src[name])
		if err != nil {
			errs = append(errs, f.parseError(name, err))
			continue
		}
		parsed[name] = t
	}
	return parsed, diag.SortJoin(errs)
}

// definedIn maps every template of page template name's set to the file
// that defined it, adding the files in the order New adds them to the set,
// so that a later file's {{define}} wins as it does there.
func (r *Renderer) definedIn(name string, parsed map[string]*template.Template) map[string]string {
	files := sortedKeys(r.partials)
	if p := r.pages[name]; p.entry != name {
		files = append(files, p.entry)
	}
	files = append(files, name)
	defined := map[string]string{}
	for _, file := range files {
		for _, t := range parsed[file].Templates() {
			if t.Tree != nil {
				defined[t.Name()] = file
			}
		}
	}
	return defined
}

// addTrees adds the templates of one parsed file (the file itself and its
// {{define}} blocks) to set, replacing templates of the same name. The parse
// trees are shared, not copied: only clones (see instance), which copy them,
// are ever executed, and execution is what changes a tree (html/template
// escapes it in place).
func addTrees(set, file *template.Template) error {
	for _, t := range file.Templates() {
		if t.Tree == nil {
			continue
		}
		if _, err := set.AddParseTree(t.Name(), t.Tree); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// page is one page template, ready to run.
type page struct {
	entry string             // the template to execute: the page itself, or its base template
	set   *template.Template // partials, base template, page; never executed, only cloned
	err   error              // when set, executing the page fails with it

	inlinable map[string]bool // partial files whose calls may become template actions (inline.go)

	mu   sync.Mutex
	free []*instance
}

// newPage builds the template set of page template name: a clone of base
// (the partials) plus, for a page made only of {{define}} blocks, its base
// template, and then the page itself so that its blocks replace the base
// template's defaults.
func (r *Renderer) newPage(base *template.Template, name string, parsed map[string]*template.Template) (*page, error) {
	set, err := base.Clone()
	if err != nil {
		return nil, err
	}
	p := &page{entry: name, set: set}
	if parse.IsEmptyTree(parsed[name].Tree.Root) {
		b := r.files.baseofFor(name)
		if b == "" {
			p.err = &diag.Error{File: name, Line: 1, Col: 1, Msg: fmt.Sprintf(
				"the file has only {{define}} blocks but no base template to run in (looked for %s)",
				strings.Join(baseofCandidates(name), ", "))}
			return p, nil
		}
		if err := addTrees(set, parsed[b]); err != nil {
			return nil, err
		}
		p.entry = b
	}
	if err := addTrees(set, parsed[name]); err != nil {
		return nil, err
	}
	p.inlinable = r.inlinable(set)
	return p, nil
}

// An instance is a copy of a page's template set that one execution uses at
// a time. html/template gives a function no per-execution state, yet the
// partial depth limit needs some: a shared counter would mix up concurrent
// executions, and without a limit a partial that includes itself overflows
// the goroutine stack, which kills the process. So each execution borrows an
// instance, whose partial func counts its own depth, and gives it back. There
// are never more instances of a page than executions of it running at once;
// making one costs a Clone (a copy of the parse trees, no parsing).
type instance struct {
	r     *Renderer
	set   *template.Template
	entry *template.Template
	depth int              // partial calls in progress
	root  any              // the data of the execution
	memo  *Memo            // of the execution; nil: none
	bound template.FuncMap // the ExecFuncs as bound in the instance (execfunc.go)

	// The partial files of inlinable that have run through the partial
	// func, so are escaped, and whether one was added since the last
	// execution (inline.go).
	inlinable    map[string]bool // the page's: partial files whose calls may become template actions
	escaped      map[string]bool
	newlyEscaped bool
}

// borrow takes a free instance of p, or makes one.
func (r *Renderer) borrow(p *page) (*instance, error) {
	p.mu.Lock()
	if n := len(p.free); n > 0 {
		in := p.free[n-1]
		p.free = p.free[:n-1]
		p.mu.Unlock()
		return in, nil
	}
	p.mu.Unlock()
	set, err := p.set.Clone()
	if err != nil {
		return nil, err
	}
	in := &instance{r: r, set: set, entry: set.Lookup(p.entry)}
	if r.bindPartial {
		set.Funcs(template.FuncMap{"partial": in.partial, "money": in.money})
		in.inlinable, in.escaped = p.inlinable, map[string]bool{}
	}
	in.bindExec()
	return in, nil
}

// giveBack returns a borrowed instance to p.
func (p *page) giveBack(in *instance) {
	in.depth, in.root, in.memo = 0, nil, nil
	p.mu.Lock()
	p.free = append(p.free, in)
	p.mu.Unlock()
}
