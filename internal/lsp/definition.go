package lsp

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/lsp/textpos"
)

// definition answers textDocument/definition: the site's template of the
// shortcode whose name is under the cursor, or the content file of the
// page whose URL is, in front matter (a reference) or in a link.
func (s *server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	_, text, err := s.document(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off := textpos.Offset(text, position(p.Position))
	if file := s.shortcodeFileAt(text, off); file != "" {
		return protocol.Location{URI: s.uri(file)}, nil
	}
	page, _, _ := s.pageAt(text, off)
	if page == nil {
		return nil, nil
	}
	return protocol.Location{URI: s.uri(page.Path)}, nil
}

// shortcodeOpen is the opening of a shortcode tag up to its name.
var shortcodeOpen = regexp.MustCompile(`\{\{[<%]\s*/?$`)

// shortcodeFileAt returns the site's template of the shortcode whose name
// is the word around off ("figure" in "{{< figure src=… >}}"): its
// layouts/shortcodes file; "" when the word is no shortcode's name or
// the shortcode is a built-in the site does not replace (its template is
// inside the binary).
func (s *server) shortcodeFileAt(text []byte, off int) string {
	start, end := wordAt(text, off)
	if start < end && text[start] == '/' { // a closing tag: "{{< /note >}}"
		start++
	}
	lineStart := bytes.LastIndexByte(text[:start], '\n') + 1
	if start == end || !shortcodeOpen.Match(text[lineStart:start]) {
		return ""
	}
	file := "layouts/shortcodes/" + string(text[start:end]) + ".html"
	if _, err := fs.Stat(s.files, file); err != nil {
		return ""
	}
	return file
}

// pageAt returns the page whose URL is the word around off ("/roles/x/",
// "/roles/x/#pay"), and where the word is; nil when it names no page.
func (s *server) pageAt(text []byte, off int) (page *content.Page, start, end int) {
	start, end = wordAt(text, off)
	url, _, _ := strings.Cut(string(text[start:end]), "#")
	return s.pages.Load().index().byURL[url], start, end
}
