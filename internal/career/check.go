package career

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// checker applies the rules that decoding alone cannot: required fields and
// the relations between fields. It reads decoded values, and consults the
// index for where they were written and whether they were written at all;
// a value that failed to decode (decode has reported it) is treated as
// absent, so that one mistake gives one error.
type checker struct {
	pos  positions
	bad  map[string]bool // paths of values decode rejected
	errs []*diag.Error
}

func newChecker(pos positions, decodeErrs []*diag.Error) *checker {
	c := &checker{pos: pos, bad: make(map[string]bool, len(decodeErrs))}
	for _, e := range decodeErrs {
		c.bad[e.Path] = true
	}
	return c
}

// given reports whether path holds a scalar that decoded cleanly.
func (c *checker) given(path string) bool {
	e, ok := c.pos[path]
	return ok && !e.null && e.kind == yaml.ScalarNode && !c.bad[path]
}

// isMapping reports whether path holds a mapping.
func (c *checker) isMapping(path string) bool {
	e, ok := c.pos[path]
	return ok && e.kind == yaml.MappingNode
}

// errorf reports a problem with the value at path. A path that was not
// written (a rule about a missing value) is reported at its nearest written
// parent.
func (c *checker) errorf(path, format string, args ...any) {
	c.errs = append(c.errs, errorAt(c.pos, path, fmt.Sprintf(format, args...)))
}

// errorAt makes an error at the value of path, or at the key of its nearest
// written parent.
func errorAt(pos positions, path, msg string) *diag.Error {
	if e, ok := pos[path]; ok {
		return &diag.Error{Line: e.val.line, Col: e.val.col, Path: path, Msg: msg}
	}
	p := path
	for p != "" {
		p = parent(p)
		if e, ok := pos[p]; ok {
			at := e.key
			if p == "" {
				at = e.val
			}
			return &diag.Error{Line: at.line, Col: at.col, Path: p, Msg: msg}
		}
	}
	return &diag.Error{Line: 1, Col: 1, Path: path, Msg: msg}
}

// parent returns the path one step up: "a.b[2]" → "a.b", "a.b" → "a".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// required reports the fields of the struct v (decoded from the mapping at
// path) that are tagged `required:"yes"` and were not written or were
// written empty, then does the same for every nested struct that was
// written. Rules for fields that are required only sometimes (tagged with
// the condition in words) are checked by the kind's own code.
func (c *checker) required(path string, v reflect.Value) {
	if !c.isMapping(path) {
		return // not written, or decode has reported it is not a mapping
	}
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		key := yamlKey(sf)
		if key == "" {
			continue
		}
		p := join(path, key)
		e, ok := c.pos[p]
		switch {
		case !ok && sf.Tag.Get("required") == "yes":
			c.missing(path, key)
		case ok && sf.Tag.Get("required") == "yes" && c.empty(p, e, v.Field(i)):
			c.errs = append(c.errs, &diag.Error{Line: e.key.line, Col: e.key.col, Path: p, Msg: "must not be empty"})
		case ok:
			c.nested(p, v.Field(i))
		}
	}
}

// empty reports whether the value at path, written as e and decoded into
// v, is null, blank or an empty list.
func (c *checker) empty(path string, e entry, v reflect.Value) bool {
	if e.null {
		return true
	}
	return e.kind == yaml.SequenceNode && v.Kind() == reflect.Slice && v.Len() == 0 && !c.bad[path]
}

// notEmpty reports a list written at path with no items (n is its decoded
// length).
func (c *checker) notEmpty(path string, n int) {
	if e, ok := c.pos[path]; ok && e.kind == yaml.SequenceNode && n == 0 && !c.bad[path] {
		c.errs = append(c.errs, &diag.Error{Line: e.key.line, Col: e.key.col, Path: path, Msg: "must not be empty"})
	}
}

// nested checks the structs inside a field: a struct, a pointer to one, or
// a list of them.
func (c *checker) nested(path string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			c.nested(path, v.Elem())
		}
	case reflect.Struct:
		if v.Type() != reflect.TypeFor[time.Time]() {
			c.required(path, v)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Struct && v.Type().Elem() != reflect.TypeFor[Ref]() {
			for i := range v.Len() {
				c.required(item(path, i), v.Index(i))
			}
		}
	}
}

// missing reports a required key absent from the mapping at path.
func (c *checker) missing(path, key string) {
	e := c.pos[path]
	at := e.key
	if path == "" {
		at = e.val
	}
	c.errs = append(c.errs, &diag.Error{Line: at.line, Col: at.col, Path: path, Msg: fmt.Sprintf("missing required %q", key)})
}

// yamlKey returns the key a struct field decodes from, "" for none.
func yamlKey(sf reflect.StructField) string {
	name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
	if !sf.IsExported() || name == "-" || name == "" {
		return ""
	}
	return name
}

// ordered reports every value in a chain that is less than the value given
// before it; values not given, and values not greater than 0 (which
// positive reports), are skipped. Each value is compared with its given
// neighbour only, so that one value out of place is one error. want names
// the whole chain for the message.
func (c *checker) ordered(path string, chain []named, want string) {
	var prev *named
	for i := range chain {
		n := &chain[i]
		if !c.given(join(path, n.key)) || n.value <= 0 {
			continue
		}
		if prev != nil && n.value < prev.value {
			c.errorf(join(path, n.key), "%s is less than %s (%s); want %s", num(n.value), prev.key, num(prev.value), want)
		}
		prev = n
	}
}

// named is a number and the key it was written under.
type named struct {
	key   string
	value float64
}

// positive reports the given numbers that are not greater than zero.
func (c *checker) positive(path string, values ...named) {
	for _, n := range values {
		if c.given(join(path, n.key)) && n.value <= 0 {
			c.errorf(join(path, n.key), "must be greater than 0, got %s", num(n.value))
		}
	}
}

// num formats a number as written in front matter: 79850, 3.5.
func num(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
