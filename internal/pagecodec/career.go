package pagecodec

import (
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/careersite/careersite/internal/career"
)

// The career data of a page (career.Data) is written by codecs made once
// from its types, by reflection, so that a field added to them is written
// without a change here: a codec writes a struct's exported fields in
// order, a pointer as whether it is nil and then what it points to, a
// slice as its count and elements; strings, bools, integers and floats
// of any named type, and time.Time as front matter's times. A type with
// anything else (a map, an interface, an array, a channel, an unexported
// field other than the positions a page's Places carry) has no codec,
// and a page whose data is of that type is not encoded.

// A codec writes and reads values of one type.
type codec struct {
	enc func(e *encoder, v reflect.Value) error
	dec func(d *decoder, v reflect.Value) // v is settable and zero
}

// The kinds of career data, as written.
const (
	careerNone byte = iota
	careerJob
	careerRole
	careerCertification
)

var careerCodecs = sync.OnceValues(func() ([]codec, error) {
	var out []codec
	for _, t := range []reflect.Type{reflect.TypeFor[career.Job](), reflect.TypeFor[career.Role](), reflect.TypeFor[career.Certification]()} {
		c, err := codecOf(t, map[reflect.Type]bool{})
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
})

func (e *encoder) career(d career.Data) error {
	kind, v := careerNone, reflect.Value{}
	set := 0
	if d.Job != nil {
		kind, v, set = careerJob, reflect.ValueOf(d.Job).Elem(), set+1
	}
	if d.Role != nil {
		kind, v, set = careerRole, reflect.ValueOf(d.Role).Elem(), set+1
	}
	if d.Certification != nil {
		kind, v, set = careerCertification, reflect.ValueOf(d.Certification).Elem(), set+1
	}
	if set > 1 {
		return fmt.Errorf("%w: career data of two kinds", errUnsupported)
	}
	e.byte(kind)
	if kind == careerNone {
		return nil
	}
	codecs, err := careerCodecs()
	if err != nil {
		return err
	}
	return codecs[kind-1].enc(e, v)
}

func (d *decoder) career() career.Data {
	var data career.Data
	var v reflect.Value
	kind := d.byte()
	switch kind {
	case careerNone:
		return data
	case careerJob:
		data.Job = &career.Job{}
		v = reflect.ValueOf(data.Job).Elem()
	case careerRole:
		data.Role = &career.Role{}
		v = reflect.ValueOf(data.Role).Elem()
	case careerCertification:
		data.Certification = &career.Certification{}
		v = reflect.ValueOf(data.Certification).Elem()
	default:
		d.fail()
		return career.Data{}
	}
	codecs, err := careerCodecs()
	if err != nil {
		d.fail()
		return career.Data{}
	}
	codecs[kind-1].dec(d, v)
	return data
}

var timeType = reflect.TypeFor[time.Time]()

// codecOf makes the codec of t; busy holds the types whose codecs are
// being made, to refuse a type that holds itself.
func codecOf(t reflect.Type, busy map[reflect.Type]bool) (codec, error) {
	switch t.Kind() {
	case reflect.String:
		return codec{
			func(e *encoder, v reflect.Value) error { e.str(v.String()); return nil },
			func(d *decoder, v reflect.Value) { v.SetString(d.str()) },
		}, nil
	case reflect.Bool:
		return codec{
			func(e *encoder, v reflect.Value) error { e.bool(v.Bool()); return nil },
			func(d *decoder, v reflect.Value) { v.SetBool(d.bool()) },
		}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return codec{
			func(e *encoder, v reflect.Value) error { e.int(v.Int()); return nil },
			func(d *decoder, v reflect.Value) {
				if i := d.int(); v.OverflowInt(i) {
					d.fail()
				} else {
					v.SetInt(i)
				}
			},
		}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return codec{
			func(e *encoder, v reflect.Value) error { e.uint(v.Uint()); return nil },
			func(d *decoder, v reflect.Value) {
				if u := d.uint(); v.OverflowUint(u) {
					d.fail()
				} else {
					v.SetUint(u)
				}
			},
		}, nil
	case reflect.Float64:
		return codec{
			func(e *encoder, v reflect.Value) error { e.float(v.Float()); return nil },
			func(d *decoder, v reflect.Value) { v.SetFloat(d.float()) },
		}, nil
	case reflect.Pointer:
		elem, err := codecOf(t.Elem(), busy)
		if err != nil {
			return codec{}, err
		}
		return codec{
			func(e *encoder, v reflect.Value) error {
				e.bool(!v.IsNil())
				if v.IsNil() {
					return nil
				}
				return elem.enc(e, v.Elem())
			},
			func(d *decoder, v reflect.Value) {
				if d.bool() {
					p := reflect.New(t.Elem())
					elem.dec(d, p.Elem())
					v.Set(p)
				}
			},
		}, nil
	case reflect.Slice:
		elem, err := codecOf(t.Elem(), busy)
		if err != nil {
			return codec{}, err
		}
		return codec{
			func(e *encoder, v reflect.Value) error {
				e.count(v.Len(), v.IsNil())
				for i := range v.Len() {
					if err := elem.enc(e, v.Index(i)); err != nil {
						return err
					}
				}
				return nil
			},
			func(d *decoder, v reflect.Value) {
				n, isNil := d.count()
				if isNil {
					return
				}
				s := reflect.MakeSlice(t, n, n)
				for i := range n {
					elem.dec(d, s.Index(i))
				}
				v.Set(s)
			},
		}, nil
	case reflect.Struct:
		if t == timeType {
			return codec{
				func(e *encoder, v reflect.Value) error { return e.time(v.Interface().(time.Time)) },
				func(d *decoder, v reflect.Value) { v.Set(reflect.ValueOf(d.time())) },
			}, nil
		}
		return structCodec(t, busy)
	}
	return codec{}, fmt.Errorf("%w: %s", errUnsupported, t)
}

// positionsType is the name of the type of the unexported field in which
// career data keeps the positions that a page's Places carry
// (career.Data.Positions).
const positionsType = "positions"

func structCodec(t reflect.Type, busy map[reflect.Type]bool) (codec, error) {
	if busy[t] {
		return codec{}, fmt.Errorf("%w: %s holds itself", errUnsupported, t)
	}
	busy[t] = true
	defer delete(busy, t)
	var fields []int
	var codecs []codec
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			if f.Type.PkgPath() == t.PkgPath() && f.Type.Name() == positionsType {
				continue
			}
			return codec{}, fmt.Errorf("%w: %s has the unexported field %s", errUnsupported, t, f.Name)
		}
		c, err := codecOf(f.Type, busy)
		if err != nil {
			return codec{}, err
		}
		fields, codecs = append(fields, i), append(codecs, c)
	}
	return codec{
		func(e *encoder, v reflect.Value) error {
			for k, i := range fields {
				if err := codecs[k].enc(e, v.Field(i)); err != nil {
					return err
				}
			}
			return nil
		},
		func(d *decoder, v reflect.Value) {
			for k, i := range fields {
				codecs[k].dec(d, v.Field(i))
			}
		},
	}, nil
}
