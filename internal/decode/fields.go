package decode

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// typeInfo is what the decoder needs to know about a Go type, computed once.
type typeInfo struct {
	decoder bool        // *T implements Decoder
	fields  *structInfo // non-nil for struct types
}

// structInfo maps YAML keys to the fields of a struct type.
type structInfo struct {
	fields []field
	byName map[string]int // key -> index into fields
	remain []int          // index path of the ",remain" map, nil if none
	keys   []string       // every key, sorted, for suggestions
}

type field struct {
	name  string
	index []int // reflect index path, through inlined structs
}

// typeCache memoises typeInfo per reflect.Type. It holds only facts derived
// from the types, so sharing it between goroutines and calls is safe; it
// keeps reflection off the per-document path.
var typeCache sync.Map // reflect.Type -> *typeInfo

func typeOf(t reflect.Type) *typeInfo {
	if ti, ok := typeCache.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{decoder: t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(decoderType)}
	if t.Kind() == reflect.Struct {
		ti.fields = structOf(t)
	}
	actual, _ := typeCache.LoadOrStore(t, ti)
	return actual.(*typeInfo)
}

// Keys returns the keys the struct v (or *v) accepts, sorted; nil when v is
// not a struct. Callers use it with [Suggest] for keys they collect
// themselves, such as those in a ",remain" map.
func Keys(v any) []string {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	return slices.Clone(typeOf(t).fields.keys)
}

func structOf(t reflect.Type) *structInfo {
	info := &structInfo{byName: make(map[string]int)}
	var inline []reflect.StructField
	for i := range t.NumField() {
		sf := t.Field(i)
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		switch {
		case name == "-" && opts == "":
			continue
		case hasOpt(opts, "remain"):
			if sf.IsExported() && sf.Type.Kind() == reflect.Map && sf.Type.Key().Kind() == reflect.String {
				info.remain = sf.Index
			}
			continue
		case hasOpt(opts, "inline") || (sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct):
			inline = append(inline, sf)
			continue
		case !sf.IsExported():
			continue
		case name == "":
			name = strings.ToLower(sf.Name)
		}
		info.add(name, sf.Index)
	}
	for _, sf := range inline {
		info.inline(sf)
	}
	for _, f := range info.fields {
		info.keys = append(info.keys, f.name)
	}
	slices.Sort(info.keys)
	return info
}

// inline adds the keys of the embedded or ",inline" struct field sf, except
// those the outer struct already has.
func (info *structInfo) inline(sf reflect.StructField) {
	if sf.Type.Kind() != reflect.Struct {
		return
	}
	sub := typeOf(sf.Type).fields
	for _, f := range sub.fields {
		if _, taken := info.byName[f.name]; !taken {
			info.add(f.name, append(slices.Clip(sf.Index), f.index...))
		}
	}
	if info.remain == nil && sub.remain != nil {
		info.remain = append(slices.Clip(sf.Index), sub.remain...)
	}
}

func (info *structInfo) add(name string, index []int) {
	if _, taken := info.byName[name]; taken {
		return
	}
	info.byName[name] = len(info.fields)
	info.fields = append(info.fields, field{name: name, index: index})
}

func hasOpt(opts, want string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == want {
			return true
		}
	}
	return false
}
