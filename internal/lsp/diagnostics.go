package lsp

import (
	"bytes"
	"maps"
	"slices"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/lsp/textpos"
)

// publish sends the diagnostics of a check: every file with problems gets
// its list, every open document and every file that had problems at the
// last check and has none now an empty one, and the problems of no file
// are logged. It keeps the pages the check read for completion and hover.
//
// The list of an open document carries the version the check read. A
// document changed since the check began (or opened, or closed) gets
// nothing now: the check of its new text comes next, and the list of the
// text the author has typed over would come after a newer one, or put its
// places on the new text.
func (s *server) publish(r result) {
	s.pages.Store(r.pages)
	byFile := map[string][]protocol.Diagnostic{}
	var general []string
	now := s.docs.seen()
	current := func(name string) bool { return now[name] == r.seen[name] }
	add := func(list []*diag.Error, severity protocol.DiagnosticSeverity) {
		for _, e := range list {
			switch {
			case e.File == "":
				general = append(general, e.Error())
			case current(e.File):
				byFile[e.File] = append(byFile[e.File], s.diagnostic(e, severity))
			}
		}
	}
	add(diag.List(r.err), protocol.DiagnosticSeverityError)
	add(r.warnings, protocol.DiagnosticSeverityWarning)
	for _, name := range slices.Concat(slices.Collect(maps.Keys(s.published)), slices.Collect(maps.Keys(r.seen))) {
		if _, ok := byFile[name]; !ok && current(name) {
			byFile[name] = []protocol.Diagnostic{}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(byFile)) {
		if len(byFile[name]) > 0 {
			s.published[name] = true
		} else {
			delete(s.published, name)
		}
		params := protocol.PublishDiagnosticsParams{URI: s.uri(name), Diagnostics: byFile[name]}
		if v, ok := r.seen[name]; ok {
			version := protocol.UInteger(v.version)
			params.Version = &version
		}
		s.notify(protocol.ServerTextDocumentPublishDiagnostics, params)
	}
	for _, msg := range general {
		s.notify(protocol.ServerWindowLogMessage, protocol.LogMessageParams{Type: protocol.MessageTypeError, Message: msg})
	}
}

// diagnostic is e as the protocol writes it: from e's place to the end of
// the word there (extent), with e's text as `check` prints it.
func (s *server) diagnostic(e *diag.Error, severity protocol.DiagnosticSeverity) protocol.Diagnostic {
	text := s.text(e.File)
	start := textpos.FromPlace(text, e.Line, e.Col)
	end := start
	if e.Line > 0 {
		off := textpos.Offset(text, start)
		end = textpos.At(text, extent(text, off))
	}
	source := "careersite"
	return protocol.Diagnostic{
		Range:    protocol.Range{Start: protocolPosition(start), End: protocolPosition(end)},
		Severity: &severity,
		Source:   &source,
		Message:  e.Text(),
		Data:     fixData(text, start, e.Fix),
	}
}

// extent returns where the word that starts at off ends: the inside of a
// quoted string; else a YAML key or plain scalar, up to ":", ",", "]",
// "}", " #" or the end of the line; else, when that is empty, the rest of
// the line. Trailing spaces are not part of it.
func extent(text []byte, off int) int {
	line := text[off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimRight(line, "\r")
	if len(line) > 0 && (line[0] == '"' || line[0] == '\'') {
		if i := bytes.IndexByte(line[1:], line[0]); i >= 0 {
			return off + 1 + i + 1
		}
	}
	end := len(line)
	for i, c := range line {
		if c == ':' || c == ',' || c == ']' || c == '}' || c == ')' || c == '#' && i > 0 && line[i-1] == ' ' {
			end = i
			break
		}
	}
	if n := len(bytes.TrimRight(line[:end], " \t")); n > 0 {
		return off + n
	}
	return off + len(bytes.TrimRight(line, " \t"))
}
