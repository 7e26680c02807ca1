package lsp

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/lsp/textpos"
)

// hover answers textDocument/hover: the title and kind of the page a URL
// under the cursor names; in front matter (YAML, TOML or JSON) a key's
// documentation, and in a salary (salary.go) the salary written out as
// the page shows it, in the page's language.
func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	name, text, err := s.document(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off := textpos.Offset(text, position(p.Position))
	if page, start, end := s.pageAt(text, off); page != nil {
		return s.hoverOf(text, start, end, fmt.Sprintf("**%s** — %s page, %s", page.Title, page.Kind, page.Path)), nil
	}
	t, ok := hoverTargetAt(text, off)
	if !ok {
		return nil, nil
	}
	kind := s.kindOf(name, text)
	var docs []string
	if t.onKey {
		if f := field(kind, t.keys); f != nil {
			docs = append(docs, fieldDoc(*f))
		}
	}
	if path := salaryPath(kind, t.keys); path != nil {
		if shown := s.salaryShown(name, text, path, off); shown != "" {
			docs = append(docs, shown)
		}
	}
	if len(docs) == 0 {
		return nil, nil
	}
	return s.hoverOf(text, t.start, t.end, strings.Join(docs, "\n\n")), nil
}

// A hoverTarget is the front-matter key or value under the cursor.
type hoverTarget struct {
	keys       []string // from the page's top level down to the key, or to the key whose value the cursor is on
	onKey      bool     // the cursor is on the last of keys itself
	start, end int      // the word under the cursor
}

// keyFollows is what follows a key on its line, in each syntax: "key:",
// "key =" (or "key.more =", a dotted key), `key":`.
var keyFollows = map[syntax]*regexp.Regexp{
	yamlSyntax: regexp.MustCompile(`^:(?:\s|$)`),
	tomlSyntax: regexp.MustCompile(`^(?:\.[A-Za-z0-9_-]+)*\s*=`),
	jsonSyntax: regexp.MustCompile(`^"\s*:`),
}

// hoverTargetAt returns the key or value of the front matter of text at
// off, read by the placement that completion uses (frontMatterPlace): a
// key as the place just after it and its ":" or "=" sees it, a TOML
// table's key from its [header], a value as the place at its end sees
// it. false outside front matter, and on anything else in it (a comment,
// a line of punctuation).
func hoverTargetAt(text []byte, off int) (hoverTarget, bool) {
	t := hoverTarget{start: off, end: off}
	for t.start > 0 && isWordByte(text[t.start-1]) {
		t.start--
	}
	for t.end < len(text) && isWordByte(text[t.end]) {
		t.end++
	}
	word := string(text[t.start:t.end])
	if word == "" {
		return t, false
	}
	syn, lineEnd := syntaxOf(text), t.end+lineLength(text[t.end:])
	if m := keyFollows[syn].FindIndex(text[t.end:lineEnd]); m != nil {
		if p, _ := frontMatterPlace(text, t.end+m[1]); p != nil && p.key != "" {
			if t.keys = upTo(append(slices.Clip(p.parents), p.key), word); t.keys != nil {
				t.onKey = true
				return t, true
			}
		}
	}
	lineStart := bytes.LastIndexByte(text[:t.start], '\n') + 1
	if _, in := frontMatterPlace(text, t.start); in && syn == tomlSyntax && tomlHeader.Match(text[lineStart:lineEnd]) {
		t.keys = upTo(tomlTable(text[lineStart:lineEnd]), word)
		t.onKey = t.keys != nil
		return t, t.onKey
	}
	p, _ := frontMatterPlace(text, t.end)
	if p == nil || !p.value {
		return t, false
	}
	t.keys = slices.Clip(p.parents)
	if p.key != "" {
		t.keys = append(t.keys, p.key)
	}
	return t, true
}

// upTo returns keys up to the last that is key; nil when none is.
func upTo(keys []string, key string) []string {
	for i := len(keys) - 1; i >= 0; i-- {
		if keys[i] == key {
			return keys[:i+1]
		}
	}
	return nil
}

// lineLength returns the length of the first line of text, without its
// line break.
func lineLength(text []byte) int {
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		return i
	}
	return len(text)
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
