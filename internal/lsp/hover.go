package lsp

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/lsp/textpos"
)

// hover answers textDocument/hover: the title and kind of the page a URL
// under the cursor names, a front-matter key's documentation, and in the
// salary block the salary written out as the salary card writes it.
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
	if _, inFrontMatter := placeIn(text, start); !inFrontMatter {
		return nil, nil
	}
	lineStart := bytes.LastIndexByte(text[:start], '\n') + 1
	parents := parentsOf(text, lineStart, start)
	var docs []string
	if end < len(text) && text[end] == ':' {
		if f := field(s.kindOf(name, text), append(slices.Clip(parents), word)); f != nil {
			docs = append(docs, fieldDoc(*f))
		}
	}
	if inSalary(parents, word) {
		if card := salaryCard(text); card != "" {
			docs = append(docs, "Salary card: "+card)
		}
	}
	if len(docs) == 0 {
		return nil, nil
	}
	return s.hoverOf(text, start, end, strings.Join(docs, "\n\n")), nil
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
