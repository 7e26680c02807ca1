package render

import "html/template"

// An ExecFunc, given to New among the funcs, is a template function that
// knows the data of the execution it runs in: the page a page template
// renders, a shortcode's data. html/template gives a function no
// per-execution state, so each execution binds the function that
// ExecFunc returns for its data in its own instance (see instance), as
// the partial depth limit does. ExecFunc(nil) is the function templates
// are parsed with; whatever it returns for any data must be a function
// of the same signature.
//
// The template function image uses one: a page's bundle is looked in
// first, and the files it names are published with the page.
type ExecFunc func(data any) any

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

// bindExec binds the ExecFuncs of the Renderer for the execution of in
// with data.
func (in *instance) bindExec(data any) {
	if len(in.r.exec) == 0 {
		return
	}
	fm := make(template.FuncMap, len(in.r.exec))
	for name, ef := range in.r.exec {
		fm[name] = ef(data)
	}
	in.set.Funcs(fm)
	in.bound = fm
}
