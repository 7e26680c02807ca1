package render

import (
	"html/template"
	"text/template/parse"
)

// Inlining partials.
//
// A {{ partial "NAME" DATA }} action in HTML text is, once html/template
// has escaped it, the pipeline `partial "NAME" DATA | htmlescaper`: the
// partial runs in a template execution of its own, escaped for HTML text,
// and its output, template.HTML, is written unchanged. A {{ template FILE
// DATA }} action runs the same escaped tree in the caller's execution and
// writes the same bytes, without the reflective call of the partial func,
// the lookup and lock of ExecuteTemplate, a second execution state and a
// copy of the output. So an instance, once both trees are escaped, turns the
// one action into the other.
//
// Only what is certainly the same is rewritten: an action whose whole
// pipeline is that, in an escaped tree, calling a partial by a constant name
// that has run, escaped for HTML text, through the partial func of the same
// instance, and that cannot reach itself through partials called by
// constant names or {{template}} (a partial that may include itself keeps
// the partial func and its depth limit). A partial called by a name
// computed at run time, or whose output is piped on or used as a value,
// keeps the partial func. So does a call inside {{range}} on the element
// ({{ partial "card.html" . }}, or a variable the range declared): there a
// partial runs on one value after another, often on values it ran on
// before (the card of each page of a list), and the partial func takes
// those outputs from the execution's Memo (memo.go).

// htmlEscaper is the name html/template gives its escaper for HTML text.
const htmlEscaper = "_html_template_htmlescaper"

// partialCall returns the name and the data argument (nil when there is
// none) of a pipeline that is `partial "NAME" [DATA] | htmlescaper`.
func partialCall(pipe *parse.PipeNode) (name string, arg parse.Node, ok bool) {
	if pipe == nil || len(pipe.Decl) > 0 || len(pipe.Cmds) != 2 {
		return "", nil, false
	}
	call, esc := pipe.Cmds[0].Args, pipe.Cmds[1].Args
	if len(esc) != 1 || !isIdentifier(esc[0], htmlEscaper) {
		return "", nil, false
	}
	if len(call) < 2 || len(call) > 3 || !isIdentifier(call[0], "partial") {
		return "", nil, false
	}
	s, isString := call[1].(*parse.StringNode)
	if !isString {
		return "", nil, false
	}
	if len(call) == 3 {
		arg = call[2]
	}
	return s.Text, arg, true
}

func isIdentifier(n parse.Node, name string) bool {
	id, ok := n.(*parse.IdentifierNode)
	return ok && id.Ident == name
}

// inlinable returns the partial files of set that no chain of constant
// partial calls and {{template}} actions leads back to, and that call no
// partial by a computed name: the files whose calls may become template
// actions.
func (r *Renderer) inlinable(set *template.Template) map[string]bool {
	calls := map[string][]string{} // template name → the templates it may run
	dynamic := map[string]bool{}   // templates that call a partial by a computed name
	for _, t := range set.Templates() {
		if t.Tree == nil {
			continue
		}
		name := t.Name()
		walkNodes(t.Tree.Root, func(n parse.Node) bool {
			switch n := n.(type) {
			case *parse.TemplateNode:
				calls[name] = append(calls[name], n.Name)
			case *parse.CommandNode:
				if len(n.Args) > 0 && isIdentifier(n.Args[0], "money") {
					calls[name] = append(calls[name], moneyPartial) // when it runs the partial (money.go)
					return true
				}
				if len(n.Args) == 0 || !isIdentifier(n.Args[0], "partial") {
					return true
				}
				if len(n.Args) > 1 {
					if s, ok := n.Args[1].(*parse.StringNode); ok {
						if file, err := r.partialFile(s.Text); err == nil {
							calls[name] = append(calls[name], file)
						}
						return true
					}
				}
				dynamic[name] = true
			}
			return true
		})
	}
	out := map[string]bool{}
	for file := range r.partials {
		if set.Lookup(file) != nil && !reaches(calls, dynamic, file) {
			out[file] = true
		}
	}
	return out
}

// reaches reports whether start can run itself again, or run a template
// that calls a partial by a computed name, through calls.
func reaches(calls map[string][]string, dynamic map[string]bool, start string) bool {
	seen := map[string]bool{}
	stack := []string{start}
	for len(stack) > 0 {
		name := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if dynamic[name] {
			return true
		}
		for _, next := range calls[name] {
			if next == start {
				return true
			}
			if !seen[next] {
				seen[next] = true
				stack = append(stack, next)
			}
		}
	}
	return false
}

// walkNodes calls visit on every node of the tree under n, commands and
// the nodes of their pipelines included, but for the nodes under a node
// for which visit returns false.
func walkNodes(n parse.Node, visit func(parse.Node) bool) {
	if !visit(n) {
		return
	}
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walkNodes(c, visit)
		}
	case *parse.ActionNode:
		walkNodes(n.Pipe, visit)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			walkNodes(c, visit)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkNodes(a, visit)
		}
	case *parse.TemplateNode:
		if n.Pipe != nil {
			walkNodes(n.Pipe, visit)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(parse.Node) bool) {
	walkNodes(b.Pipe, visit)
	if b.List != nil {
		walkNodes(b.List, visit)
	}
	if b.ElseList != nil {
		walkNodes(b.ElseList, visit)
	}
}

// inline rewrites, in every tree of the instance's set, the partial
// actions whose partial has run escaped and may be inlined (see above).
func (in *instance) inline() {
	for _, t := range in.set.Templates() {
		if t.Tree != nil {
			in.inlineUnder(t.Tree.Root, false)
		}
	}
}

// inlineUnder rewrites the partial actions under n, which is inside a
// {{range}} when inRange is set.
func (in *instance) inlineUnder(n parse.Node, inRange bool) {
	walkNodes(n, func(n parse.Node) bool {
		switch n := n.(type) {
		case *parse.RangeNode:
			if inRange {
				return true
			}
			in.inlineUnder(n.List, true)
			if n.ElseList != nil {
				in.inlineUnder(n.ElseList, true)
			}
			return false
		case *parse.ListNode:
			for i, c := range n.Nodes {
				if a, ok := c.(*parse.ActionNode); ok {
					if t := in.templateFor(a, inRange); t != nil {
						n.Nodes[i] = t
					}
				}
			}
		}
		return true
	})
}

// templateFor returns the template action that does what action a does,
// or nil when a is not a partial call that may be inlined; inRange: a is
// inside a {{range}}.
func (in *instance) templateFor(a *parse.ActionNode, inRange bool) *parse.TemplateNode {
	name, arg, ok := partialCall(a.Pipe)
	if !ok || inRange && isElement(arg) {
		return nil
	}
	file, err := in.r.partialFile(name)
	if err != nil || !in.escaped[file] {
		return nil
	}
	t := &parse.TemplateNode{NodeType: parse.NodeTemplate, Pos: a.Pos, Line: a.Line, Name: file}
	if arg != nil {
		t.Pipe = &parse.PipeNode{NodeType: parse.NodePipe, Pos: a.Pos, Line: a.Line,
			Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: arg.Position(), Args: []parse.Node{arg}}}}
	}
	return t
}

// isElement reports whether arg is, inside a {{range}}, the element: dot,
// or a variable other than $ with no fields after it.
func isElement(arg parse.Node) bool {
	switch arg := arg.(type) {
	case *parse.DotNode:
		return true
	case *parse.VariableNode:
		return len(arg.Ident) == 1 && arg.Ident[0] != "$"
	}
	return false
}
