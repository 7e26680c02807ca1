package decode

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// scalar decodes n into a string, bool, integer or float value.
func (d *decoder) scalar(n *yaml.Node, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		d.str(n, v)
	case reflect.Bool:
		d.boolean(n, v)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.integer(n, v)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d.unsigned(n, v)
	case reflect.Float32, reflect.Float64:
		d.float(n, v)
	default:
		d.fail(n, "cannot decode into Go type %s", v.Type())
	}
}

// want reports a value of the wrong type: the scalar's text when it is a
// scalar, its kind otherwise.
func (d *decoder) want(n *yaml.Node, what string) {
	if n.Kind == yaml.ScalarNode {
		d.fail(n, "want %s, got %q", what, n.Value)
		return
	}
	d.fail(n, "want %s, got %s", what, describe(n))
}

func (d *decoder) str(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, "want a string, got %s", describe(n))
		return
	}
	v.SetString(n.Value)
}

func (d *decoder) boolean(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		d.want(n, "true or false")
		return
	}
	v.SetBool(parseBool(n.Value))
}

func parseBool(s string) bool {
	return s == "true" || s == "True" || s == "TRUE"
}

func (d *decoder) integer(n *yaml.Node, v reflect.Value) {
	i, r := intOf(n)
	if r == notNumber {
		d.want(n, "an integer")
		return
	}
	if r == outOfRange || v.OverflowInt(i) {
		bits := v.Type().Bits()
		d.fail(n, "want an integer between %d and %d, got %q", -1<<(bits-1), 1<<(bits-1)-1, n.Value)
		return
	}
	v.SetInt(i)
}

func (d *decoder) unsigned(n *yaml.Node, v reflect.Value) {
	i, r := intOf(n)
	switch {
	case r == notNumber:
		d.want(n, "an integer")
		return
	case r == inRange && i < 0:
		d.want(n, "a non-negative integer")
		return
	}
	u, r := uintOf(n)
	if r != inRange || v.OverflowUint(u) {
		d.fail(n, "want an integer between 0 and %d, got %q", uint64(1)<<v.Type().Bits()-1, n.Value)
		return
	}
	v.SetUint(u)
}

func (d *decoder) float(n *yaml.Node, v reflect.Value) {
	f, ok := floatOf(n)
	if !ok {
		d.want(n, "a number")
		return
	}
	if v.OverflowFloat(f) {
		d.fail(n, "number %q is too large for %s", n.Value, v.Type())
		return
	}
	v.SetFloat(f)
}

// numResult says whether a scalar holds an integer that fits 64 bits.
type numResult int

const (
	inRange numResult = iota
	outOfRange
	notNumber
)

// intOf reads an integer scalar, or a float scalar holding a whole number.
func intOf(n *yaml.Node) (int64, numResult) {
	if n.Kind != yaml.ScalarNode {
		return 0, notNumber
	}
	switch n.ShortTag() {
	case "!!int":
		i, err := strconv.ParseInt(digits(n.Value), 0, 64)
		return i, numErr(err)
	case "!!float":
		f, ok := parseFloat(n.Value)
		switch {
		case !ok || f != math.Trunc(f):
			return 0, notNumber
		case f < math.MinInt64 || f >= math.MaxInt64:
			return 0, outOfRange
		}
		return int64(f), inRange
	}
	return 0, notNumber
}

// uintOf is intOf for unsigned integers; negative values are notNumber.
func uintOf(n *yaml.Node) (uint64, numResult) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		u, err := strconv.ParseUint(digits(n.Value), 0, 64)
		return u, numErr(err)
	}
	i, r := intOf(n)
	if r == inRange && i < 0 {
		return 0, notNumber
	}
	return uint64(i), r
}

// digits drops the "_" separators YAML allows in numbers.
func digits(s string) string {
	if strings.IndexByte(s, '_') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "_", "")
}

func numErr(err error) numResult {
	if err == nil {
		return inRange
	}
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		return outOfRange
	}
	return notNumber
}

func floatOf(n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode {
		return 0, false
	}
	switch n.ShortTag() {
	case "!!float":
		return parseFloat(n.Value)
	case "!!int":
		if i, err := strconv.ParseInt(digits(n.Value), 0, 64); err == nil {
			return float64(i), true
		}
		if u, err := strconv.ParseUint(digits(n.Value), 0, 64); err == nil {
			return float64(u), true
		}
	}
	return 0, false
}

// parseFloat reads a YAML float, including .inf, -.inf and .nan.
func parseFloat(s string) (float64, bool) {
	switch strings.ToLower(s) {
	case ".inf", "+.inf":
		return math.Inf(1), true
	case "-.inf":
		return math.Inf(-1), true
	case ".nan":
		return math.NaN(), true
	}
	f, err := strconv.ParseFloat(digits(s), 64)
	return f, err == nil
}

// timeLayouts are the accepted date forms, most common first. The one-digit
// month and day forms accept two digits too.
var timeLayouts = [...]string{
	"2006-1-2",
	"2006-1-2T15:4:5.999999999Z07:00",
	"2006-1-2T15:4:5.999999999",
	"2006-1-2 15:4:5.999999999",
	"2006-1-2 15:4:5.999999999Z07:00",
	"2006-1-2t15:4:5.999999999Z07:00",
}

// ParseTime parses s in one of the accepted date layouts (see the package
// documentation). A time without a zone is UTC; one with a zone keeps its
// offset (as a fixed zone, never the machine's local zone, so output does not
// depend on where it runs).
func ParseTime(s string) (time.Time, bool) {
	if len(s) < 8 || s[4] != '-' {
		return time.Time{}, false
	}
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (d *decoder) time(n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, "want a date (YYYY-MM-DD), got %s", describe(n))
		return
	}
	t, ok := ParseTime(n.Value)
	if !ok {
		d.fail(n, "cannot parse %q as a date (want YYYY-MM-DD)", n.Value)
		return
	}
	v.Set(reflect.ValueOf(t))
}
