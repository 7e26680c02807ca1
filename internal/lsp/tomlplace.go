package lsp

import (
	"bytes"
	"regexp"
	"strings"
)

var (
	tomlHeader  = regexp.MustCompile(`^\s*\[\[?([^\[\]#]*)\]\]?\s*(?:#.*)?$`)
	tomlKey     = regexp.MustCompile(`^\s*([A-Za-z0-9_.-]+)\s*=\s*`)
	tomlPartial = regexp.MustCompile(`^\s*([A-Za-z0-9_]*)$`)
)

// tomlPlaceIn is placeIn for TOML front matter, between "+++" lines: a
// line is in the table the nearest header above names ("[salary]",
// "[[career_path]]", "[career_path.years]"), a dotted key ("salary.min =")
// adds its own tables, and a value is what follows "key = ", or the item
// being typed of an inline array.
func tomlPlaceIn(text []byte, off int) (p *fieldPlace, inFrontMatter bool) {
	end, ok := closingLine(text, "+++", "+++")
	first := bytes.IndexByte(text, '\n') + 1
	if !ok || off < first || off > end {
		return nil, false
	}
	lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
	before := string(text[lineStart:off])
	p = &fieldPlace{syntax: tomlSyntax, parents: tomlTable(text[first:lineStart])}
	if m := tomlKey.FindStringSubmatchIndex(before); m != nil {
		keys := strings.Split(before[m[2]:m[3]], ".")
		p.parents = append(p.parents, keys[:len(keys)-1]...)
		p.key, p.value = keys[len(keys)-1], true
		p.prefix, p.start = valuePrefix(before[m[1]:], lineStart+m[1])
		p.quoted = p.start > lineStart && (text[p.start-1] == '"' || text[p.start-1] == '\'')
		return p, true
	}
	if m := tomlPartial.FindStringSubmatchIndex(before); m != nil {
		p.prefix, p.start = before[m[2]:m[3]], lineStart+m[2]
		return p, true
	}
	return nil, true
}

// tomlTable returns the keys of the table the last header in above names.
func tomlTable(above []byte) []string {
	lines := strings.Split(string(above), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		m := tomlHeader.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		var keys []string
		for _, k := range strings.Split(m[1], ".") {
			keys = append(keys, strings.Trim(strings.TrimSpace(k), `"'`))
		}
		return keys
	}
	return nil
}
