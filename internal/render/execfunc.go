package render

import "html/template"

// An ExecFunc, given to New among the funcs, is a template function that
// knows the data of the execution it runs in: the page a page template
// renders, a shortcode's data. html/template gives a function no
// per-execution state, so each instance (see instance), which one
// execution uses at a time, binds once, when it is made, the function
// that ExecFunc returns given a function that returns the data of the
// execution under way, as the partial depth limit counts its own depth.
// ExecFunc(nil) is the function templates are parsed with, never called;
// whatever ExecFunc returns must be a function of the same signature.
//
// The template function image uses one: a page's bundle is looked in
// first, and the files it names are published with the page.
type ExecFunc func(data func() any) any

// execFuncs takes the ExecFuncs out of funcs: they are returned by name,
// and funcs holds their functions for parsing instead.
func execFuncs(funcs template.FuncMap) map[string]ExecFunc {
	var out map[string]ExecFunc
	for name, f := range funcs {
		if ef, ok := f.(ExecFunc); ok {
			if out == nil {
				out = map[string]ExecFunc{}
			}
			out[name] = ef
			funcs[name] = ef(nil)
		}
	}
	return out
}

// bindExec binds the ExecFuncs of the Renderer in in, for every execution
// it will run: they read the data of the one under way (instance.root).
// Binding them for each execution instead cost a FuncMap and a closure of
// each, and html/template's Funcs, for each page and shortcode run.
func (in *instance) bindExec() {
	if len(in.r.exec) == 0 {
		return
	}
	data := func() any { return in.root }
	fm := make(template.FuncMap, len(in.r.exec))
	for name, ef := range in.r.exec {
		fm[name] = ef(data)
	}
	in.set.Funcs(fm)
	in.bound = fm
}
