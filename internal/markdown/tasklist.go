package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// taskCheckBoxes replaces GFM's task-list checkbox renderer with one that
// names the checkbox. goldmark writes a bare <input type="checkbox">, and a
// form control without an accessible name is a WCAG 4.1.2 failure (axe-core's
// "label" rule, impact critical); screen readers would announce just
// "checkbox". The names are the ones GitHub uses for the same markup.
type taskCheckBoxes struct{}

// Extend registers the renderer ahead of GFM's, which has priority 500
// (a lower value registers later and wins).
func (taskCheckBoxes) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(taskCheckBoxes{}, 100)))
}

func (taskCheckBoxes) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTaskCheckBox, renderTaskCheckBox)
}

func renderTaskCheckBox(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if n.(*extast.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox" aria-label="Completed task"> `)
	} else {
		_, _ = w.WriteString(`<input disabled="" type="checkbox" aria-label="Incomplete task"> `)
	}
	return ast.WalkContinue, nil
}
