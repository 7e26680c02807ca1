package deps

import (
	"maps"
	"reflect"
	"slices"
	"text/template/parse"

	"github.com/careersite/careersite/internal/render"
)

// This file is the abstract interpreter itself: a walk of one template's
// parse tree with the abstract value of dot and of every variable, which
// records in a deps what the execution could read (analysis.go).

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
	case "money":
		return w.money(args)
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
	case "asset", "image":
		// image reads an image of assets/ or of a page's bundle: the
		// asset table and the resources' digests (Inputs.Assets).
		w.d.asset = true
		return plainVal
	case "html", "js", "urlquery", "print", "printf", "println",
		"join", "lower", "upper", "dateFormat", "isoDate", "number", "add", "sub",
		"relURL", "absURL", "slugify", "careerPathSVG",
		// The strings and formats of the page's language: the page's
		// language is in its own digest, the strings in every key
		// (internal/site's configDigest).
		"T", "formatDate", "formatNumber", "formatMoney":
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

// money is render's money function: partial "money.html" on a dict of
// its arguments, which is what it runs when the partial is not the
// theme's, and reads the same when it is.
func (w *walker) money(args []aval) aval {
	keys := []string{"amount", "currency", "max", "per"}
	if len(args) < 2 || len(args) > len(keys) {
		return plainVal // an error when run
	}
	var pairs []aval
	for i, a := range args {
		pairs = append(pairs, constVal(keys[i]), a)
	}
	return w.partial([]aval{constVal("money.html"), w.dict(pairs)})
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
