package lsp

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/lsp/textpos"
)

// fixData is the Data of a diagnostic whose problem has a diag.Fix: the
// edit that applies it, which the client hands back with the diagnostic
// when it asks for code actions (the protocol keeps Data for this). Nil
// when there is no fix, or its word is not on the problem's line after
// its place (the text changed since the check).
func fixData(text []byte, at textpos.Position, f *diag.Fix) any {
	if f == nil || f.Old == "" {
		return nil
	}
	off := textpos.Offset(text, at)
	line := text[off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	i := bytes.Index(line, []byte(f.Old))
	if i < 0 {
		return nil
	}
	r := protocol.Range{Start: protocolPosition(textpos.At(text, off+i)), End: protocolPosition(textpos.At(text, off+i+len(f.Old)))}
	return protocol.TextEdit{Range: r, NewText: f.New}
}

// codeAction answers textDocument/codeAction: a quick fix for every
// diagnostic in the request that carries one (fixData).
func (s *server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	var actions []protocol.CodeAction
	for _, d := range p.Context.Diagnostics {
		edit, ok := editOf(d.Data)
		if !ok {
			continue
		}
		kind := protocol.CodeActionKindQuickFix
		preferred := true
		actions = append(actions, protocol.CodeAction{
			Title:       "Change to " + strconv.Quote(edit.NewText),
			Kind:        &kind,
			Diagnostics: []protocol.Diagnostic{d},
			IsPreferred: &preferred,
			Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
				p.TextDocument.URI: {edit},
			}},
		})
	}
	return actions, nil
}

// editOf reads back the edit fixData made, as the client returns it
// (decoded JSON).
func editOf(data any) (protocol.TextEdit, bool) {
	var edit protocol.TextEdit
	if data == nil {
		return edit, false
	}
	b, err := json.Marshal(data)
	if err != nil || json.Unmarshal(b, &edit) != nil || edit.NewText == "" {
		return edit, false
	}
	return edit, true
}
