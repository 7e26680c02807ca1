package content

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// tomlNode parses TOML front matter into a yaml.Node tree whose positions are
// those of the TOML text. BurntSushi/toml decodes the values (and reports
// syntax errors with their positions) but does not expose where keys and
// values are, so a scan of the text (tomlpos.go) finds them.
func tomlNode(src []byte) (*yaml.Node, *diag.Error) {
	var m map[string]any
	if _, err := toml.Decode(string(src), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) && pe.Position.Line > 0 {
			return nil, &diag.Error{Line: pe.Position.Line, Col: max(pe.Position.Col, 1), Msg: "invalid TOML: " + pe.Message}
		}
		return nil, &diag.Error{Line: 1, Col: 1, Msg: "invalid TOML: " + err.Error()}
	}
	if tooDeep(m, maxTOMLDepth) { // limits.go
		return nil, &diag.Error{Line: 1, Col: 1, Msg: fmt.Sprintf("TOML front matter nested more than %d levels deep", maxTOMLDepth)}
	}
	b := tomlBuilder{pos: scanTOML(src), li: newLineIndex(src)}
	root := b.node("", m)
	root.Line, root.Column = 1, 1
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{root}}, nil
}

type tomlBuilder struct {
	pos map[string]tomlPos
	li  lineIndex
}

// at returns the line and column of a byte offset (1:1 when unknown).
func (b *tomlBuilder) at(off int) (int, int) {
	if off < 0 {
		return 1, 1
	}
	return b.li.pos(off)
}

// node builds the node for the value v found at path.
func (b *tomlBuilder) node(path string, v any) *yaml.Node {
	p, ok := b.pos[path]
	if !ok {
		p = tomlPos{key: -1, val: -1}
	}
	n := &yaml.Node{}
	n.Line, n.Column = b.at(p.val)
	switch v := v.(type) {
	case map[string]any:
		b.mapping(n, path, v)
	case []map[string]any:
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		for i, e := range v {
			n.Content = append(n.Content, b.node(tomlIndex(path, i), e))
		}
	case []any:
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		for i, e := range v {
			n.Content = append(n.Content, b.node(tomlIndex(path, i), e))
		}
	default:
		n.Kind = yaml.ScalarNode
		n.Tag, n.Value = tomlScalar(v)
	}
	return n
}

// mapping fills n with the keys of m in the order they appear in the text.
func (b *tomlBuilder) mapping(n *yaml.Node, path string, m map[string]any) {
	n.Kind, n.Tag = yaml.MappingNode, "!!map"
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	keyOff := func(k string) int {
		if p, ok := b.pos[tomlJoin(path, k)]; ok {
			return p.key
		}
		return math.MaxInt
	}
	slices.SortFunc(keys, func(x, y string) int {
		return cmp.Or(cmp.Compare(keyOff(x), keyOff(y)), cmp.Compare(x, y))
	})
	for _, k := range keys {
		kp := tomlJoin(path, k)
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}
		if p, ok := b.pos[kp]; ok {
			key.Line, key.Column = b.at(p.key)
		} else {
			key.Line, key.Column = n.Line, n.Column
		}
		n.Content = append(n.Content, key, b.node(kp, m[k]))
	}
}

// tomlScalar returns the YAML tag and text of a decoded TOML value. Dates
// and times without an offset (TOML's local date-times) are written without
// one, so decode reads them as UTC.
func tomlScalar(v any) (tag, value string) {
	switch v := v.(type) {
	case string:
		return "!!str", v
	case int64:
		return "!!int", strconv.FormatInt(v, 10)
	case float64:
		switch {
		case math.IsNaN(v):
			return "!!float", ".nan"
		case math.IsInf(v, 1):
			return "!!float", ".inf"
		case math.IsInf(v, -1):
			return "!!float", "-.inf"
		}
		return "!!float", strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return "!!bool", strconv.FormatBool(v)
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return "!!timestamp", v.Format("2006-01-02")
		case "datetime-local":
			return "!!timestamp", v.Format("2006-01-02T15:04:05.999999999")
		case "time-local":
			return "!!str", v.Format("15:04:05.999999999")
		}
		return "!!timestamp", v.Format(time.RFC3339Nano)
	}
	return "!!str", fmt.Sprint(v)
}
