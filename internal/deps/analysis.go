package deps

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/careersite/careersite/internal/render"
)

// This file works out, without running them, what the templates of a page
// template's set can read: which relations they follow from the page being
// rendered (its parent, its list's pages, related pages, its terms …), and
// which fields they read on the objects they reach. keys.go turns that into
// each output's dependency key.
//
// The analysis is an abstract interpretation of the parse trees: every
// expression gets an abstract value, a set of atoms, each standing for what
// the value may be at run time — a model object reached by a path of
// members from the page (or from .Site), plain data, a dict or list made in
// the template. Reading a member of a model object records a read: the
// path, and the group of fields read (digest.go), as the table of members.go says. Variables, with, range,
// partials (by name, with their argument's abstract value) and
// {{template}} calls are followed. Where a value could be anything the
// analysis cannot follow — a model object passed to a function it does not
// know, printed whole, a partial whose name is not a constant, a member it
// does not know — the set is marked global: its outputs depend on the whole
// site. Being wrong in that direction costs only time.

// kind is what an atom stands for.
type kind int

const (
	kPage      kind = iota // a *Page, or any element of a []*Page
	kSite                  // .Site
	kTaxonomy              // a *Taxonomy or an element of []*Taxonomy
	kTerm                  // a *Term or an element of []*Term
	kPaginator             // a *Paginator
	kPlain                 // data that reaches no model object: strings, numbers, career data, Params
	kDict                  // a map made by dict
	kList                  // a slice made by list
)

// A step is one move along a member of a model object.
type step struct {
	name string // the member: "Parent", "Terms"
	arg  string // a method's argument when it is a constant string
	any  bool   // the method has an argument that is not a constant: every value
}

func (s step) String() string {
	switch {
	case s.any:
		return s.name + "(*)"
	case s.arg != "":
		return s.name + "(" + s.arg + ")"
	}
	return s.name
}

// A depPath leads from the page being rendered, or from .Site, to objects.
type depPath struct {
	site  bool
	steps []step
}

func (p depPath) String() string {
	var b strings.Builder
	if p.site {
		b.WriteString("Site")
	} else {
		b.WriteString("Page")
	}
	for _, s := range p.steps {
		b.WriteString(".")
		b.WriteString(s.String())
	}
	return b.String()
}

func (p depPath) then(s step) depPath {
	return depPath{site: p.site, steps: append(slices.Clip(p.steps), s)}
}

// isSelf reports whether p is the page being rendered itself.
func (p depPath) isSelf() bool { return !p.site && len(p.steps) == 0 }

// maxSteps bounds paths: a template that follows more members in a row
// (or a partial that recurses along a relation) depends on everything.
const maxSteps = 8

// An atom is one thing an abstract value may be.
type atom struct {
	kind  kind
	path  depPath         // for model objects
	konst *string         // for a constant string
	dict  map[string]aval // for kDict; key "*" holds the values of keys that are not constants
	elem  aval            // for kList
}

// aval is an abstract value: the union of its atoms.
type aval []*atom

var plainVal = aval{{kind: kPlain}}

func constVal(s string) aval { return aval{{kind: kPlain, konst: &s}} }

func (a *atom) key() string {
	switch a.kind {
	case kPlain:
		if a.konst != nil {
			return fmt.Sprintf("%q", *a.konst)
		}
		return "plain"
	case kDict:
		var b strings.Builder
		b.WriteString("dict{")
		for _, k := range slices.Sorted(maps.Keys(a.dict)) {
			fmt.Fprintf(&b, "%q:%s,", k, a.dict[k].key())
		}
		b.WriteString("}")
		return b.String()
	case kList:
		return "list[" + a.elem.key() + "]"
	}
	return fmt.Sprintf("%d:%s", a.kind, a.path)
}

// key identifies the value, for memoising the analysis of a partial by its
// argument.
func (v aval) key() string {
	keys := make([]string, len(v))
	for i, a := range v {
		keys[i] = a.key()
	}
	slices.Sort(keys)
	return strings.Join(slices.Compact(keys), "|")
}

func union(vals ...aval) aval {
	var out aval
	seen := map[string]bool{}
	for _, v := range vals {
		for _, a := range v {
			if k := a.key(); !seen[k] {
				seen[k] = true
				out = append(out, a)
			}
		}
	}
	return out
}

// constString returns the constant a value surely is.
func (v aval) constString() (string, bool) {
	if len(v) == 1 && v[0].kind == kPlain && v[0].konst != nil {
		return *v[0].konst, true
	}
	return "", false
}

// hasModel reports whether the value may be a model object (or hold one).
func (v aval) hasModel() bool {
	for _, a := range v {
		switch a.kind {
		case kPlain:
		case kDict:
			for _, d := range a.dict {
				if d.hasModel() {
					return true
				}
			}
		case kList:
			if a.elem.hasModel() {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// A read is a path and the groups of fields read on the objects at its end.
// Group 0 means only which objects they are (their identity, nil-ness and
// number): what a with, an if, len or eq can tell.
type read struct {
	path   depPath
	key    string // path.String()
	groups group
}

// deps is what the template set of a page template can read.
type deps struct {
	global bool             // it may read anything: the whole site
	asset  bool             // it calls asset or image
	reads  map[string]*read // by depPath
	files  map[string]bool  // the layout files it runs
}

func newDeps() *deps {
	return &deps{reads: map[string]*read{}, files: map[string]bool{}}
}

func (d *deps) record(p depPath, g group) {
	if p.isSelf() {
		return // every output depends on all of its own page
	}
	if p.site && len(p.steps) == 0 {
		return // .Site's own fields come from site.yaml, part of every key
	}
	if len(p.steps) > maxSteps {
		d.global = true
		return
	}
	k := p.String()
	if r := d.reads[k]; r != nil {
		r.groups |= g
		return
	}
	d.reads[k] = &read{path: p, key: k, groups: g}
}

func (d *deps) merge(o *deps) {
	d.global = d.global || o.global
	d.asset = d.asset || o.asset
	for _, r := range o.reads {
		d.record(r.path, r.groups)
	}
	for f := range o.files {
		d.files[f] = true
	}
}

// sortedReads returns the reads by path, so that keys are made in one order.
func (d *deps) sortedReads() []*read {
	keys := slices.Sorted(maps.Keys(d.reads))
	out := make([]*read, len(keys))
	for i, k := range keys {
		out[i] = d.reads[k]
	}
	return out
}

// Templates are the analyses of the page templates of one Renderer, each
// made on first use. It is safe for use by many goroutines at once.
type Templates struct {
	mu    sync.Mutex
	r     *render.Renderer
	pages map[string]*Template
	a     *analyzer
}

// NewTemplates returns the analyses of r's page templates, none made yet.
func NewTemplates(r *render.Renderer) *Templates {
	return &Templates{r: r, pages: map[string]*Template{}, a: newAnalyzer(r)}
}

// A Template is what one page template's set can read, and the digest of
// its name and of the text of every layout file it runs.
type Template struct {
	deps   *deps
	reads  []*read // deps.reads by path
	digest Digest
}

// Page returns the analysis of page template name.
func (ts *Templates) Page(name string) *Template {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if t := ts.pages[name]; t != nil {
		return t
	}
	d := ts.a.page(name)
	h := NewHasher().Str(name)
	for _, f := range slices.Sorted(maps.Keys(d.files)) {
		h.Str(f).Str(ts.r.Source(f))
	}
	t := &Template{deps: d, reads: d.sortedReads(), digest: h.Sum()}
	ts.pages[name] = t
	return t
}

// ReadsOthersJSONLD reports whether the templates may read the structured
// data (.JSONLD) of a page other than the one being rendered: then the
// pipeline makes the structured data of every page before it renders.
func (t *Template) ReadsOthersJSONLD() bool { return t.deps.global || t.readsOthers(gDerived) }

// ReadsPaginator reports whether the templates read the .Paginator of the
// page being rendered, or may (their analysis cannot follow everything):
// only then is a list page cut into pagers (model.Paginates).
func (t *Template) ReadsPaginator() bool {
	if t.deps.global {
		return true
	}
	for _, r := range t.reads {
		if !r.path.site && len(r.path.steps) > 0 && r.path.steps[0].name == "Paginator" {
			return true
		}
	}
	return false
}

// readsOthers reports whether the templates read a field of group g of an
// object other than the page being rendered.
func (t *Template) readsOthers(g group) bool {
	for _, r := range t.reads {
		if r.groups&g != 0 {
			return true
		}
	}
	return false
}

// analyzer analyses the page templates of one Renderer. Within the set of
// one page template, partials and named templates are analysed once per
// argument value. (Not across sets: a partial may call a template that
// each page template defines its own way.)
type analyzer struct {
	r    *render.Renderer
	memo map[string]*deps // by "template|argument"; nil while in progress
}

func newAnalyzer(r *render.Renderer) *analyzer {
	return &analyzer{r: r, memo: map[string]*deps{}}
}

// page analyses page template name, run with the page being rendered as
// its data.
func (a *analyzer) page(name string) *deps {
	set, ok := a.r.Set(name)
	d := newDeps()
	if !ok {
		d.global = true
		return d
	}
	d.files[name] = true
	a.memo = map[string]*deps{}
	d.merge(a.template(set, set.Entry, aval{{kind: kPage}}))
	return d
}

// template analyses the template called name in set with data dot.
func (a *analyzer) template(set render.Set, name string, dot aval) *deps {
	tree := set.Trees[name]
	file := set.Files[name]
	key := name + "|" + dot.key()
	if d, ok := a.memo[key]; ok {
		if d == nil { // a template that calls itself: give up on precision
			d = newDeps()
			d.global = true
		}
		return d
	}
	a.memo[key] = nil
	d := newDeps()
	if tree == nil {
		d.global = true
	} else {
		if file != "" {
			d.files[file] = true
		}
		w := &walker{a: a, set: set, d: d}
		w.push()
		w.declare("$", dot)
		w.list(tree.Root, dot)
	}
	a.memo[key] = d
	return d
}
