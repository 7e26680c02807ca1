package lsp

import (
	"regexp"
	"strconv"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// didYouMean finds the suggestion at the end of a problem's message, as
// every package that suggests writes it: `…; did you mean "median"?`.
//
// This reads a message back, which internal/diag's rule is to avoid; the
// suggestion is made in nine places in six packages (decode, content,
// career, config, convert, shortcode), each formatting it into the
// message. A field of diag.Error carrying it would retire this.
var didYouMean = regexp.MustCompile(`did you mean ("(?:[^"\\]|\\.)*")\?$`)

// codeAction answers textDocument/codeAction: a quick fix for every
// diagnostic in the request that suggests a word, writing the suggestion
// over the diagnostic's range (the word the problem is about).
func (s *server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	var actions []protocol.CodeAction
	for _, d := range p.Context.Diagnostics {
		m := didYouMean.FindStringSubmatch(d.Message)
		if m == nil {
			continue
		}
		want, err := strconv.Unquote(m[1])
		if err != nil {
			continue
		}
		kind := protocol.CodeActionKindQuickFix
		preferred := true
		actions = append(actions, protocol.CodeAction{
			Title:       "Change to " + strconv.Quote(want),
			Kind:        &kind,
			Diagnostics: []protocol.Diagnostic{d},
			IsPreferred: &preferred,
			Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
				p.TextDocument.URI: {{Range: d.Range, NewText: want}},
			}},
		})
	}
	return actions, nil
}
