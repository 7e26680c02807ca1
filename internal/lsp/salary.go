package lsp

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/decode"
)

// inSalary reports whether a word whose mappings are parents is the
// top-level salary key or in its block.
func inSalary(parents []string, word string) bool {
	if len(parents) == 0 {
		return word == "salary"
	}
	return parents[0] == "salary"
}

// salaryCard returns the top-level salary of the YAML front matter of
// text as the salary card of a job or role page writes it (in English):
// "$79,850–$211,450 a year", then the median and the 10th to 90th
// percentile range when they are given. "" when there is none, or it
// does not decode (check says why).
func salaryCard(text []byte) string {
	end, ok := frontMatterEnd(text)
	if !ok {
		return ""
	}
	doc, perr := decode.Parse(text[bytes.IndexByte(text, '\n')+1 : end])
	if perr != nil || doc == nil || len(doc.Content) == 0 {
		return ""
	}
	var n *yaml.Node
	top := doc.Content[0]
	for i := 0; top.Kind == yaml.MappingNode && i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "salary" {
			n = top.Content[i+1]
		}
	}
	var s career.Salary
	if n == nil || len(decode.Node(n, &s)) > 0 {
		return ""
	}
	lines := []string{"**" + s.Range() + "**"}
	if s.Median != 0 {
		lines = append(lines, "median "+s.Currency.Format(s.Median))
	}
	if s.P10 != 0 && s.P90 != 0 {
		lines = append(lines, "10th to 90th percentile "+s.Currency.Format(s.P10)+"–"+s.Currency.Format(s.P90))
	}
	return strings.Join(lines, " · ")
}
