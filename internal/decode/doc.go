// Package decode turns YAML into Go values and reports every problem at the
// line and column of the node that caused it.
//
// [Parse] parses YAML text into a go.yaml.in/yaml/v3 node tree; a syntax
// error comes back as one *diag.Error at its true line (yaml.v3's own line numbers
// are corrected, see Parse). JSON and TOML readers elsewhere build the same
// kind of tree, with their own positions, so that one decoder serves all
// three front-matter formats.
//
// [Node] walks the tree once and never stops at the first problem: it returns
// all of them, in document order, as [*diag.Error] values whose Line and Col are
// those of the node (1-based, relative to the text the node was parsed from;
// callers add the line where that text starts in its file). Each error also
// carries the key path that leads to the node, such as "salary.min" or
// "tags[2]". A document node is unwrapped to its content.
//
// Go types and what they accept:
//
//   - string: any scalar, taken as written (404 becomes "404").
//   - bool: true or false.
//   - int*, uint*: an integer (0x, 0o, 0b and _ allowed), or a float that is a
//     whole number; it must fit the type.
//   - float*: an integer or a float, .inf and .nan included.
//   - time.Time: a scalar in one of the layouts 2006-01-02, RFC 3339,
//     "2006-01-02 15:04:05" or "2006-01-02T15:04:05" (fractional seconds and
//     one-digit months and days allowed, as in YAML timestamps); without a
//     zone the time is UTC ([ParseTime]).
//   - []T: a list. map[string]T: a mapping.
//   - any (empty interface): plain Go values: map[string]any, []any, string,
//     int (float64 when too large for int), float64, bool, time.Time (from
//     unquoted timestamps), nil.
//   - structs and pointers to structs: a mapping; see below.
//   - any type whose pointer implements [Decoder]: its DecodeYAML method gets
//     the node. An error it returns is reported at that node; if the error is
//     or joins *diag.Error values (as [diag.Join] makes), those are kept, with the
//     field's path put in front of theirs, so nested decoders report nested
//     positions.
//
// Struct fields are matched by their `yaml:"name"` tag (snake_case by
// convention); an exported field without a tag matches its lower-cased name;
// `yaml:"-"` skips a field. An embedded struct without a tag name, or a
// struct field tagged `yaml:",inline"`, lends its keys to the outer struct
// (outer fields win). A field tagged `yaml:",remain"` of type map[string]T
// collects every key that matches no field. Without one, a key that matches
// no field is an error at the key: `unknown key "sallary"; did you mean
// "salary"?` (the suggestion comes from [Suggest]).
//
// A null value (nothing, ~ or null) leaves the Go value as it was, so callers
// can fill in defaults before decoding. Decoded slices and maps replace what
// was there; structs are filled field by field. Aliases are followed (a
// document that expands aliases more than 10,000 times is rejected); merge
// keys (<<) are not supported. A key given twice in one mapping is an error at
// the second one.
//
// An error is relative to the document; callers that know the file set File
// and shift the line with [diag.Error.In], sort with [diag.Compare], and join
// with errors.Join, so every positioned problem in a user's file is a
// *diag.Error that errors.As can recover. Messages are lowercase and name what was wanted and
// what was found:
//
//	date: cannot parse "next week" as a date (want YYYY-MM-DD)
//	weight: want an integer, got "heavy"
//	tags: want a list, got a string
//	duplicate key "title"
//
// Struct layouts are computed once per type and cached for the life of the
// program (as encoding/json does); the cache holds only what is derived from
// the types themselves.
package decode
