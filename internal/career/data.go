package career

import (
	"reflect"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// Data is the typed, validated career data of a page: at most one of its
// fields is set, the one for the page's kind.
type Data struct {
	Job           *Job
	Role          *Role
	Certification *Certification
}

// IsZero reports whether d holds no data (the page is not of a career kind).
func (d Data) IsZero() bool {
	return d.Job == nil && d.Role == nil && d.Certification == nil
}

// kindData is implemented by *Job, *Role and *Certification.
type kindData interface {
	check(c *checker)
	setPositions(p positions)
	positionsOf() positions
}

// defaulter is implemented by kinds with defaults that depend on what was
// written.
type defaulter interface {
	defaults(c *checker)
}

// Keys returns the front-matter keys of kind, sorted; nil for a kind that
// has none (article, or not a kind).
func Keys(kind string) []string {
	switch kind {
	case config.KindJob:
		return decode.Keys(Job{})
	case config.KindRole:
		return decode.Keys(Role{})
	case config.KindCertification:
		return decode.Keys(Certification{})
	}
	return nil
}

// Decode decodes and checks the kind-specific fields of a page of kind.
// m is a mapping node that holds those fields (and, if the caller likes,
// others that Decode ignores: it reads only the keys Keys(kind) lists); nil
// or an empty mapping decodes to a Data with nothing written. Missing
// required top-level fields are reported at m's own position, so callers
// set it to where the front matter opens.
//
// Every problem is returned, in no particular order: each at the line and
// column of its node in m (which callers make file positions by shifting
// the tree), with its key path. The returned Data is usable even when
// there are problems (invalid values are left zero), though a page with
// problems should not be published. For a kind that is not a career kind,
// Decode returns a zero Data and no problems.
func Decode(kind string, m *yaml.Node) (Data, []*diag.Error) {
	var d Data
	var v kindData
	switch kind {
	case config.KindJob:
		d.Job = &Job{}
		v = d.Job
	case config.KindRole:
		d.Role = &Role{}
		v = d.Role
	case config.KindCertification:
		d.Certification = &Certification{}
		v = d.Certification
	default:
		return Data{}, nil
	}
	m = only(m, Keys(kind))
	errs := decode.Node(m, v)
	c := newChecker(index(m), errs)
	if df, ok := v.(defaulter); ok {
		df.defaults(c)
	}
	c.required("", reflect.ValueOf(v).Elem())
	v.check(c)
	v.setPositions(c.pos.warnable())
	return d, append(errs, c.errs...)
}

// only returns a mapping with m's position that holds the entries of m
// whose keys are in keys (sorted).
func only(m *yaml.Node, keys []string) *yaml.Node {
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	if m == nil || m.Kind != yaml.MappingNode {
		if m != nil {
			out.Line, out.Column = m.Line, m.Column
		}
		return out
	}
	out.Line, out.Column = m.Line, m.Column
	for i := 0; i+1 < len(m.Content); i += 2 {
		if _, found := slices.BinarySearch(keys, m.Content[i].Value); found {
			out.Content = append(out.Content, m.Content[i], m.Content[i+1])
		}
	}
	return out
}
