package lsp

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/lsp/textpos"
)

// This file writes the salary under the cursor as the page shows it: a
// page's own salary (a job's, a role guide's) as its salary card does
// (layouts/partials/salary.html), a salary inside a list (a step of a
// career path) as its range, the way the career path's steps and chart
// write it (layouts/partials/step.html, pathchart.SVG). The words and
// amounts are the page's language's, from the functions the templates
// call: the site's strings as the build loads them (i18n.Load), T's
// strings and formatMoney's amounts (i18n.Strings), and
// career.Salary.RangeIn, which writes a range as the theme's money.html.

// salaryType is the name of the type fields gives the keys of a salary.
var salaryType = reflect.TypeFor[career.Salary]().Name()

// salaryPath returns keys up to the field that holds a salary
// (["career_path", "salary"] of ["career_path", "salary", "min"]); nil
// when keys are not in one.
func salaryPath(kind string, keys []string) []string {
	for i := range keys {
		f := field(kind, keys[:i+1])
		if f == nil {
			return nil
		}
		if f.Type == salaryType {
			return keys[:i+1]
		}
	}
	return nil
}

// salaryShown returns the salary at path around off in the front matter
// of text, the text of the content file name, as that page shows it; ""
// when it does not decode (check says why) or the site's strings cannot
// be read.
func (s *server) salaryShown(name string, text []byte, path []string, off int) string {
	n := salaryNodeAt(text, path, off)
	var sal career.Salary
	if n == nil || len(decode.Node(n, &sal)) > 0 {
		return ""
	}
	w := s.wordsOf(name)
	if w == nil {
		return ""
	}
	if len(path) > 1 {
		return "**" + sal.RangeIn(w) + "**"
	}
	return salaryCard(&sal, w)
}

// salaryCard writes a page's salary as its salary card does, in the
// language of w: the label, the range, then the five points of the
// distribution when all are given, else the median when it is.
func salaryCard(sal *career.Salary, w *i18n.Strings) string {
	label := w.Or("salary_range", "Salary range")
	if sal.P10 != 0 && sal.P90 != 0 {
		label = w.Or("typical_pay", "Typical pay")
	}
	card := []string{label + ": **" + sal.RangeIn(w) + "**"}
	point := func(key, fallback string, amount float64) string {
		return w.Or(key, fallback) + " " + w.Money(amount, string(sal.Currency))
	}
	switch {
	case sal.P10 != 0 && sal.P25 != 0 && sal.Median != 0 && sal.P75 != 0 && sal.P90 != 0:
		card = append(card, point("p10th", "10th", sal.P10), point("p25th", "25th", sal.P25),
			point("median", "Median", sal.Median), point("p75th", "75th", sal.P75), point("p90th", "90th", sal.P90))
	case sal.Median != 0:
		card = append(card, point("median", "Median", sal.Median))
	}
	return strings.Join(card, " · ")
}

// wordsOf returns the strings of the language of the content file name,
// found as the build finds it (content.LanguageOf: the file name's
// language code, site.yaml's languages) among the strings the build
// loads; nil when site.yaml or the strings cannot be read.
func (s *server) wordsOf(name string) *i18n.Strings {
	cfg, err := config.Load(s.files)
	if err != nil {
		return nil
	}
	var codes []string
	for _, l := range cfg.LanguageList() {
		codes = append(codes, l.Code)
	}
	c, _, _ := i18n.Load(s.theme, s.files, codes, cfg.Language)
	if c == nil {
		return nil
	}
	_, lang, _ := content.LanguageOf(name, cfg)
	return c.For(lang)
}

// salaryNodeAt returns the value of the key at path in the front matter
// of text that holds off: of the keys at path (one for each item of a
// list on the way), the last that starts at or before off. nil when the
// front matter does not parse.
func salaryNodeAt(text []byte, path []string, off int) *yaml.Node {
	top, firstLine := frontMatterNode(text)
	if top == nil {
		return nil
	}
	at := textpos.At(text, off)
	lineStart := bytes.LastIndexByte(text[:off], '\n') + 1
	line, col := at.Line+1-firstLine, utf8.RuneCount(text[lineStart:off])+1 // the node's positions: 1-based, in runes
	var found *yaml.Node
	for _, kv := range valuesAt(top, path) {
		if k := kv[0]; k.Line < line || k.Line == line && k.Column <= col {
			found = kv[1]
		}
	}
	return found
}

// valuesAt returns the keys at path under n and their values, in the
// order of the text; a list on the way is looked into item by item.
func valuesAt(n *yaml.Node, path []string) [][2]*yaml.Node {
	var out [][2]*yaml.Node
	switch n.Kind {
	case yaml.SequenceNode:
		for _, item := range n.Content {
			out = append(out, valuesAt(item, path)...)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch {
			case n.Content[i].Value != path[0]:
			case len(path) == 1:
				out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
			default:
				out = append(out, valuesAt(n.Content[i+1], path[1:])...)
			}
		}
	}
	return out
}

// frontMatterNode returns the front matter of text parsed as the build
// parses it (content.Node), its top mapping, and the 0-based line of text
// where the parsed text starts; nil when it does not parse.
func frontMatterNode(text []byte) (top *yaml.Node, firstLine int) {
	first := bytes.IndexByte(text, '\n') + 1
	var format string
	var raw []byte
	switch syntaxOf(text) {
	case yamlSyntax:
		end, ok := frontMatterEnd(text)
		if !ok {
			return nil, 0
		}
		format, raw, firstLine = "yaml", text[first:end], 1
	case tomlSyntax:
		end, _ := closingLine(text, "+++", "+++")
		format, raw, firstLine = "toml", text[first:end], 1
	case jsonSyntax:
		dec := json.NewDecoder(bytes.NewReader(text)) // the object that opens the file, and no more
		var obj json.RawMessage
		if dec.Decode(&obj) != nil {
			return nil, 0
		}
		format, raw = "json", text[:dec.InputOffset()]
	}
	doc, err := content.Node(format, raw)
	if err != nil || doc == nil || len(doc.Content) == 0 {
		return nil, 0
	}
	return doc.Content[0], firstLine
}
