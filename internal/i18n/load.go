package i18n

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/locale"
)

// A Catalog is the strings of every language of a site.
type Catalog struct {
	langs map[string]*Strings
	def   *Strings
	sum   [32]byte
	sums  map[string][32]byte // code → the digest of what its T can read (SumFor)
}

// For returns the strings of the language of code; the default
// language's for a code the site does not have.
func (c *Catalog) For(code string) *Strings {
	if s, ok := c.langs[code]; ok {
		return s
	}
	return c.def
}

// Sum is the digest of every string file Load read, for the keys of the
// outputs whose templates call T: a changed file changes them.
func (c *Catalog) Sum() [32]byte { return c.sum }

// SumFor is the digest of the string files that T of the language of
// code can read: its own and the default language's, whose strings it
// falls back on. A conversion whose shortcodes call T holds it in its key
// (internal/convert), so an edit of i18n/de.yaml converts again the
// German bodies and no others. For a code the site does not have it is
// the default language's.
func (c *Catalog) SumFor(code string) [32]byte {
	if s, ok := c.sums[code]; ok {
		return s
	}
	return c.sums[c.def.code]
}

// categories are the names of CLDR's plural categories in a file.
var categories = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

// Load reads i18n/CODE.yaml of each language in codes from theme and from
// site (either may be nil), the site's keys over the theme's, and returns
// the catalog, the warnings (keys of def that a language lacks) and the
// errors of the files, joined, each at its line and column.
func Load(theme, site fs.FS, codes []string, def string) (*Catalog, []*diag.Error, error) {
	c := &Catalog{langs: map[string]*Strings{}, sums: map[string][32]byte{}}
	h := sha256.New()
	own := map[string][]byte{} // code → the digest of its own files
	var errs []*diag.Error
	files := map[string]string{} // code → the file a missing key is reported in
	for _, code := range codes {
		tag, err := language.Parse(code)
		if err != nil {
			return nil, nil, fmt.Errorf("i18n: %w", err)
		}
		s := &Strings{code: code, tag: tag, messages: map[string]message{}}
		var patterns locale.Patterns
		name := Dir + "/" + code + ".yaml"
		files[code] = name
		oh := sha256.New()
		for _, fsys := range []fs.FS{theme, site} {
			if fsys == nil {
				continue
			}
			data, err := fs.ReadFile(fsys, name)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", name, err)
			}
			h.Write([]byte(name))
			h.Write(data)
			oh.Write([]byte(name))
			oh.Write(data)
			errs = append(errs, parseFile(name, data, s.messages, &patterns)...)
		}
		if s.locale, err = locale.New(code, patterns); err != nil {
			return nil, nil, err
		}
		c.langs[code] = s
		own[code] = oh.Sum(nil)
	}
	c.def = c.langs[def]
	if c.def == nil {
		return nil, nil, fmt.Errorf("i18n: the default language %q is not among %q", def, codes)
	}
	for _, code := range codes {
		ch := sha256.New()
		ch.Write(own[code])
		ch.Write(own[def])
		var sum [32]byte
		copy(sum[:], ch.Sum(nil))
		c.sums[code] = sum
	}
	var warnings []*diag.Error
	for _, code := range codes {
		s := c.langs[code]
		if s == c.def {
			continue
		}
		s.fallback = c.def
		for _, key := range slices.Sorted(maps.Keys(c.def.messages)) {
			if _, ok := s.messages[key]; !ok {
				warnings = append(warnings, &diag.Error{File: files[code], Msg: fmt.Sprintf("no %q; the default language's (%s) is used", key, def)})
			}
		}
	}
	slices.SortFunc(warnings, diag.Compare)
	copy(c.sum[:], h.Sum(nil))
	return c, warnings, diag.SortJoin(errs)
}

// parseFile reads one string file into messages and patterns: its keys
// replace those already there.
func parseFile(name string, data []byte, messages map[string]message, patterns *locale.Patterns) []*diag.Error {
	root, perr := decode.Parse(data)
	if perr != nil {
		return []*diag.Error{perr.In(name, 0)}
	}
	var errs []*diag.Error
	bad := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &diag.Error{File: name, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
	}
	top := mapping(root)
	if top == nil {
		if root != nil && len(root.Content) > 0 {
			bad(root.Content[0], "want a mapping of formats and strings")
		}
		return errs
	}
	for k, v := range pairs(top) {
		switch k.Value {
		case "formats":
			errs = append(errs, parseFormats(name, v, patterns)...)
		case "strings":
			errs = append(errs, parseStrings(name, v, messages)...)
		default:
			bad(k, "unknown key %q (want formats or strings)", k.Value)
		}
	}
	return errs
}

// parseStrings reads the strings mapping n.
func parseStrings(name string, n *yaml.Node, messages map[string]message) []*diag.Error {
	var errs []*diag.Error
	bad := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &diag.Error{File: name, Line: n.Line, Col: n.Column, Path: "strings", Msg: fmt.Sprintf(format, args...)})
	}
	if n.Kind != yaml.MappingNode {
		bad(n, "want a mapping of keys to strings")
		return errs
	}
	for k, v := range pairs(n) {
		switch v.Kind {
		case yaml.ScalarNode:
			messages[k.Value] = message{plural.Other: v.Value}
		case yaml.MappingNode:
			m := message{}
			for c, text := range pairs(v) {
				form, ok := categories[c.Value]
				switch {
				case !ok:
					bad(c, "%s: unknown plural category %q (want zero, one, two, few, many or other)", k.Value, c.Value)
				case text.Kind != yaml.ScalarNode:
					bad(text, "%s.%s: want text", k.Value, c.Value)
				default:
					m[form] = text.Value
				}
			}
			if _, ok := m[plural.Other]; !ok {
				bad(k, "%s: a plural needs its other form", k.Value)
				continue
			}
			messages[k.Value] = m
		default:
			bad(v, "%s: want text, or plural forms (one, other, …)", k.Value)
		}
	}
	return errs
}

// parseFormats reads the formats mapping n: date, months and money.
func parseFormats(name string, n *yaml.Node, p *locale.Patterns) []*diag.Error {
	var errs []*diag.Error
	bad := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, &diag.Error{File: name, Line: n.Line, Col: n.Column, Path: "formats", Msg: fmt.Sprintf(format, args...)})
	}
	if n.Kind != yaml.MappingNode {
		bad(n, "want a mapping of date, months and money")
		return errs
	}
	for k, v := range pairs(n) {
		switch {
		case k.Value == "months" && v.Kind == yaml.SequenceNode && len(v.Content) == 12:
			for i, m := range v.Content {
				p.Months[i] = m.Value
			}
		case k.Value == "months":
			bad(v, "months: want a list of the twelve month names")
		case (k.Value == "date" || k.Value == "money") && v.Kind == yaml.ScalarNode:
			if k.Value == "date" {
				p.Date = v.Value
			} else {
				p.Money = v.Value
			}
		case k.Value == "date" || k.Value == "money":
			bad(v, "%s: want a pattern", k.Value)
		default:
			bad(k, "unknown key %q (want date, months or money)", k.Value)
		}
	}
	return errs
}

// mapping returns the top mapping of a parsed file, or nil.
func mapping(doc *yaml.Node) *yaml.Node {
	if doc != nil && doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc == nil || doc.Kind != yaml.MappingNode {
		return nil
	}
	return doc
}

// pairs ranges over the keys and values of mapping n.
func pairs(n *yaml.Node) func(yield func(k, v *yaml.Node) bool) {
	return func(yield func(k, v *yaml.Node) bool) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !yield(n.Content[i], n.Content[i+1]) {
				return
			}
		}
	}
}
