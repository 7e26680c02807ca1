package lsp

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/fields"
	"github.com/careersite/careersite/internal/lsp/textpos"
)

// completion answers textDocument/completion: front-matter keys and
// values; in the body, page URLs after "](/", heading ids after "#" in
// a link, shortcode names after "{{<" or "{{%" and their arguments.
func (s *server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	name, text, err := s.document(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off := textpos.Offset(text, position(p.Position))
	if place, ok := frontMatterPlace(text, off); ok {
		if place == nil {
			return nil, nil
		}
		return s.frontMatterItems(text, name, *place, off), nil
	}
	if items, ok := s.anchorItems(text, off); ok {
		return items, nil
	}
	if items, ok := s.shortcodeItems(text, off); ok {
		return items, nil
	}
	return s.linkItems(text, off), nil
}

// frontMatterItems are the keys or values that may be written at place.
func (s *server) frontMatterItems(text []byte, name string, place fieldPlace, off int) []protocol.CompletionItem {
	kind := s.kindOf(name, text)
	replace := protocol.Range{Start: protocolPosition(textpos.At(text, place.start)), End: protocolPosition(textpos.At(text, off))}
	if place.value {
		keys := slices.Concat(place.parents, []string{place.key})
		if place.key == "" {
			keys = place.parents
		}
		f := field(kind, keys)
		if f == nil {
			return nil
		}
		if place.key == "" && f.Fields != nil {
			return keyItems(&place, f.Fields, nil, replace) // the first key of a new item of a list of mappings
		}
		return s.valueItems(&place, *f, len(keys) == 1, replace)
	}
	var written map[string]bool
	if len(place.parents) == 0 {
		written = topKeys(text)
	}
	return keyItems(&place, keysAt(kind, place.parents), written, replace)
}

// keyItems offers the keys of list not yet written, each with its
// documentation, inserting "key: " (or as place's syntax writes it).
func keyItems(place *fieldPlace, list []fields.Field, written map[string]bool, replace protocol.Range) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	for i, f := range list {
		if written[f.Key] {
			continue
		}
		items = append(items, item(i, f.Key, protocol.CompletionItemKindField, f.Kind, fieldDoc(f), place.keyText(f.Key), replace))
	}
	return items
}

// valueItems offers the values of f: an enumeration's, the URLs of the
// pages of the kind a reference names, the kinds, or, for the top-level
// skills and tags, those the site uses, most used first.
func (s *server) valueItems(place *fieldPlace, f fields.Field, top bool, replace protocol.Range) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	pages := s.pages.Load()
	switch {
	case f.Values != nil:
		for i, v := range f.Values {
			items = append(items, item(i, v, protocol.CompletionItemKindEnumMember, f.Key, "", place.valueText(v, false), replace))
		}
	case f.Ref != "":
		for i, p := range pages.ofKind(f.Ref) {
			items = append(items, item(i, p.URL, protocol.CompletionItemKindReference, p.Title, fmt.Sprintf("%s (%s): %s", p.Title, p.Kind, p.Path), place.valueText(p.URL, false), replace))
		}
	case top && f.Key == "kind":
		for i, k := range config.Kinds() {
			items = append(items, item(i, k, protocol.CompletionItemKindEnumMember, "kind", "", place.valueText(k, false), replace))
		}
	case top && (f.Key == "skills" || f.Key == "tags"):
		used := pages.index().skills
		if f.Key == "tags" {
			used = pages.index().tags
		}
		for i, v := range used {
			items = append(items, item(i, v, protocol.CompletionItemKindValue, "used on the site", "", place.valueText(v, false), replace))
		}
	case f.Kind == "true or false":
		for i, v := range []string{"true", "false"} {
			items = append(items, item(i, v, protocol.CompletionItemKindValue, f.Key, "", place.valueText(v, true), replace))
		}
	}
	return items
}

// linkTarget is a Markdown link's destination being typed: "](/jobs/ba".
var linkTarget = regexp.MustCompile(`\]\((/[^)\s#]*)$`)

// linkItems offers the URLs of the site's pages after "](/" in the body.
func (s *server) linkItems(text []byte, off int) []protocol.CompletionItem {
	lineStart := strings.LastIndexByte(string(text[:off]), '\n') + 1
	m := linkTarget.FindStringSubmatchIndex(string(text[lineStart:off]))
	if m == nil {
		return nil
	}
	replace := protocol.Range{Start: protocolPosition(textpos.At(text, lineStart+m[2])), End: protocolPosition(textpos.At(text, off))}
	var items []protocol.CompletionItem
	for i, p := range s.pages.Load().index().list {
		items = append(items, item(i, p.URL, protocol.CompletionItemKindReference, p.Title, p.Path, p.URL, replace))
	}
	return items
}

// item is one completion: label inserted as insert over replace, sorted
// as the i-th of its list.
func item(i int, label string, kind protocol.CompletionItemKind, detail, doc, insert string, replace protocol.Range) protocol.CompletionItem {
	sort := fmt.Sprintf("%05d", i)
	it := protocol.CompletionItem{
		Label:    label,
		Kind:     &kind,
		SortText: &sort,
		TextEdit: protocol.TextEdit{Range: replace, NewText: insert},
	}
	if detail != "" {
		it.Detail = &detail
	}
	if doc != "" {
		it.Documentation = protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: doc}
	}
	return it
}

// fieldDoc is a field's documentation in Markdown: what it means, its
// type and what it allows, whether it is required.
func fieldDoc(f fields.Field) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** — %s", f.Key, f.Kind)
	if f.Allowed != "" {
		fmt.Fprintf(&b, "; %s", f.Allowed)
	}
	switch f.Required {
	case "":
	case "yes":
		b.WriteString("; required")
	default:
		fmt.Fprintf(&b, "; required %s", f.Required)
	}
	if f.Doc != "" {
		fmt.Fprintf(&b, "\n\n%s", f.Doc)
	}
	return b.String()
}

// topKeys returns the keys written at the top level of the front matter.
func topKeys(text []byte) map[string]bool {
	end, _ := frontMatterEnd(text)
	keys := map[string]bool{}
	for _, line := range strings.Split(string(text[:end]), "\n") {
		if m := keyLine.FindStringSubmatch(line); m != nil && m[1] == "" && m[2] == "" {
			keys[m[3]] = true
		}
	}
	return keys
}

// kindOf returns the kind of the page in the content file name: as the
// last check read it, else from a kind: line, else from its section.
func (s *server) kindOf(name string, text []byte) string {
	if p := s.pages.Load().byPath(name); p != nil && p.Kind != "" {
		return p.Kind
	}
	end, _ := frontMatterEnd(text)
	for _, line := range strings.Split(string(text[:end]), "\n") {
		if k, ok := strings.CutPrefix(strings.TrimSpace(line), "kind:"); ok && config.IsKind(strings.TrimSpace(k)) {
			return strings.TrimSpace(k)
		}
	}
	cfg, err := config.Load(s.files)
	if err != nil {
		return config.KindArticle
	}
	section, _, _ := strings.Cut(strings.TrimPrefix(name, "content/"), "/")
	if path.Dir(name) == "content" {
		section = ""
	}
	return cfg.KindOf(section)
}
