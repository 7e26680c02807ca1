package lsp

import (
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/lsp/textpos"
)

// definition answers textDocument/definition: the content file of the
// page whose URL is under the cursor, in front matter (a reference) or in
// a link.
func (s *server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	_, text, err := s.document(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	page, _, _ := s.pageAt(text, textpos.Offset(text, position(p.Position)))
	if page == nil {
		return nil, nil
	}
	return protocol.Location{URI: s.uri(page.Path)}, nil
}

// pageAt returns the page whose URL is the word around off ("/roles/x/",
// "/roles/x/#pay"), and where the word is; nil when it names no page.
func (s *server) pageAt(text []byte, off int) (page *content.Page, start, end int) {
	start, end = wordAt(text, off)
	url, _, _ := strings.Cut(string(text[start:end]), "#")
	return s.pages.Load().byURL[url], start, end
}
