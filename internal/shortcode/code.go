package shortcode

import (
	"sort"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ranges are the byte ranges of a body that are code, sorted and disjoint.
type ranges [][2]int

// around reports whether offset lies in one of the ranges, and the end of
// that range.
func (r ranges) around(offset int) (end int, in bool) {
	i := sort.Search(len(r), func(i int) bool { return r[i][1] > offset })
	if i < len(r) && r[i][0] <= offset {
		return r[i][1], true
	}
	return 0, false
}

// codeParser finds code as internal/markdown's converter does: the same
// block parsers (CommonMark's, and the footnotes' and definition lists',
// which change what an indented line is), but of the inline parsers only
// code spans and the two that win over a backtick when they start first,
// raw HTML and autolinks. Links and emphasis cannot make or unmake code, and
// leaving them out halves the cost (BenchmarkParse). A goldmark parser
// holds only its configuration and Parse is safe for concurrent use, so one
// serves every page.
var codeParser = sync.OnceValue(func() parser.Parser {
	blocks := append(parser.DefaultBlockParsers(),
		util.Prioritized(extension.NewFootnoteBlockParser(), 999),
		util.Prioritized(extension.NewDefinitionListParser(), 101),
		util.Prioritized(extension.NewDefinitionDescriptionParser(), 102),
	)
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(
			util.Prioritized(parser.NewCodeSpanParser(), 100),
			util.Prioritized(parser.NewAutoLinkParser(), 300),
			util.Prioritized(parser.NewRawHTMLParser(), 400),
		),
	)
})

// codeRanges returns where body holds code spans and code blocks, as
// goldmark reads the body.
func codeRanges(body []byte) ranges {
	doc := codeParser().Parse(text.NewReader(body))
	var r ranges
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			r = r.addSpan(n)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			if n.Info != nil {
				r = append(r, [2]int{n.Info.Segment.Start, n.Info.Segment.Stop})
			}
			r = r.addLines(n)
		case *ast.CodeBlock:
			r = r.addLines(n)
		}
		return ast.WalkContinue, nil
	})
	sort.Slice(r, func(i, j int) bool { return r[i][0] < r[j][0] })
	return r
}

// addSpan adds a code span from its first text to its last.
func (r ranges) addSpan(n *ast.CodeSpan) ranges {
	first, last := n.FirstChild(), n.LastChild()
	ft, ok1 := first.(*ast.Text)
	lt, ok2 := last.(*ast.Text)
	if !ok1 || !ok2 {
		return r
	}
	return append(r, [2]int{ft.Segment.Start, lt.Segment.Stop})
}

// addLines adds each line of a code block.
func (r ranges) addLines(n ast.Node) ranges {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		r = append(r, [2]int{seg.Start, seg.Stop})
	}
	return r
}
