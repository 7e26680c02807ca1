package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newParser is goldmark's default parser with linkRefs in place of its
// LinkReferenceParagraphTransformer.
func newParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefs{}, 100)),
	)
}

// linkRefs is goldmark's LinkReferenceParagraphTransformer, which takes
// link reference definitions ("[label]: /url") out of the start of every
// paragraph, run only on a paragraph that can start with one. goldmark's
// makes a block reader for every paragraph of a page to find out, most
// often that the first character after spaces is not "[", which its
// parsing of a definition asks first, before anything else (link_ref.go
// of goldmark); a paragraph whose first character is another does not
// change (issue 23).
type linkRefs struct{}

func (linkRefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if opensWithBracket(node.Lines(), reader.Source()) {
		parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
	}
}

// opensWithBracket reports whether the first byte of lines that is not a
// space (util.IsSpace, as goldmark skips them) is "[", or there is none.
// A line's padding, the spaces of a tab that goldmark cut, is spaces.
func opensWithBracket(lines *text.Segments, src []byte) bool {
	for i := range lines.Len() {
		seg := lines.At(i)
		for _, c := range src[seg.Start:seg.Stop] {
			if !util.IsSpace(c) {
				return c == '['
			}
		}
	}
	return true
}
