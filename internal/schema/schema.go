// Package schema writes the JSON Schema (draft 2020-12) of each kind's
// front matter, for editors that validate YAML against a schema (the
// YAML language server in VS Code, Neovim, Helix, Zed) instead of
// running `careersite lsp`.
//
// The schema is made from internal/fields, the keys the validator reads,
// so it names every key of the kind with its documentation as its
// description, the values of every enumeration, and the keys each mapping
// allows (no others: inside a mapping every key must be a field) and
// requires. The page itself allows other keys, as the build keeps them
// for templates. What a schema cannot say, `check` still does: the rules
// between fields, references to other pages, dates that do not exist,
// currency and country codes beyond their form.
package schema

import (
	"encoding/json"

	"github.com/careersite/careersite/internal/fields"
)

// Schema is one JSON Schema object, with the keywords this package uses.
type Schema struct {
	Schema               string             `json:"$schema,omitempty"`
	Title                string             `json:"title,omitempty"`
	Description          string             `json:"description,omitempty"`
	Type                 string             `json:"type,omitempty"`
	Format               string             `json:"format,omitempty"`
	Pattern              string             `json:"pattern,omitempty"`
	Enum                 []string           `json:"enum,omitempty"`
	Items                *Schema            `json:"items,omitempty"`
	Properties           map[string]*Schema `json:"properties,omitempty"`
	Required             []string           `json:"required,omitempty"`
	AdditionalProperties *bool              `json:"additionalProperties,omitempty"`
	AnyOf                []*Schema          `json:"anyOf,omitempty"`
}

// Of returns the schema of the front matter of a page of kind.
func Of(kind string) *Schema {
	s := object(fields.Page(kind), true)
	s.Schema = "https://json-schema.org/draft/2020-12/schema"
	s.Title = "careersite " + kind + " front matter"
	return s
}

// JSON returns the schema of kind as indented JSON with a final newline.
func JSON(kind string) ([]byte, error) {
	b, err := json.MarshalIndent(Of(kind), "", "  ")
	return append(b, '\n'), err
}

// object is the schema of a mapping of list; open allows keys beyond it.
func object(list []fields.Field, open bool) *Schema {
	s := &Schema{Type: "object", Properties: map[string]*Schema{}, AdditionalProperties: &open}
	for _, f := range list {
		s.Properties[f.Key] = property(f)
		if f.Required == "yes" {
			s.Required = append(s.Required, f.Key)
		}
	}
	return s
}

// property is the schema of one field.
func property(f fields.Field) *Schema {
	one := value(f)
	if f.List() {
		one = &Schema{Type: "array", Items: one}
	}
	one.Description = f.Doc
	return one
}

// value is the schema of one value of f: the field's own, or each item's
// of a list.
func value(f fields.Field) *Schema {
	if f.Fields != nil {
		return object(f.Fields, false)
	}
	if f.Values != nil {
		return &Schema{Type: "string", Enum: f.Values}
	}
	kind := f.Kind
	if f.List() {
		kind = kind[len("list of "):]
	}
	switch kind {
	case "true or false":
		return &Schema{Type: "boolean"}
	case "whole number":
		return &Schema{Type: "integer"}
	case "number":
		return &Schema{Type: "number"}
	case "date":
		// YAML reads a date as a timestamp; schema validators for YAML
		// see its text.
		return &Schema{Type: "string", Pattern: `^\d{4}-\d{2}-\d{2}`}
	case "URL":
		return &Schema{Type: "string", Format: "uri", Pattern: `^https?://`}
	case "page URL", "page URLs":
		return &Schema{Type: "string", Pattern: `^/`}
	case "duration":
		return &Schema{Type: "string", Pattern: `^PT`}
	case "text or mapping":
		return &Schema{AnyOf: []*Schema{{Type: "string"}, {Type: "object"}}}
	case "mapping", "mappings":
		return &Schema{Type: "object"}
	}
	return &Schema{Type: "string"}
}
