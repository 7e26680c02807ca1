package lsp

import (
	"bytes"
	"fmt"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/lsp/textpos"
)

// hover answers textDocument/hover: the title and kind of the page a URL
// under the cursor names, and a front-matter key's documentation.
func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	name, text, err := s.document(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off := textpos.Offset(text, position(p.Position))
	if page, start, end := s.pageAt(text, off); page != nil {
		return s.hoverOf(text, start, end, fmt.Sprintf("**%s** — %s page, %s", page.Title, page.Kind, page.Path)), nil
	}
	start, end := wordAt(text, off)
	word := string(text[start:end])
	if _, inFrontMatter := placeIn(text, start); inFrontMatter && end < len(text) && text[end] == ':' {
		lineStart := bytes.LastIndexByte(text[:start], '\n') + 1
		keys := append(parentsOf(text, lineStart, start), word)
		if f := field(s.kindOf(name, text), keys); f != nil {
			return s.hoverOf(text, start, end, fieldDoc(*f)), nil
		}
	}
	return nil, nil
}

// parentsOf returns the keys of the mappings around the key at start, on
// the line from lineStart.
func parentsOf(text []byte, lineStart, start int) []string {
	first := bytes.IndexByte(text, '\n') + 1
	if lineStart < first {
		return nil
	}
	return parentsAt(text[first:lineStart], start-lineStart)
}

func (s *server) hoverOf(text []byte, start, end int, doc string) *protocol.Hover {
	r := protocol.Range{Start: protocolPosition(textpos.At(text, start)), End: protocolPosition(textpos.At(text, end))}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: doc}, Range: &r}
}

// wordAt returns the word around off: letters, digits and "_-/.#", the
// characters of keys and page URLs.
func wordAt(text []byte, off int) (start, end int) {
	in := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || bytes.IndexByte([]byte("_-/.#"), c) >= 0
	}
	start, end = off, off
	for start > 0 && in(text[start-1]) {
		start--
	}
	for end < len(text) && in(text[end]) {
		end++
	}
	return start, end
}
