package pagecodec

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"time"
)

// errUnsupported is the error of a value the codec cannot give back
// exactly: a type front matter decoding does not make, a time in a zone
// other than UTC or a fixed offset, nesting deeper than maxDepth.
var errUnsupported = errors.New("pagecodec: a value it cannot encode exactly")

// The tags of the front matter values (internal/decode's plain values).
const (
	tagNil byte = iota
	tagFalse
	tagTrue
	tagInt
	tagFloat
	tagString
	tagTime
	tagList
	tagMap
)

// value writes v, one of the values internal/decode makes of front
// matter it has no type for: map[string]any, []any, string, int,
// float64, bool, time.Time or nil.
func (e *encoder) value(v any) error {
	switch v := v.(type) {
	case nil:
		e.byte(tagNil)
	case bool:
		if v {
			e.byte(tagTrue)
		} else {
			e.byte(tagFalse)
		}
	case int:
		e.byte(tagInt)
		e.int(int64(v))
	case float64:
		e.byte(tagFloat)
		e.float(v)
	case string:
		e.byte(tagString)
		e.str(v)
	case time.Time:
		e.byte(tagTime)
		return e.time(v)
	case []any:
		e.byte(tagList)
		return e.list(v)
	case map[string]any:
		e.byte(tagMap)
		return e.mapping(v)
	default:
		return fmt.Errorf("%w: %T", errUnsupported, v)
	}
	return nil
}

func (e *encoder) list(list []any) error {
	if e.depth++; e.depth > maxDepth {
		return errUnsupported
	}
	e.count(len(list), list == nil)
	for _, v := range list {
		if err := e.value(v); err != nil {
			return err
		}
	}
	e.depth--
	return nil
}

// mapping writes m's keys sorted, so that a page is always written as
// the same bytes.
func (e *encoder) mapping(m map[string]any) error {
	if e.depth++; e.depth > maxDepth {
		return errUnsupported
	}
	e.count(len(m), m == nil)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.str(k)
		if err := e.value(m[k]); err != nil {
			return err
		}
	}
	e.depth--
	return nil
}

func (d *decoder) value() any {
	switch d.byte() {
	case tagNil:
		return nil
	case tagFalse:
		return false
	case tagTrue:
		return true
	case tagInt:
		return d.intOf()
	case tagFloat:
		return d.float()
	case tagString:
		return d.str()
	case tagTime:
		return d.time()
	case tagList:
		return d.list()
	case tagMap:
		return d.mapping()
	}
	d.fail()
	return nil
}

func (d *decoder) list() []any {
	if d.depth++; d.depth > maxDepth {
		d.fail()
	}
	n, isNil := d.count()
	if isNil {
		return nil
	}
	list := make([]any, n)
	for i := range list {
		list[i] = d.value()
	}
	d.depth--
	return list
}

func (d *decoder) mapping() map[string]any {
	if d.depth++; d.depth > maxDepth {
		d.fail()
	}
	n, isNil := d.count()
	if isNil {
		return nil
	}
	m := make(map[string]any, n)
	last := ""
	for i := range n {
		k := d.str()
		if i > 0 && k <= last {
			d.fail() // an encoder writes the keys once each, sorted
		}
		m[k], last = d.value(), k
	}
	d.depth--
	return m
}

// The kinds of time: the zero Time, one in UTC, one at a fixed offset.
const (
	timeZero byte = iota
	timeUTC
	timeFixed
)

// time writes t as its Unix second and nanosecond and its zone: UTC, or
// the name and offset of a fixed zone (time.FixedZone), as
// time.ParseInLocation makes of an offset. A time in any other
// location (time.Local, a zone of the tz database), or with a monotonic
// clock reading, is not written.
func (e *encoder) time(t time.Time) error {
	if t == (time.Time{}) {
		e.byte(timeZero)
		return nil
	}
	if t != t.Round(0) {
		return fmt.Errorf("%w: a time with a monotonic clock reading", errUnsupported)
	}
	loc := t.Location()
	if loc == time.UTC {
		e.byte(timeUTC)
		e.int(t.Unix())
		e.uint(uint64(t.Nanosecond()))
		return nil
	}
	name, offset := t.Zone()
	if !reflect.DeepEqual(loc, time.FixedZone(name, offset)) {
		return fmt.Errorf("%w: a time in %s", errUnsupported, loc)
	}
	e.byte(timeFixed)
	e.int(t.Unix())
	e.uint(uint64(t.Nanosecond()))
	e.str(name)
	e.int(int64(offset))
	return nil
}

func (d *decoder) time() time.Time {
	kind := d.byte()
	if kind == timeZero {
		return time.Time{}
	}
	sec, nsec := d.int(), d.uint()
	if nsec >= 1e9 {
		d.fail()
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec))
	switch kind {
	case timeUTC:
		return t.UTC()
	case timeFixed:
		name, offset := d.str(), d.intOf()
		return t.In(time.FixedZone(name, offset))
	}
	d.fail()
	return time.Time{}
}
