package hugoimport

import (
	"cmp"
	"reflect"
	"slices"
	"text/template/parse"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/shortcode"
)

// A shortcode template that parses may still read what careersite's
// shortcodes do not have: .Page.RenderString, .Page.GetPage, .Ordinal.
// fieldProblem finds the first such read among the chains whose meaning
// is certain: those from the context at the top of the template (outside
// with and range, which move the dot) and those from $ anywhere. What
// careersite gives is read from its types: the context is a
// shortcode.Context, .Page a content.Page; .Site is the few fields and
// two lookups below (docs/templates.md, Shortcodes).

// siteFields are what .Site has in a shortcode.
var siteFields = []string{"Title", "BaseURL", "Language", "Description", "Params", "Data", "GetPage", "SalaryTable"}

// fieldProblem returns the first chain data reads that careersite lacks
// (".Page.RenderString"), "" when there is none or the template does not
// parse.
func fieldProblem(name string, data []byte) string {
	t := parse.New(name)
	t.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := t.Parse(string(data), "{{", "}}", trees); err != nil {
		return ""
	}
	for _, tr := range trees {
		if tr.Root == nil {
			continue
		}
		if p := walkFields(tr.Root, true); p != "" {
			return p
		}
	}
	return ""
}

// walkFields checks the chains under n; top says that the dot is the
// shortcode's context.
func walkFields(n parse.Node, top bool) string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return ""
		}
		for _, c := range n.Nodes {
			if p := walkFields(c, top); p != "" {
				return p
			}
		}
	case *parse.ActionNode:
		return walkFields(n.Pipe, top)
	case *parse.TemplateNode:
		return walkFields(n.Pipe, top)
	case *parse.PipeNode:
		if n == nil {
			return ""
		}
		for _, c := range n.Cmds {
			if p := walkFields(c, top); p != "" {
				return p
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if p := walkFields(a, top); p != "" {
				return p
			}
		}
	case *parse.IfNode:
		return firstOf(walkFields(n.Pipe, top), walkFields(n.List, top), walkFields(n.ElseList, top))
	case *parse.WithNode:
		return firstOf(walkFields(n.Pipe, top), walkFields(n.List, false), walkFields(n.ElseList, top))
	case *parse.RangeNode:
		return firstOf(walkFields(n.Pipe, top), walkFields(n.List, false), walkFields(n.ElseList, top))
	case *parse.FieldNode:
		if top {
			return chainProblem(n.Ident)
		}
	case *parse.VariableNode:
		if len(n.Ident) > 1 && n.Ident[0] == "$" {
			return chainProblem(n.Ident[1:])
		}
	}
	return ""
}

// chainProblem checks a chain of names read from the context.
func chainProblem(chain []string) string {
	if !has(reflect.TypeFor[*shortcode.Context](), chain[0]) {
		return "." + chain[0]
	}
	if len(chain) < 2 {
		return ""
	}
	switch chain[0] {
	case "Page":
		if !has(reflect.TypeFor[*content.Page](), chain[1]) {
			return ".Page." + chain[1]
		}
	case "Site":
		if !slices.Contains(siteFields, chain[1]) {
			return ".Site." + chain[1]
		}
	}
	return ""
}

// has reports whether values of t (a pointer to a struct) have an
// exported field or method called name.
func has(t reflect.Type, name string) bool {
	if _, ok := t.MethodByName(name); ok {
		return true
	}
	f, ok := t.Elem().FieldByName(name)
	return ok && f.IsExported()
}

func firstOf(ps ...string) string { return cmp.Or(ps...) }
