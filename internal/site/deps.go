package site

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"

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
	asset  bool             // it calls asset
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

// analyzer analyses the page templates of one Renderer. Within the set of
// one page template, partials and named templates are analysed once per
// argument value. (Not across sets: a partial may call a template that
// each page template defines its own way.)
type analyzer struct {
	r    *render.Renderer
	set  string           // the page template whose set is being analysed
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

// walker walks one template execution: its variables and what it reads.
type walker struct {
	a    *analyzer
	set  render.Set
	d    *deps
	vars []binding
	mark []int
}

type binding struct {
	name string
	val  aval
}

func (w *walker) push() { w.mark = append(w.mark, len(w.vars)) }

func (w *walker) pop() {
	n := w.mark[len(w.mark)-1]
	w.mark = w.mark[:len(w.mark)-1]
	w.vars = w.vars[:n]
}

func (w *walker) declare(name string, v aval) { w.vars = append(w.vars, binding{name, v}) }

// assign joins v to what the variable may already hold: the analysis does
// not follow the order of assignments, so a variable holds everything it
// is ever given.
func (w *walker) assign(name string, v aval) {
	for i := len(w.vars) - 1; i >= 0; i-- {
		if w.vars[i].name == name {
			w.vars[i].val = union(w.vars[i].val, v)
			return
		}
	}
	w.declare(name, v)
}

func (w *walker) lookup(name string) aval {
	for i := len(w.vars) - 1; i >= 0; i-- {
		if w.vars[i].name == name {
			return w.vars[i].val
		}
	}
	return plainVal // an undefined variable does not parse
}

func (w *walker) list(l *parse.ListNode, dot aval) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		w.node(n, dot)
	}
}

func (w *walker) node(n parse.Node, dot aval) {
	switch n := n.(type) {
	case *parse.ActionNode:
		v := w.pipe(n.Pipe, dot)
		if len(n.Pipe.Decl) == 0 {
			w.print(v)
		}
	case *parse.IfNode:
		w.pipe(n.Pipe, dot)
		w.branch(n.List, dot)
		w.branch(n.ElseList, dot)
	case *parse.WithNode:
		w.push()
		v := w.pipe(n.Pipe, dot)
		w.list(n.List, v)
		w.pop()
		w.branch(n.ElseList, dot)
	case *parse.RangeNode:
		w.rangeNode(n, dot)
	case *parse.TemplateNode:
		arg := plainVal
		if n.Pipe != nil {
			arg = w.pipe(n.Pipe, dot)
		}
		w.d.merge(w.a.template(w.set, n.Name, arg))
	case *parse.ListNode:
		w.list(n, dot)
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	default:
		w.d.global = true // a node this analysis does not know
	}
}

func (w *walker) branch(l *parse.ListNode, dot aval) {
	w.push()
	w.list(l, dot)
	w.pop()
}

// rangeNode walks the body twice, so that what a variable is given in one
// iteration is seen by the uses before it in the next.
func (w *walker) rangeNode(n *parse.RangeNode, dot aval) {
	w.push()
	decl := n.Pipe.Decl
	v := w.pipeValue(n.Pipe, dot) // the variables are the elements, set below
	elem := w.elem(v)
	switch len(decl) {
	case 1:
		w.declare(decl[0].Ident[0], elem)
	case 2:
		w.declare(decl[0].Ident[0], plainVal)
		w.declare(decl[1].Ident[0], elem)
	}
	for range 2 {
		w.list(n.List, elem)
	}
	w.pop()
	w.branch(n.ElseList, dot)
}

// elem is what ranging over v gives.
func (w *walker) elem(v aval) aval {
	var out []aval
	for _, a := range v {
		switch a.kind {
		case kList:
			out = append(out, a.elem)
		case kDict:
			out = append(out, slices.Collect(maps.Values(a.dict))...)
		case kPlain:
			out = append(out, plainVal)
		default:
			out = append(out, aval{a}) // a path to a list stands for its elements
		}
	}
	return union(out...)
}

// print is an action's value written to the output.
func (w *walker) print(v aval) {
	if v.hasModel() {
		w.d.global = true // a model object printed whole shows everything it holds
	}
}

// pipe evaluates a pipeline and declares or assigns its variables.
func (w *walker) pipe(p *parse.PipeNode, dot aval) aval {
	if p == nil {
		return plainVal
	}
	v := w.pipeValue(p, dot)
	for _, d := range p.Decl {
		if p.IsAssign {
			w.assign(d.Ident[0], v)
		} else {
			w.declare(d.Ident[0], v)
		}
	}
	return v
}

// pipeValue evaluates the commands of a pipeline.
func (w *walker) pipeValue(p *parse.PipeNode, dot aval) aval {
	var v aval
	for i, c := range p.Cmds {
		var final aval
		if i > 0 {
			final = v
		}
		v = w.command(c, dot, final, i > 0)
	}
	return v
}

// command evaluates one command; final is the value piped into it, when
// hasFinal.
func (w *walker) command(c *parse.CommandNode, dot, final aval, hasFinal bool) aval {
	args := make([]aval, 0, len(c.Args))
	for _, a := range c.Args[1:] {
		args = append(args, w.arg(a, dot))
	}
	if hasFinal {
		args = append(args, final)
	}
	switch n := c.Args[0].(type) {
	case *parse.IdentifierNode:
		return w.call(n.Ident, args)
	case *parse.FieldNode:
		return w.members(dot, n.Ident, args)
	case *parse.VariableNode:
		return w.members(w.lookup(n.Ident[0]), n.Ident[1:], args)
	case *parse.ChainNode:
		return w.members(w.arg(n.Node, dot), n.Field, args)
	}
	if len(args) > 0 {
		return plainVal // a constant given arguments does not run
	}
	return w.arg(c.Args[0], dot)
}

// arg evaluates an argument.
func (w *walker) arg(n parse.Node, dot aval) aval {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.StringNode:
		return constVal(n.Text)
	case *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return plainVal
	case *parse.FieldNode:
		return w.members(dot, n.Ident, nil)
	case *parse.VariableNode:
		return w.members(w.lookup(n.Ident[0]), n.Ident[1:], nil)
	case *parse.ChainNode:
		return w.members(w.arg(n.Node, dot), n.Field, nil)
	case *parse.PipeNode:
		w.push()
		defer w.pop()
		return w.pipe(n, dot)
	case *parse.IdentifierNode:
		return w.call(n.Ident, nil)
	}
	w.d.global = true
	return plainVal
}

// members follows a chain of member names from v; args go to the last.
func (w *walker) members(v aval, names []string, args []aval) aval {
	for i, name := range names {
		var a []aval
		if i == len(names)-1 {
			a = args
		}
		v = w.member(v, name, a)
	}
	if len(names) == 0 && len(args) > 0 {
		return plainVal // a variable given arguments does not run
	}
	return v
}

// member reads the member name of every atom of v.
func (w *walker) member(v aval, name string, args []aval) aval {
	var out []aval
	for _, a := range v {
		out = append(out, w.atomMember(a, name, args))
	}
	return union(out...)
}

func (w *walker) atomMember(a *atom, name string, args []aval) aval {
	switch a.kind {
	case kPlain:
		return plainVal
	case kDict:
		if v, ok := a.dict[name]; ok {
			return v
		}
		if v, ok := a.dict["*"]; ok {
			return union(v, plainVal)
		}
		return plainVal
	case kList:
		return plainVal // a slice has no members: an error when run
	}
	m, ok := models[a.kind].members[name]
	if !ok {
		return w.unknownMember(a, name)
	}
	for _, arg := range args {
		if arg.hasModel() {
			w.d.global = true // a model object given to a method
		}
	}
	if m.to == kPlain {
		w.d.record(a.path, m.group)
		return plainVal
	}
	s := step{name: name}
	if m.method && len(args) > 0 {
		if c, ok := args[0].constString(); ok && len(args) == 1 {
			s.arg = c
		} else {
			s.any = true
		}
	}
	p := a.path.then(s)
	if m.to == kSite {
		p = depPath{site: true}
	}
	if m.to != kSite {
		w.d.record(p, 0)
	}
	return aval{{kind: m.to, path: p}}
}

// unknownMember handles a member the table of members.go does not list (one added
// to the model since): a field of plain data on a page is in gOther;
// anything else may read other objects.
func (w *walker) unknownMember(a *atom, name string) aval {
	t := models[a.kind].typ
	if f, ok := t.Elem().FieldByName(name); ok && f.IsExported() && a.kind == kPage && !reachesModel(f.Type) {
		w.d.record(a.path, gOther)
		return plainVal
	}
	if _, ok := t.MethodByName(name); ok {
		w.d.global = true
		return plainVal
	}
	if _, ok := t.Elem().FieldByName(name); ok {
		w.d.global = true
		return plainVal
	}
	return plainVal // no such member: an error when run
}

// call evaluates a function call.
func (w *walker) call(name string, args []aval) aval {
	switch name {
	case "partial":
		return w.partial(args)
	case "dict":
		return w.dict(args)
	case "list":
		return aval{{kind: kList, elem: union(args...)}}
	case "and", "or", "default":
		return union(args...)
	case "first":
		if len(args) == 2 {
			return args[1]
		}
		return plainVal
	case "index":
		return w.index(args)
	case "slice":
		if len(args) > 0 {
			return args[0]
		}
		return plainVal
	case "not", "len", "eq", "ne", "lt", "le", "gt", "ge":
		// They tell only which objects they were given, and how many:
		// their identities, which every path records.
		return plainVal
	case "asset":
		w.d.asset = true
		return plainVal
	case "html", "js", "urlquery", "print", "printf", "println",
		"join", "lower", "upper", "dateFormat", "isoDate", "number", "add", "sub",
		"relURL", "absURL", "slugify", "careerPathSVG":
		for _, a := range args {
			if a.hasModel() {
				w.d.global = true // formats a model object whole
			}
		}
		return plainVal
	}
	w.d.global = true // call, or a function this analysis does not know
	return plainVal
}

func (w *walker) partial(args []aval) aval {
	if len(args) == 0 || len(args) > 2 {
		return plainVal // an error when run
	}
	name, ok := args[0].constString()
	file, found := w.a.r.PartialFile(name)
	if !ok || !found {
		w.d.global = true
		for _, f := range w.a.r.Partials() {
			w.d.files[f] = true
		}
		return plainVal
	}
	data := plainVal
	if len(args) == 2 {
		data = args[1]
	}
	w.d.merge(w.a.template(w.set, file, data))
	return plainVal
}

func (w *walker) dict(args []aval) aval {
	d := map[string]aval{}
	for i := 0; i+1 < len(args); i += 2 {
		k, ok := args[i].constString()
		if !ok {
			k = "*"
		}
		d[k] = union(d[k], args[i+1])
	}
	return aval{{kind: kDict, dict: d}}
}

func (w *walker) index(args []aval) aval {
	if len(args) == 0 {
		return plainVal
	}
	var out []aval
	for _, a := range args[0] {
		switch a.kind {
		case kDict:
			k, ok := aval(nil), false
			if len(args) == 2 {
				var c string
				if c, ok = args[1].constString(); ok {
					k = a.dict[c]
					if v, some := a.dict["*"]; some {
						k = union(k, v)
					}
				}
			}
			if !ok {
				k = union(slices.Collect(maps.Values(a.dict))...)
			}
			out = append(out, union(k, plainVal))
		case kList:
			out = append(out, a.elem)
		default:
			out = append(out, w.elem(aval{a}))
		}
	}
	return union(out...)
}

// reachesModel reports whether a value of type t may hold a model object.
func reachesModel(t reflect.Type) bool {
	return reaches(t, map[reflect.Type]bool{})
}

func reaches(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if slices.Contains(modelTypes, t) {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		return reaches(t.Elem(), seen)
	case reflect.Map:
		return reaches(t.Key(), seen) || reaches(t.Elem(), seen)
	case reflect.Struct:
		for f := range t.Fields() {
			if reaches(f.Type, seen) {
				return true
			}
		}
	case reflect.Interface, reflect.Func:
		return true // could hold anything
	}
	return false
}
