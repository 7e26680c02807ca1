package lsp

import (
	"cmp"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/lsp/textpos"
	"github.com/careersite/careersite/internal/shortcode"
)

// A shortcodeInfo is a shortcode as completion offers it: its name, what
// it writes, and its arguments.
type shortcodeInfo struct {
	name, doc string
	args      []shortcode.ArgSpec
	declared  bool // a built-in: its arguments' types and documentation are known
}

var (
	// shortcodeName is a shortcode's name being typed: "{{< fig", "{{% /det".
	shortcodeName = regexp.MustCompile(`\{\{[<%]\s*/?([A-Za-z0-9_/-]*)$`)
	// shortcodeCall is a shortcode call open before the cursor: its name
	// and what is written after it.
	shortcodeCall = regexp.MustCompile(`\{\{[<%]\s*([A-Za-z0-9_/-]+)\s([^}]*)$`)
	// argPrefix is the start of an argument's name at the end of a call.
	argPrefix = regexp.MustCompile(`(?:^|\s)([A-Za-z0-9_]*)$`)
	// templateArg is an argument a shortcode's template reads by name.
	templateArg = regexp.MustCompile(`\.Get\s+"([^"]+)"`)
	// writtenArg is an argument written in a call: `name=`.
	writtenArg = regexp.MustCompile(`([A-Za-z0-9_]+)\s*=`)
)

// shortcodeItems offers, in the body, the names of the shortcodes after
// "{{<" or "{{%", and the arguments of the shortcode being called that it
// does not have yet; ok is false when the cursor is in no shortcode tag.
func (s *server) shortcodeItems(text []byte, off int) (items []protocol.CompletionItem, ok bool) {
	lineStart := strings.LastIndexByte(string(text[:off]), '\n') + 1
	before := string(text[lineStart:off])
	if m := shortcodeName.FindStringSubmatchIndex(before); m != nil {
		replace := protocol.Range{Start: protocolPosition(textpos.At(text, lineStart+m[2])), End: protocolPosition(textpos.At(text, off))}
		for i, sc := range s.shortcodes() {
			items = append(items, item(i, sc.name, protocol.CompletionItemKindFunction, "shortcode", sc.doc, sc.name, replace))
		}
		return items, true
	}
	m := shortcodeCall.FindStringSubmatch(before)
	if m == nil {
		return nil, false
	}
	rest := m[2]
	if strings.Count(rest, `"`)%2 == 1 || strings.Contains(rest, "`") {
		return nil, true // in a value
	}
	p := argPrefix.FindStringSubmatch(rest)
	if p == nil {
		return nil, true
	}
	written := map[string]bool{}
	for _, w := range writtenArg.FindAllStringSubmatch(rest, -1) {
		written[w[1]] = true
	}
	all := s.shortcodes()
	i := slices.IndexFunc(all, func(sc shortcodeInfo) bool { return sc.name == m[1] })
	if i < 0 {
		return nil, true
	}
	replace := protocol.Range{Start: protocolPosition(textpos.At(text, off-len(p[1]))), End: protocolPosition(textpos.At(text, off))}
	for j, a := range all[i].args {
		if written[a.Name] {
			continue
		}
		detail := "read by its template"
		if all[i].declared {
			detail = a.Type.String()
		}
		if a.Required {
			detail += ", required"
		}
		items = append(items, item(j, a.Name, protocol.CompletionItemKindProperty, detail, a.Doc, a.Name+"=", replace))
	}
	return items, true
}

// shortcodes returns the site's shortcodes, by name: its own templates
// under layouts/shortcodes (the arguments each reads with .Get "name"),
// and the theme's built-ins it does not replace (their declared
// arguments).
func (s *server) shortcodes() []shortcodeInfo {
	byName := map[string]shortcodeInfo{}
	for _, b := range shortcode.Builtins {
		byName[b.Name] = shortcodeInfo{name: b.Name, doc: b.Doc, args: b.Args, declared: true}
	}
	const dir = "layouts/shortcodes"
	fs.WalkDir(s.files, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		name := strings.TrimSuffix(strings.TrimPrefix(p, dir+"/"), ".html")
		byName[name] = shortcodeInfo{name: name, doc: fmt.Sprintf("The site's %s.", p), args: templateArgs(s.text(p))}
		return nil
	})
	return slices.SortedFunc(maps.Values(byName), func(a, b shortcodeInfo) int { return cmp.Compare(a.name, b.name) })
}

// templateArgs returns the arguments a shortcode template reads by name,
// in the order it first reads them.
func templateArgs(tmpl []byte) []shortcode.ArgSpec {
	var args []shortcode.ArgSpec
	for _, m := range templateArg.FindAllSubmatch(tmpl, -1) {
		name := string(m[1])
		if !slices.ContainsFunc(args, func(a shortcode.ArgSpec) bool { return a.Name == name }) {
			args = append(args, shortcode.ArgSpec{Name: name, Position: -1})
		}
	}
	return args
}
