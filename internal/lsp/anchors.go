package lsp

import (
	"regexp"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/hugofile"
	"github.com/careersite/careersite/internal/lsp/textpos"
	"github.com/careersite/careersite/internal/markdown"
)

// fragmentTarget is a Markdown link's fragment being typed: "](#pa" in
// the page itself, "](/jobs/dev/#pa" in another.
var fragmentTarget = regexp.MustCompile(`\]\((/[^)\s#]*)?#([^)\s#]*)$`)

// anchorItems offers, after "#" in a link, the ids of the headings of
// the page the link names, or of the page being edited (its unsaved
// text) when it names none; ok is false when the cursor is not in a
// link's fragment.
func (s *server) anchorItems(text []byte, off int) (items []protocol.CompletionItem, ok bool) {
	lineStart := strings.LastIndexByte(string(text[:off]), '\n') + 1
	m := fragmentTarget.FindSubmatchIndex(text[lineStart:off])
	if m == nil {
		return nil, false
	}
	target := text
	if m[2] >= 0 {
		page := s.pages.Load().index().byURL[string(text[lineStart+m[2]:lineStart+m[3]])]
		if page == nil {
			return nil, true
		}
		target = s.text(page.Path)
	}
	replace := protocol.Range{Start: protocolPosition(textpos.At(text, lineStart+m[4])), End: protocolPosition(textpos.At(text, off))}
	for i, h := range headings(target) {
		items = append(items, item(i, h.ID, protocol.CompletionItemKindReference, strings.Repeat("#", h.Level)+" "+h.Text, "", h.ID, replace))
	}
	return items, true
}

// headings returns the headings of a content file's text, with the ids
// the build gives them: its body converted as the build converts it
// (before shortcodes are expanded: their output's headings are not the
// author's).
func headings(text []byte) []markdown.Heading {
	page, err := hugofile.Split("", text)
	if err != nil {
		return nil
	}
	res, _ := markdown.New(markdown.Options{}).Convert(page.Body, page.BodyLine)
	if res == nil {
		return nil
	}
	return res.Headings
}
