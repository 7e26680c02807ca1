package decode

import (
	"math"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// plain converts n to plain Go values: map[string]any, []any, string, int,
// float64, bool, time.Time or nil.
func (d *decoder) plain(n *yaml.Node) any {
	n = d.follow(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		return d.plainMap(n)
	case yaml.SequenceNode:
		return d.plainList(n)
	case yaml.ScalarNode:
		return plainScalar(n)
	}
	return nil
}

func (d *decoder) plainMap(n *yaml.Node) map[string]any {
	m := make(map[string]any, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, ok := d.key(n.Content[i])
		if !ok {
			continue
		}
		if _, dup := m[k.Value]; dup {
			d.fail(k, "duplicate key %q", k.Value)
			continue
		}
		d.pushKey(k.Value)
		m[k.Value] = d.plain(n.Content[i+1])
		d.pop()
	}
	return m
}

func (d *decoder) plainList(n *yaml.Node) []any {
	list := make([]any, len(n.Content))
	for i, c := range n.Content {
		d.pushIndex(i)
		list[i] = d.plain(c)
		d.pop()
	}
	return list
}

func plainScalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return parseBool(n.Value)
	case "!!int":
		if i, err := strconv.ParseInt(digits(n.Value), 0, 64); err == nil && i >= math.MinInt && i <= math.MaxInt {
			return int(i)
		}
		if f, ok := floatOf(n); ok {
			return f
		}
	case "!!float":
		if f, ok := parseFloat(n.Value); ok {
			return f
		}
	case "!!timestamp":
		if t, ok := ParseTime(n.Value); ok {
			return t
		}
	}
	return n.Value
}
