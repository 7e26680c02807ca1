package lsp

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/lsp/textpos"
)

// documents are the open documents: their names in the site folder, and
// their texts, kept to apply incremental changes to.
type documents struct {
	mu    sync.Mutex
	names map[protocol.DocumentUri]string
	texts map[protocol.DocumentUri][]byte
}

func newDocuments() *documents {
	return &documents{names: map[protocol.DocumentUri]string{}, texts: map[protocol.DocumentUri][]byte{}}
}

func (d *documents) open(uri protocol.DocumentUri, name string, text []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.names[uri], d.texts[uri] = name, text
}

func (d *documents) close(uri protocol.DocumentUri) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.names, uri)
	delete(d.texts, uri)
}

// openNames returns the names of the open documents.
func (d *documents) openNames() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Collect(maps.Values(d.names))
}

// change applies changes, in order, to the text of uri and returns the new
// text, a new slice: the old one may still be read by a check.
func (d *documents) change(uri protocol.DocumentUri, changes []any) ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	text, ok := d.texts[uri]
	if !ok {
		return nil, fmt.Errorf("%s changed but was not opened", uri)
	}
	for _, c := range changes {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			text = []byte(c.Text)
		case protocol.TextDocumentContentChangeEvent:
			text = edit(text, c.Range, c.Text)
		}
	}
	d.texts[uri] = text
	return text, nil
}

// edit returns a copy of text with r replaced by s.
func edit(text []byte, r *protocol.Range, s string) []byte {
	start := textpos.Offset(text, position(r.Start))
	end := max(start, textpos.Offset(text, position(r.End)))
	out := make([]byte, 0, len(text)-(end-start)+len(s))
	out = append(out, text[:start]...)
	out = append(out, s...)
	return append(out, text[end:]...)
}

// position is p as textpos counts.
func position(p protocol.Position) textpos.Position {
	return textpos.Position{Line: int(p.Line), Character: int(p.Character)}
}

// protocolPosition is p as the protocol writes it.
func protocolPosition(p textpos.Position) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(p.Line), Character: protocol.UInteger(p.Character)}
}
