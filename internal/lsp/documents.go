package lsp

import (
	"fmt"
	"sync"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/lsp/textpos"
	"github.com/careersite/careersite/internal/overlay"
)

// documents are the open documents: their names in the site folder, their
// texts, kept to apply incremental changes to and set over the folder
// (overlay.FS), and their versions.
//
// A text is set over the folder and its version recorded under one lock.
// So a check that takes seen before it reads the folder has read, of each
// document whose version is still the one seen when the check ends, that
// version's text: a document changed meanwhile has a newer version,
// however the check and the change interleave.
type documents struct {
	files *overlay.FS

	mu    sync.Mutex
	byURI map[protocol.DocumentUri]*document
	edits int // texts set since the server started
}

// A document is one open document.
type document struct {
	name    string
	text    []byte
	version protocol.Integer // the client's
	edit    int              // documents.edits when its text was set: the client's version need not change
}

// seen is what a check read of an open document.
type seen struct {
	version protocol.Integer
	edit    int
}

func newDocuments(files *overlay.FS) *documents {
	return &documents{files: files, byURI: map[protocol.DocumentUri]*document{}}
}

// set records text as the version of uri and sets it over the folder.
// The caller holds d.mu.
func (d *documents) set(uri protocol.DocumentUri, doc *document, text []byte, version protocol.Integer) {
	d.edits++
	doc.text, doc.version, doc.edit = text, version, d.edits
	d.byURI[uri] = doc
	d.files.Set(doc.name, text)
}

func (d *documents) open(uri protocol.DocumentUri, name string, text []byte, version protocol.Integer) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.set(uri, &document{name: name}, text, version)
}

// close forgets uri; the file on disk counts again.
func (d *documents) close(uri protocol.DocumentUri) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if doc := d.byURI[uri]; doc != nil {
		d.files.Forget(doc.name)
		delete(d.byURI, uri)
	}
}

// seen returns the versions of the open documents by name, as a check
// that starts now reads them.
func (d *documents) seen() map[string]seen {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make(map[string]seen, len(d.byURI))
	for _, doc := range d.byURI {
		out[doc.name] = seen{version: doc.version, edit: doc.edit}
	}
	return out
}

// change applies changes, in order, to the text of uri, which becomes
// version. The new text is a new slice: the old one may still be read by
// a check.
func (d *documents) change(uri protocol.DocumentUri, version protocol.Integer, changes []any) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.byURI[uri]
	if !ok {
		return fmt.Errorf("%s changed but was not opened", uri)
	}
	text := doc.text
	for _, c := range changes {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			text = []byte(c.Text)
		case protocol.TextDocumentContentChangeEvent:
			text = edit(text, c.Range, c.Text)
		}
	}
	d.set(uri, doc, text, version)
	return nil
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
