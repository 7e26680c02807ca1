package deps

import (
	"reflect"
	"slices"
	"testing"

	"github.com/careersite/careersite/internal/model"
)

// TestModelTables checks that the table of members.go lists every exported
// field and method of the model types, and nothing else: one it does not
// list makes the templates that use it depend on the whole site, which is
// right but slow.
func TestModelTables(t *testing.T) {
	for k, m := range models {
		typ := m.typ
		for i := range typ.Elem().NumField() {
			f := typ.Elem().Field(i)
			if _, ok := m.members[f.Name]; f.IsExported() && !ok {
				t.Errorf("%s.%s is not in the table of members.go", typ.Elem().Name(), f.Name)
			}
		}
		for i := range typ.NumMethod() {
			name := typ.Method(i).Name
			if _, ok := m.members[name]; !ok {
				t.Errorf("method %s.%s is not in the table of members.go", typ.Elem().Name(), name)
			}
		}
		for name := range m.members {
			_, field := typ.Elem().FieldByName(name)
			_, method := typ.MethodByName(name)
			if !field && !method {
				t.Errorf("the table of members.go lists %s.%s, which %v does not have", typ.Elem().Name(), name, k)
			}
		}
	}
}

// notRelations are the members of model types whose Go type could hold a
// model object but whose values never do, by model type and name. They are
// in the table as data.
var notRelations = map[string]string{
	// Front matter and site.yaml's params, decoded from YAML, TOML or
	// JSON: strings, numbers, times, lists and maps of them.
	"Page.Params": "front matter",
	"Site.Params": "site.yaml",
	// The data files, decoded likewise (internal/data), and CSV rows.
	"Site.Data": "data/**",
}

// TestRelationsInTable checks, by reflection over the model types, that
// every exported field and method through which a template can reach a
// model object (Page, Site, Taxonomy, Term, Paginator: by its value, or by
// the exported fields, methods, elements and map entries of its value) is
// in the table of members.go as leading to the model type it returns, one
// or a list of them, and that no member the table says leads to model
// objects is plain data. A relation the table left out or listed as data
// would not be followed by the analysis of templates or by the dependency
// keys, and a page reading through it would not be made again when what
// it reaches changed. It checks too that the global digest walks every
// relation of a page that takes no argument.
func TestRelationsInTable(t *testing.T) {
	for _, row := range memberTable {
		typ := row.typ
		for name, result := range templateMembers(typ) {
			where := typ.Elem().Name() + "." + name
			mem, listed := models[row.kind].members[name]
			reaches := templateReaches(result, map[reflect.Type]bool{})
			switch {
			case notRelations[where] != "":
				if !reaches {
					t.Errorf("%s (%v) reaches no model object: it needs no place in notRelations", where, result)
				} else if listed && mem.to != kPlain {
					t.Errorf("%s is in notRelations and listed in the table as leading to a %v", where, mem.to)
				}
			case !reaches:
				if listed && mem.to != kPlain {
					t.Errorf("the table lists %s as leading to a %v, but its %v reaches no model object", where, mem.to, result)
				}
			case !listed:
				t.Errorf("%s (%v) leads to model objects, but the table of members.go does not list it", where, result)
			case mem.to == kPlain:
				t.Errorf("%s (%v) leads to model objects, but the table of members.go lists it as data", where, result)
			default:
				to, list := result, false
				if to.Kind() == reflect.Slice {
					to, list = to.Elem(), true
				}
				if k := kindOf(reflect.Zero(to).Interface()); k != mem.to || list != mem.list {
					t.Errorf("the table says %s leads to a %v (list %v); it returns %v", where, mem.to, mem.list, result)
				}
			}
		}
	}

	walked := map[string]bool{}
	for _, r := range pageRelations {
		walked[r.name] = true
	}
	for _, m := range memberTable[slices.IndexFunc(memberTable, func(r memberRow) bool { return r.kind == kPage })].members {
		if m.relation() && !m.method && !walked[m.name] {
			t.Errorf("the global Digest does not walk Page.%s", m.name)
		}
	}
}

// templateMembers returns the exported fields and methods a template can
// name on a value of pointer type typ, each with the type of what it gives
// (a method's first result).
func templateMembers(typ reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range typ.Elem().NumField() {
		if f := typ.Elem().Field(i); f.IsExported() {
			out[f.Name] = f.Type
		}
	}
	for i := range typ.NumMethod() {
		if m := typ.Method(i); m.Type.NumOut() > 0 {
			out[m.Name] = m.Type.Out(0)
		}
	}
	return out
}

// templateReaches reports whether a template given a value of type t may
// reach a model object through it: the value itself, the elements and
// entries of lists and maps, exported fields, and what methods give. An
// interface (but error) or a func could hold or give anything.
func templateReaches(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if slices.Contains(modelTypes, t) {
		return true
	}
	if t == reflect.TypeFor[error]() {
		return false // what an UnmarshalText gives: a message, never a model object
	}
	for i := range reflect.PointerTo(t).NumMethod() {
		if m := reflect.PointerTo(t).Method(i); m.Type.NumOut() > 0 && templateReaches(m.Type.Out(0), seen) {
			return true
		}
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return templateReaches(t.Elem(), seen)
	case reflect.Map:
		return templateReaches(t.Key(), seen) || templateReaches(t.Elem(), seen)
	case reflect.Struct:
		for f := range t.Fields() {
			if f.IsExported() && templateReaches(f.Type, seen) {
				return true
			}
		}
	case reflect.Interface, reflect.Func, reflect.Chan:
		return true
	}
	return false
}

// TestSteps follows every member of the table of members.go that leads to
// another object, as keys.go does, on objects with nothing in them: each
// must not fail.
func TestSteps(t *testing.T) {
	site := &model.Site{}
	tax := &model.Taxonomy{Name: "skills"}
	objects := map[kind]any{
		kPage:      &model.Page{Site: site},
		kSite:      site,
		kTaxonomy:  tax,
		kTerm:      &model.Term{Taxonomy: tax},
		kPaginator: &model.Paginator{},
	}
	k := NewKeyer(Inputs{})
	for kd, m := range models {
		for name, mem := range m.members {
			if mem.to == kPlain || mem.to == kSite {
				continue
			}
			for _, s := range []step{{name: name}, {name: name, arg: "skills"}, {name: name, any: true}} {
				func() {
					defer func() {
						if p := recover(); p != nil {
							t.Errorf("step %v from a %v: %v", s, kd, p)
						}
					}()
					k.step(objects[kd], s)
				}()
			}
		}
	}
}
