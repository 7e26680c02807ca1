package shortcode

import (
	"text/template/parse"

	"github.com/careersite/careersite/internal/render"
)

// readsInner reports whether the templates of set defined in file (the
// shortcode's own, and its {{define}} blocks) read .Inner or $.Inner of
// their data: Hugo's test of whether a shortcode takes inner content.
// .Parent.Inner and the partials the file calls do not count.
func readsInner(set render.Set, file string) bool {
	for name, tree := range set.Trees {
		if set.Files[name] == file && tree.Root != nil && nodeReadsInner(tree.Root) {
			return true
		}
	}
	return false
}

// nodeReadsInner walks the nodes under n, stopping at the first that
// reads .Inner.
func nodeReadsInner(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return n.Ident[0] == "Inner"
	case *parse.VariableNode:
		return len(n.Ident) > 1 && n.Ident[0] == "$" && n.Ident[1] == "Inner"
	case *parse.ListNode:
		return anyReadsInner(n.Nodes)
	case *parse.ActionNode:
		return nodeReadsInner(n.Pipe)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			if nodeReadsInner(c) {
				return true
			}
		}
	case *parse.CommandNode:
		return anyReadsInner(n.Args)
	case *parse.ChainNode:
		return nodeReadsInner(n.Node)
	case *parse.TemplateNode:
		return n.Pipe != nil && nodeReadsInner(n.Pipe)
	case *parse.IfNode:
		return branchReadsInner(&n.BranchNode)
	case *parse.RangeNode:
		return branchReadsInner(&n.BranchNode)
	case *parse.WithNode:
		return branchReadsInner(&n.BranchNode)
	}
	return false
}

func anyReadsInner(nodes []parse.Node) bool {
	for _, c := range nodes {
		if nodeReadsInner(c) {
			return true
		}
	}
	return false
}

func branchReadsInner(b *parse.BranchNode) bool {
	return nodeReadsInner(b.Pipe) ||
		(b.List != nil && nodeReadsInner(b.List)) ||
		(b.ElseList != nil && nodeReadsInner(b.ElseList))
}
