package render

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// builtins returns the built-in template functions (see the package documentation).
func builtins() template.FuncMap {
	return template.FuncMap{
		"partial":     noPartial,
		"money":       noMoney,
		"dict":        dict,
		"list":        list,
		"default":     defaultValue,
		"join":        join,
		"lower":       lower,
		"upper":       upper,
		"dateFormat":  dateFormat,
		"isoDate":     isoDate,
		"number":      number,
		"first":       first,
		"add":         add,
		"sub":         sub,
		"mul":         mul,
		"div":         div,
		"errorf":      errorf,
		"markdownify": noMarkdownify,
	}
}

// errorf fails the template with a message: Hugo's errorf, for a template
// that finds its data wrong ({{ errorf "no param %q" $name }}).
func errorf(format string, args ...any) (string, error) {
	return "", fmt.Errorf(format, args...)
}

// noMoney stands in for the money func while parsing, and for a caller
// that gives its own partial func: money runs money.html through
// partial, so each instance binds its own (money.go).
func noMoney(any, any, ...any) (any, error) {
	return nil, errors.New("money called outside a render instance")
}

// noMarkdownify stands in for markdownify, which only the caller can give
// (it is the site's Markdown converter, with the site's raw-HTML rule),
// so that templates that call it parse everywhere.
func noMarkdownify(any) (template.HTML, error) {
	return "", errors.New("markdownify: no Markdown converter was given to render.New")
}

// dict makes a map from key-value pairs: dict "title" .Title "n" 3.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("want key-value pairs, got an odd number of arguments (%d)", len(pairs))
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("key %d is %T, want a string", i/2+1, pairs[i])
		}
		m[k] = pairs[i+1]
	}
	return m, nil
}

// list makes a slice of its arguments: list "a" "b".
func list(values ...any) []any {
	return values
}

// defaultValue returns given unless it is unset, else dflt: Hugo's default.
// given is variadic because {{ .Missing | default "x" }} passes no argument
// when the pipeline value is missing.
func defaultValue(dflt any, given ...any) (any, error) {
	switch {
	case len(given) == 0:
		return dflt, nil
	case len(given) > 1:
		return nil, fmt.Errorf("want 2 arguments, got %d", len(given)+1)
	case isSet(given[0]):
		return given[0], nil
	}
	return dflt, nil
}

// isSet reports whether v counts as set for default: not nil, zero, empty or
// the zero time. false is set, as in Hugo.
func isSet(v any) bool {
	if t, ok := v.(time.Time); ok {
		return !t.IsZero()
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Invalid:
		return false
	case reflect.Bool, reflect.Struct:
		return true
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map:
		return rv.Len() != 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return !rv.IsZero()
	}
	return !rv.IsNil()
}

// join writes the elements of list as text, separated by sep. The separator
// comes first so that a list can be piped in: {{ .Tags | join ", " }}.
func join(sep string, list any) (string, error) {
	rv := reflect.ValueOf(list)
	switch rv.Kind() {
	case reflect.Invalid:
		return "", nil
	case reflect.Slice, reflect.Array:
	default:
		return "", fmt.Errorf("want a list, got %T", list)
	}
	parts := make([]string, rv.Len())
	for i := range parts {
		s, err := toString(rv.Index(i).Interface())
		if err != nil {
			return "", fmt.Errorf("element %d: %w", i, err)
		}
		parts[i] = s
	}
	return strings.Join(parts, sep), nil
}

func lower(v any) (string, error) {
	s, err := toString(v)
	return strings.ToLower(s), err
}

func upper(v any) (string, error) {
	s, err := toString(v)
	return strings.ToUpper(s), err
}

// toString converts a scalar to text: strings (of any string type), numbers,
// booleans, fmt.Stringers; nil is "".
func toString(v any) (string, error) {
	if s, ok := v.(fmt.Stringer); ok {
		return s.String(), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Invalid:
		return "", nil
	case reflect.String:
		return rv.String(), nil
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(rv.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(rv.Float(), 'f', -1, rv.Type().Bits()), nil
	}
	return "", fmt.Errorf("cannot use %T as text", v)
}

// first returns the first n elements of a slice or array, or the first n
// characters of a string; all of them when there are fewer.
func first(n, list any) (any, error) {
	limit, err := toInt(n)
	if err != nil {
		return nil, err
	}
	if limit < 0 {
		return nil, fmt.Errorf("want a count of 0 or more, got %d", limit)
	}
	rv := reflect.ValueOf(list)
	switch rv.Kind() {
	case reflect.Invalid:
		return nil, errors.New("cannot take elements of nil")
	case reflect.String:
		runes := []rune(rv.String())
		return string(runes[:min(limit, len(runes))]), nil
	case reflect.Slice:
		return rv.Slice(0, min(limit, rv.Len())).Interface(), nil
	case reflect.Array: // not addressable, so copy what is kept into a slice
		out := reflect.MakeSlice(reflect.SliceOf(rv.Type().Elem()), min(limit, rv.Len()), min(limit, rv.Len()))
		reflect.Copy(out, rv)
		return out.Interface(), nil
	}
	return nil, fmt.Errorf("want a list, got %T", list)
}

// toInt converts an integer of any type, or a whole float, to int.
func toInt(v any) (int, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return int(rv.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return int(rv.Uint()), nil
	case reflect.Float32, reflect.Float64:
		if f := rv.Float(); f == float64(int(f)) {
			return int(f), nil
		}
	}
	return 0, fmt.Errorf("want an integer, got %T %v", v, v)
}
