package decode

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Decoder is implemented by types that decode their own YAML. DecodeYAML
// receives the value node (aliases already followed; never a null node).
type Decoder interface {
	DecodeYAML(n *yaml.Node) error
}

// maxAliases bounds alias expansion so that a small document cannot make the
// decoder do unbounded work (the "billion laughs" document, or an alias cycle).
const maxAliases = 10000

var (
	timeType    = reflect.TypeFor[time.Time]()
	decoderType = reflect.TypeFor[Decoder]()
	mapAnyType  = reflect.TypeFor[map[string]any]()
	listAnyType = reflect.TypeFor[[]any]()
)

// Node decodes n (a document node or any node below one) into the value v
// points to. Every problem is returned, in document order; nothing stops at
// the first one. v must be a non-nil pointer.
func Node(n *yaml.Node, v any) []*diag.Error {
	if n == nil || n.Kind == 0 {
		return nil // nothing was parsed: an empty document
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return []*diag.Error{{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("decode.Node needs a non-nil pointer, got %T", v)}}
	}
	d := &decoder{}
	d.value(n, rv.Elem())
	return d.errs
}

// decoder holds the state of one Node call.
type decoder struct {
	errs    []*diag.Error
	path    []step // keys and indexes from the top to the current node
	aliases int    // aliases followed so far
}

// step is one element of a key path: a key, or an index when key is "".
type step struct {
	key   string
	index int
}

func (d *decoder) pushKey(k string) { d.path = append(d.path, step{key: k}) }
func (d *decoder) pushIndex(i int)  { d.path = append(d.path, step{index: i}) }
func (d *decoder) pop()             { d.path = d.path[:len(d.path)-1] }

// pathString renders the current path; it is only built when there is an
// error to report.
func (d *decoder) pathString() string {
	var b strings.Builder
	for i, s := range d.path {
		switch {
		case s.key == "":
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		case i > 0:
			b.WriteByte('.')
			b.WriteString(s.key)
		default:
			b.WriteString(s.key)
		}
	}
	return b.String()
}

func (d *decoder) fail(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &diag.Error{Line: n.Line, Col: n.Column, Path: d.pathString(), Msg: fmt.Sprintf(format, args...)})
}

// follow returns the node an alias stands for, or n itself. The result
// carries the alias's position, so that a problem with the value is reported
// where the alias is used. It returns nil (after reporting it once) when the
// alias budget is spent.
func (d *decoder) follow(n *yaml.Node) *yaml.Node {
	if n == nil || n.Kind != yaml.AliasNode {
		return n
	}
	at := n
	for n != nil && n.Kind == yaml.AliasNode {
		d.aliases++
		if d.aliases > maxAliases {
			if d.aliases == maxAliases+1 {
				d.fail(at, "too many aliases (more than %d expansions, or an alias that contains itself)", maxAliases)
			}
			return nil
		}
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	c := *n
	c.Line, c.Column = at.Line, at.Column
	return &c
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// value decodes n into v, which must be settable.
func (d *decoder) value(n *yaml.Node, v reflect.Value) {
	n = d.follow(n)
	if n == nil || isNull(n) {
		return
	}
	t := v.Type()
	if t == timeType {
		d.time(n, v)
		return
	}
	if dec := asDecoder(v); dec != nil {
		d.custom(n, dec)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(t.Elem()))
		}
		d.value(n, v.Elem())
	case reflect.Interface:
		d.iface(n, v)
	case reflect.Struct:
		d.structure(n, v)
	case reflect.Map:
		d.mapping(n, v)
	case reflect.Slice:
		d.list(n, v)
	default:
		d.scalar(n, v)
	}
}

// asDecoder returns v as a Decoder when its type (or pointer to it) has a
// DecodeYAML method. Only defined types can have methods, so the common
// unnamed and predeclared types skip the lookup.
func asDecoder(v reflect.Value) Decoder {
	t := v.Type()
	if t.PkgPath() == "" || !v.CanAddr() || !typeOf(t).decoder {
		return nil
	}
	return v.Addr().Interface().(Decoder)
}

func (d *decoder) custom(n *yaml.Node, dec Decoder) {
	if err := dec.DecodeYAML(n); err != nil {
		d.adopt(n, err)
	}
}

// adopt records an error returned by a DecodeYAML method: *diag.Error values keep
// their own positions (below the current path); anything else is reported at n.
func (d *decoder) adopt(n *yaml.Node, err error) {
	switch e := err.(type) {
	case *diag.Error:
		c := *e
		c.Path = joinPath(d.pathString(), e.Path)
		if c.Line == 0 {
			c.Line, c.Col = n.Line, n.Column
		}
		d.errs = append(d.errs, &c)
	case interface{ Unwrap() []error }:
		for _, sub := range e.Unwrap() {
			d.adopt(n, sub)
		}
	default:
		d.fail(n, "%s", err.Error())
	}
}

func (d *decoder) iface(n *yaml.Node, v reflect.Value) {
	if v.NumMethod() != 0 {
		d.fail(n, "cannot decode into Go type %s", v.Type())
		return
	}
	if p := d.plain(n); p != nil {
		v.Set(reflect.ValueOf(p))
	} else {
		v.SetZero()
	}
}

func (d *decoder) list(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, "want a list, got %s", describe(n))
		return
	}
	if v.Type() == listAnyType {
		v.Set(reflect.ValueOf(d.plainList(n)))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.pushIndex(i)
		d.value(c, s.Index(i))
		d.pop()
	}
	v.Set(s)
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value) {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		d.fail(n, "cannot decode into Go type %s (map keys must be strings)", t)
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, "want a mapping, got %s", describe(n))
		return
	}
	if t == mapAnyType {
		v.Set(reflect.ValueOf(d.plainMap(n)))
		return
	}
	m := reflect.MakeMapWithSize(t, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, ok := d.key(n.Content[i])
		if !ok {
			continue
		}
		kv := reflect.ValueOf(k.Value).Convert(t.Key())
		if m.MapIndex(kv).IsValid() {
			d.fail(k, "duplicate key %q", k.Value)
			continue
		}
		d.setMapEntry(m, kv, n.Content[i+1])
	}
	v.Set(m)
}

// setMapEntry decodes val into a fresh element and stores it in m under k.
func (d *decoder) setMapEntry(m, k reflect.Value, val *yaml.Node) {
	elem := reflect.New(m.Type().Elem()).Elem()
	d.pushKey(k.String())
	d.value(val, elem)
	d.pop()
	m.SetMapIndex(k, elem)
}

// key checks that a mapping key is a plain scalar and returns its node.
func (d *decoder) key(k *yaml.Node) (*yaml.Node, bool) {
	k = d.follow(k)
	switch {
	case k == nil:
		return nil, false
	case k.Kind != yaml.ScalarNode:
		d.fail(k, "want a string key, got %s", describe(k))
		return nil, false
	case k.ShortTag() == "!!merge":
		d.fail(k, "merge keys (<<) are not supported")
		return nil, false
	}
	return k, true
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, "want a mapping, got %s", describe(n))
		return
	}
	info := typeOf(v.Type()).fields
	seen := make([]bool, len(info.fields))
	var remain reflect.Value
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, ok := d.key(n.Content[i])
		if !ok {
			continue
		}
		if fi, ok := info.byName[k.Value]; ok {
			if seen[fi] {
				d.fail(k, "duplicate key %q", k.Value)
				continue
			}
			seen[fi] = true
			d.pushKey(k.Value)
			d.value(n.Content[i+1], fieldOf(v, info.fields[fi].index))
			d.pop()
			continue
		}
		if info.remain == nil {
			d.unknown(k, info.keys)
			continue
		}
		if !remain.IsValid() {
			remain = fieldOf(v, info.remain)
			if remain.IsNil() {
				remain.Set(reflect.MakeMap(remain.Type()))
			}
		}
		kv := reflect.ValueOf(k.Value).Convert(remain.Type().Key())
		if remain.MapIndex(kv).IsValid() {
			d.fail(k, "duplicate key %q", k.Value)
			continue
		}
		d.setMapEntry(remain, kv, n.Content[i+1])
	}
}

func (d *decoder) unknown(k *yaml.Node, known []string) {
	if s := Suggest(k.Value, known); s != "" {
		msg, fix := diag.DidYouMean(fmt.Sprintf("unknown key %q", k.Value), k.Value, s)
		d.fail(k, "%s", msg)
		d.errs[len(d.errs)-1].Fix = fix
		return
	}
	d.fail(k, "unknown key %q", k.Value)
}

// fieldOf returns the field of struct v at index, a path through inlined
// (non-pointer) structs.
func fieldOf(v reflect.Value, index []int) reflect.Value {
	for _, x := range index {
		v = v.Field(x)
	}
	return v
}

// describe names the kind of a node for "got ..." in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!str", "!!binary":
			return "a string"
		case "!!int":
			return "an integer"
		case "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		case "!!timestamp":
			return "a date"
		case "!!null":
			return "null"
		}
		return "a " + n.ShortTag() + " value"
	}
	return "nothing"
}
