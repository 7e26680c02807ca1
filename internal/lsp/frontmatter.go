package lsp

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/careersite/careersite/internal/fields"
)

// A fieldPlace is what the cursor is on in front matter, read from the
// lines above it the way an author reads them (in YAML by indentation, in
// TOML by the table header above, in JSON by the braces open before it)
// rather than by parsing: the text is usually half typed and no parser
// would accept it.
type fieldPlace struct {
	parents []string // the keys of the mappings around the line, outermost first
	key     string   // the key of the line; "" on a list item without one
	value   bool     // the cursor is in the value: after "key: ", or on a list item of a list of values
	prefix  string   // what is typed of the key or value before the cursor
	start   int      // the byte offset where prefix starts
	syntax  syntax   // the front matter's language
	quoted  bool     // a quote opens what is typed (TOML and JSON; YAML needs none)
}

// syntax is a front matter's language.
type syntax int

const (
	yamlSyntax syntax = iota
	tomlSyntax
	jsonSyntax
)

// syntaxOf returns the language of the front matter of text, from how
// it opens: "+++" is TOML, "{" JSON, anything else YAML.
func syntaxOf(text []byte) syntax {
	switch {
	case bytes.HasPrefix(text, []byte("+++")):
		return tomlSyntax
	case bytes.HasPrefix(text, []byte("{")):
		return jsonSyntax
	}
	return yamlSyntax
}

// frontMatterPlace returns where the cursor at off is in the front matter
// of text, whichever its language: placeIn, tomlPlaceIn or jsonPlaceIn.
func frontMatterPlace(text []byte, off int) (p *fieldPlace, inFrontMatter bool) {
	switch syntaxOf(text) {
	case tomlSyntax:
		return tomlPlaceIn(text, off)
	case jsonSyntax:
		return jsonPlaceIn(text, off)
	}
	return placeIn(text, off)
}

// keyText is what completing key inserts: the key and what follows it.
func (p *fieldPlace) keyText(key string) string {
	switch {
	case p.syntax == tomlSyntax:
		return key + " = "
	case p.syntax == jsonSyntax && p.quoted:
		return key + `": `
	case p.syntax == jsonSyntax:
		return strconv.Quote(key) + ": "
	}
	return key + ": "
}

// valueText is what completing v inserts: in TOML and JSON a string is
// quoted unless the author opened the quote; bare values (true, false)
// never are.
func (p *fieldPlace) valueText(v string, bare bool) string {
	if p.syntax == yamlSyntax || p.quoted || bare {
		return v
	}
	return strconv.Quote(v)
}

// frontMatterEnd returns the offset of the line that closes YAML front
// matter ("---" or "..."), or the end of text when none does; false when
// text does not open with "---".
func frontMatterEnd(text []byte) (int, bool) {
	return closingLine(text, "---", "---", "...")
}

// closingLine returns the offset of the first line after the first that
// is one of closers, or the end of text when none is; false when the
// first line of text is not open.
func closingLine(text []byte, open string, closers ...string) (int, bool) {
	if !bytes.HasPrefix(text, []byte(open+"\n")) && !bytes.HasPrefix(text, []byte(open+"\r\n")) {
		return 0, false
	}
	off := bytes.IndexByte(text, '\n') + 1
	for off < len(text) {
		line := text[off:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		if slices.Contains(closers, string(bytes.TrimRight(line, " \t\r"))) {
			return off, true
		}
		off += len(line) + 1
	}
	return len(text), true
}

var (
	keyLine   = regexp.MustCompile(`^(\s*)(- +)?([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)`)
	itemLine  = regexp.MustCompile(`^(\s*)(- +)["']?(.*)$`)
	partial   = regexp.MustCompile(`^(\s*)()([A-Za-z0-9_]*)$`)
	flowValue = regexp.MustCompile(`[\[,]\s*["']?([^\[\],"']*)$`)
)

// placeIn returns where the cursor at off is in the YAML front matter of
// text: inFrontMatter is false outside it, and p is nil on a line that is
// neither a key nor a list item being written (a comment, a block of
// text).
func placeIn(text []byte, off int) (p *fieldPlace, inFrontMatter bool) {
	end, ok := frontMatterEnd(text)
	first := bytes.IndexByte(text, '\n') + 1
	if !ok || off < first || off > end {
		return nil, false
	}
	lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
	before := string(text[lineStart:off])
	p = &fieldPlace{}
	indent := 0
	switch m := keyLine.FindStringSubmatchIndex(before); {
	case m != nil:
		indent = m[3] - m[2] + (m[5] - m[4]) // the key's column
		p.key, p.value = before[m[6]:m[7]], true
		p.prefix, p.start = valuePrefix(before[m[1]:], lineStart+m[1])
	default:
		// "- x": an item, a value unless its list holds mappings; else
		// the start of a key.
		m := itemLine.FindStringSubmatchIndex(before)
		p.value = m != nil
		if m == nil {
			m = partial.FindStringSubmatchIndex(before)
		}
		if m == nil {
			return nil, true
		}
		indent = m[3] - m[2] + (m[5] - m[4])
		p.prefix, p.start = before[m[6]:m[7]], lineStart+m[6]
	}
	p.parents = parentsAt(text[first:lineStart], indent)
	return p, true
}

// valuePrefix returns what is typed of a value in rest, the text after
// "key: " or "key = " that starts at offset at, and where it starts: the
// item being typed of a flow list ("[Go, Post"), else rest without the
// spaces and the quote that open it.
func valuePrefix(rest string, at int) (prefix string, start int) {
	if fm := flowValue.FindStringSubmatchIndex(rest); fm != nil {
		return rest[fm[2]:fm[3]], at + fm[2]
	}
	t := strings.TrimLeft(rest, " \"'")
	return t, at + len(rest) - len(t)
}

// parentsAt returns the keys of the mappings that hold a line whose
// content starts at column indent, given the front matter above it: the
// nearest line above, further left, that is a key with nothing after it,
// then that line's own parents. The parent of a list item's key is the key
// of its list, at the column of the dash or left of it.
func parentsAt(above []byte, indent int) []string {
	lines := strings.Split(string(above), "\n")
	var parents []string
	for i := len(lines) - 1; i >= 0 && indent > 0; i-- {
		m := keyLine.FindStringSubmatchIndex(lines[i])
		if m == nil {
			continue
		}
		col := m[3] - m[2] + (m[5] - m[4])
		rest := strings.TrimSpace(lines[i][m[1]:])
		if col >= indent || rest != "" && !strings.HasPrefix(rest, "#") {
			continue
		}
		parents = append([]string{lines[i][m[6]:m[7]]}, parents...)
		indent = col
		if m[4] >= 0 { // "- key:": its list's key is at the dash or left of it
			indent = m[3] - m[2] + 1
		}
	}
	return parents
}

// field returns the field that keys name, from the fields of a page of
// kind down through the mappings; nil when there is none.
func field(kind string, keys []string) *fields.Field {
	list := fields.Page(kind)
	var f *fields.Field
	for _, k := range keys {
		f = nil
		for i := range list {
			if list[i].Key == k {
				f = &list[i]
				break
			}
		}
		if f == nil {
			return nil
		}
		list = f.Fields
	}
	return f
}

// keysAt returns the fields that may be written in the mapping parents
// name: the page's own when parents is empty.
func keysAt(kind string, parents []string) []fields.Field {
	if len(parents) == 0 {
		return fields.Page(kind)
	}
	if f := field(kind, parents); f != nil {
		return f.Fields
	}
	return nil
}
