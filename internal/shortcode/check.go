package shortcode

import (
	"fmt"
	"strconv"

	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// checkArgs checks the arguments of sc, a use of built-in b, against b's
// declaration, and returns them as its template sees them (a quoted whole
// number of an Int argument made an int, a quoted "true" or "false" of a
// Bool one a bool) with every problem, each at the argument's place, or
// at the tag's for a missing one. The messages, after `shortcode "NAME": `:
//
//	unknown argument "captoin"; did you mean "caption"?
//	argument "src" is given twice
//	argument "width" is the text "wide"; want a whole number
//	argument "id": "abc" is not a YouTube video id (11 letters, digits, "-" or "_")
//	missing required argument "alt"
//	takes no positional arguments; name them: src="…"
//	takes at most 1 positional argument; 2 given
//	writes HTML: write {{< figure >}}, not {{% figure %}}
//
// and what b's Rule returns.
func checkArgs(b *Builtin, sc *Shortcode) ([]Arg, []argError) {
	c := &checker{b: b, args: make([]Arg, len(sc.Args)), given: map[string]bool{}}
	if b.HTML && sc.Markdown {
		c.fail(sc.Position, "writes HTML: write {{< %s >}}, not {{%% %s %%}}", b.Name, b.Name)
	}
	for i, a := range sc.Args {
		c.args[i] = a
		spec := c.spec(i, a)
		if spec == nil {
			continue
		}
		if c.given[spec.Name] {
			c.fail(a.Position, "argument %q is given twice", spec.Name)
			continue
		}
		c.given[spec.Name] = true
		c.args[i].Value = c.value(spec, a)
	}
	for _, spec := range b.Args {
		if spec.Required && !c.given[spec.Name] && (sc.Named || spec.Position >= 0 || len(sc.Args) == 0) {
			c.fail(sc.Position, "missing required argument %q", spec.Name)
		}
	}
	if b.Rule != nil && len(c.errs) == 0 {
		if msg := b.Rule(c.get); msg != "" {
			c.fail(sc.Position, "%s", msg)
		}
	}
	return c.args, c.errs
}

// get returns the checked argument called name, by its name or its
// position; nil when it is absent.
func (c *checker) get(name string) any {
	for i, a := range c.args {
		if a.Name == name || a.Name == "" && c.positional(i) != nil && c.positional(i).Name == name {
			return a.Value
		}
	}
	return nil
}

// argError is a problem with a built-in's arguments, placed by the expander.
type argError struct {
	pos Position
	msg string
	fix *diag.Fix
}

type checker struct {
	b     *Builtin
	args  []Arg
	given map[string]bool // by the argument's name, positional ones too
	errs  []argError
}

func (c *checker) fail(p Position, format string, args ...any) {
	c.errs = append(c.errs, argError{p, fmt.Sprintf(format, args...), nil})
}

// spec returns the declaration of a, the i-th argument, or nil when there
// is none (and says so).
func (c *checker) spec(i int, a Arg) *ArgSpec {
	if a.Name != "" {
		if s := c.named(a.Name); s != nil {
			return s
		}
		msg := fmt.Sprintf("unknown argument %q", a.Name)
		var fix *diag.Fix
		if s := decode.Suggest(a.Name, c.names()); s != "" {
			msg, fix = diag.DidYouMean(msg, a.Name, s)
		} else {
			msg += fmt.Sprintf(" (%q takes %s)", c.b.Name, c.list())
		}
		c.errs = append(c.errs, argError{a.Position, msg, fix})
		return nil
	}
	if s := c.positional(i); s != nil {
		return s
	}
	switch n := c.positionals(); {
	case n == 0 && i == 0:
		c.fail(a.Position, "takes no positional arguments; name them: %s=\"…\"", c.b.Args[0].Name)
	case n > 0 && i == n:
		c.fail(a.Position, "takes at most %d positional argument%s; %d given", n, plural(n), len(c.args))
	}
	return nil
}

func (c *checker) named(name string) *ArgSpec {
	for i := range c.b.Args {
		if c.b.Args[i].Name == name {
			return &c.b.Args[i]
		}
	}
	return nil
}

func (c *checker) positional(i int) *ArgSpec {
	for k := range c.b.Args {
		if c.b.Args[k].Position == i {
			return &c.b.Args[k]
		}
	}
	return nil
}

// positionals counts the arguments that may be written positionally.
func (c *checker) positionals() int {
	n := 0
	for _, s := range c.b.Args {
		if s.Position >= 0 {
			n++
		}
	}
	return n
}

func (c *checker) names() []string {
	names := make([]string, len(c.b.Args))
	for i, s := range c.b.Args {
		names[i] = s.Name
	}
	return names
}

// list names the arguments for a message: `src, alt and caption`.
func (c *checker) list() string {
	names := c.names()
	s := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			s += " and "
		default:
			s += ", "
		}
		s += n
	}
	return s
}

// value returns a's value converted to spec's type, and checks it.
func (c *checker) value(spec *ArgSpec, a Arg) any {
	v, ok := convert(spec.Type, a.Value)
	if !ok {
		c.fail(a.Position, "argument %q is %s; want %s", spec.Name, describe(a.Value), article(spec.Type))
		return a.Value
	}
	if spec.Check != nil {
		if msg := spec.Check(v); msg != "" {
			c.fail(a.Position, "argument %q: %s %s", spec.Name, show(v), msg)
		}
	}
	return v
}

// convert returns v as a value of type t, taking the quoted forms that
// Hugo pages write ("640", "true") for ints and bools.
func convert(t ArgType, v any) (any, bool) {
	s, isString := v.(string)
	switch t {
	case Int:
		if n, ok := v.(int); ok {
			return n, true
		}
		if n, err := strconv.Atoi(s); isString && err == nil {
			return n, true
		}
	case Bool:
		if b, ok := v.(bool); ok {
			return b, true
		}
		if isString && (s == "true" || s == "false") {
			return s == "true", true
		}
	default:
		return v, isString
	}
	return nil, false
}

func article(t ArgType) string {
	if t == Bool {
		return "true or false"
	}
	return "a " + t.String()
}

// describe names a value and its type for an error: `the number 2`.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return "the text " + strconv.Quote(v)
	case bool:
		return "the bool " + strconv.FormatBool(v)
	default:
		return fmt.Sprintf("the number %v", v)
	}
}

// show writes a value as in a tag: strings quoted.
func show(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// placeErrors returns the problems of a built-in's arguments as
// *diag.Error values in file.
func placeErrors(file, name string, errs []argError) []*diag.Error {
	out := make([]*diag.Error, len(errs))
	for i, e := range errs {
		out[i] = &diag.Error{File: file, Line: e.pos.Line, Col: e.pos.Col, Msg: fmt.Sprintf("shortcode %q: %s", name, e.msg), Fix: e.fix}
	}
	return out
}
