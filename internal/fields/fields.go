// Package fields is the front matter of each kind of page as the validator
// reads it: for every key, its type in words, the values it allows, whether
// it is required, the page kind a reference must name, and the comment on
// the Go field it decodes into. It is read by reflection from the types
// that decode the front matter (content.FrontMatter for every page, then
// career.Job, career.Role or career.Certification), so it cannot disagree
// with them; the comments come from docs.go, which go generate copies from
// the source of internal/career and internal/content (TestFieldDocs fails
// when it is stale).
//
// `careersite new` writes a page's template from it, the language server
// completes and explains keys and values with it, `careersite schema`
// turns it into JSON Schema, and docs/content-model.md, the authors'
// reference, is generated from it (TestContentModelDoc fails when it is
// stale). Every text is plain, with no Markdown, as a YAML comment shows
// it; the reference and the editor's hover show the same words.
package fields

// docs.go first: the reference is written by a test binary that holds the
// comments docs.go had when it was compiled.
//
//go:generate go test -run ^TestFieldDocs$ -update
//go:generate go test -run ^TestContentModelDoc$ -update

import (
	"reflect"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// Field is one front-matter key, as the validator reads it.
type Field struct {
	Key      string   // "salary"
	Kind     string   // "text", "date", "list of text", "mapping", "list of mappings", …
	Allowed  string   // "one of intern, junior, …"; "" when anything of the kind goes
	Values   []string // the values of an enumeration, or of each item of a list of one; nil otherwise
	Ref      string   // the kind of page a reference must name ("role"); "" when the field holds no reference
	Required string   // the required tag: "yes", "unless pricing is free", …; "" when optional
	Doc      string   // the comment on the Go field
	Fields   []Field  // the keys of a mapping, or of each mapping of a list
	Type     string   // the name of the Go type that holds Fields ("Salary"); "" when Fields is nil
}

// List reports whether the field holds a list.
func (f Field) List() bool { return strings.HasPrefix(f.Kind, "list of") }

// kindTypes are the types that hold the front matter of each kind, besides
// content.FrontMatter.
var kindTypes = map[string]reflect.Type{
	config.KindJob:           reflect.TypeFor[career.Job](),
	config.KindRole:          reflect.TypeFor[career.Role](),
	config.KindCertification: reflect.TypeFor[career.Certification](),
	config.KindArticle:       nil,
}

// Common returns the keys of every page, in the order content.FrontMatter
// declares them.
func Common() []Field { return Of(reflect.TypeFor[content.FrontMatter]()) }

// Kind returns the keys of kind beyond the common ones, in the order its
// type declares them; ok is false for an unknown kind. An article has none.
func Kind(kind string) (f []Field, ok bool) {
	t, ok := kindTypes[kind]
	if !ok || t == nil {
		return nil, ok
	}
	return Of(t), true
}

// Page returns every key of a page of kind: the common ones, then the
// kind's.
func Page(kind string) []Field {
	own, _ := Kind(kind)
	return append(Common(), own...)
}

// Of returns the front-matter keys of struct type t, in the order the type
// declares them: the keys with a yaml tag, with the keys of the mappings
// they hold.
func Of(t reflect.Type) []Field {
	var out []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		key, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if !sf.IsExported() || key == "" || key == "-" {
			continue
		}
		f := Field{Key: key, Required: sf.Tag.Get("required"), Ref: sf.Tag.Get("ref"), Doc: fieldDocs[t.Name()+"."+sf.Name]}
		f.Kind, f.Allowed, f.Values = describe(sf)
		if s := structOf(sf.Type); s != nil {
			f.Fields, f.Type = Of(s), s.Name()
		}
		out = append(out, f)
	}
	return out
}

var (
	timeType = reflect.TypeFor[time.Time]()
	refType  = reflect.TypeFor[career.Ref]()
)

// named describes the types whose name says more than their Go kind.
var named = map[reflect.Type][2]string{
	reflect.TypeFor[career.Currency](): {"text", "an ISO 4217 currency code: USD, EUR, GBP, …"},
	reflect.TypeFor[career.Country]():  {"text", "an ISO 3166-1 alpha-2 country code: US, GB, CA, …"},
	reflect.TypeFor[career.Language](): {"text", "a BCP 47 language tag: en, pt-BR, …"},
	reflect.TypeFor[career.URL]():      {"URL", "an absolute http or https URL"},
	reflect.TypeFor[career.Workload](): {"duration", "an ISO 8601 duration in hours, minutes and seconds: PT70H, PT1H30M"},
	reflect.TypeFor[career.Source]():   {"text or mapping", "a name, or a mapping"},
	refType:                            {"page URL", ""},
	timeType:                           {"date", "YYYY-MM-DD, or a date and time (RFC 3339)"},
}

// describe returns the kind, the allowed values in words and the values of
// an enumeration of a field.
func describe(sf reflect.StructField) (kind, allowed string, values []string) {
	t := sf.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice {
		kind, allowed, values = describeOne(t.Elem())
		switch kind {
		case "mapping":
			kind = "list of mappings"
		case "page URL":
			kind = "list of page URLs"
		default:
			kind = "list of " + kind
		}
		if allowed != "" {
			allowed = "each " + allowed
		}
	} else {
		kind, allowed, values = describeOne(t)
	}
	if want := sf.Tag.Get("ref"); want != "" {
		allowed = "URLs of " + want + " pages, such as /" + want + "s/…/"
	}
	return kind, allowed, values
}

func describeOne(t reflect.Type) (kind, allowed string, values []string) {
	v, enum := reflect.Zero(t).Interface().(interface{ Values() []string })
	if enum {
		values = v.Values()
	}
	if n, ok := named[t]; ok {
		return n[0], n[1], values // the codes of a currency or a country: too many to list in words
	}
	if enum {
		return "text", "one of " + strings.Join(values, ", "), values
	}
	switch t.Kind() {
	case reflect.String:
		return "text", "", nil
	case reflect.Bool:
		return "true or false", "", nil
	case reflect.Int:
		return "whole number", "", nil
	case reflect.Float64:
		return "number", "", nil
	case reflect.Struct, reflect.Map:
		return "mapping", "", nil
	}
	return t.String(), "", nil
}

// structOf returns the struct type a field holds (directly, through a
// pointer or as list elements) when it has keys of its own.
func structOf(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == timeType || t == refType {
		return nil
	}
	return t
}
