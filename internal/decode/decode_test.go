package decode

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

type salary struct {
	Min      int     `yaml:"min"`
	Max      int     `yaml:"max"`
	Currency string  `yaml:"currency"`
	Period   *string `yaml:"period"`
}

type pathStep struct {
	Title string  `yaml:"title"`
	Years float64 `yaml:"years"`
}

// code is a custom type that checks its own value.
type code string

func (c *code) DecodeYAML(n *yaml.Node) error {
	if !strings.HasPrefix(n.Value, "X") {
		return errors.New(`want a code starting with "X"`)
	}
	*c = code(n.Value)
	return nil
}

// span decodes itself with Node and adds a cross-field rule whose error
// points at the "max" value.
type span struct{ Min, Max int }

func (s *span) DecodeYAML(n *yaml.Node) error {
	var raw struct {
		Min int `yaml:"min"`
		Max int `yaml:"max"`
	}
	errs := Node(n, &raw)
	if len(errs) == 0 && raw.Max < raw.Min {
		maxNode := n.Content[3]
		errs = append(errs, &diag.Error{Line: maxNode.Line, Col: maxNode.Column, Path: "max", Msg: "must not be below min"})
	}
	s.Min, s.Max = raw.Min, raw.Max
	return diag.Join(errs)
}

type common struct {
	Title string    `yaml:"title"`
	Date  time.Time `yaml:"date"`
}

type job struct {
	common `yaml:",inline"`
	Draft  bool              `yaml:"draft"`
	Weight int               `yaml:"weight"`
	Level  uint8             `yaml:"level"`
	Ratio  float32           `yaml:"ratio"`
	Tags   []string          `yaml:"tags"`
	Salary *salary           `yaml:"salary"`
	Path   []pathStep        `yaml:"career_path"`
	Extra  map[string]int    `yaml:"extra"`
	Data   any               `yaml:"data"`
	Code   code              `yaml:"code"`
	Span   span              `yaml:"span"`
	Ignore string            `yaml:"-"`
	Rest   map[string]any    `yaml:",remain"`
	Notes  map[string]string `yaml:"notes"`
}

type strict struct {
	Title  string  `yaml:"title"`
	Salary salary  `yaml:"salary"`
	Tags   []int   `yaml:"tags"`
	Auto   string  // matched as "auto"
	Ptr    *salary `yaml:"ptr"`
}

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatalf("yaml.Unmarshal: %v", err)
	}
	return &n
}

func errStrings(errs []*diag.Error) []string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return s
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestNodeValues(t *testing.T) {
	month := "month"
	tests := []struct {
		name string
		in   string
		want job
	}{
		{
			name: "everything",
			in: `title: Back-end developer
date: 2024-03-01
draft: true
weight: 0x10
level: 200
ratio: 1_000.5
tags: [go, sql]
salary: {min: 50000, max: 9.0e4, currency: EUR, period: month}
career_path:
  - title: Junior
    years: 2
  - {title: Senior, years: 1.5}
extra: {a: 1}
code: X42
span: {min: 1, max: 2}
notes: {n: 404}
other: [1, two]
`,
			want: job{
				common: common{Title: "Back-end developer", Date: date(2024, 3, 1)},
				Draft:  true, Weight: 16, Level: 200, Ratio: 1000.5,
				Tags:   []string{"go", "sql"},
				Salary: &salary{Min: 50000, Max: 90000, Currency: "EUR", Period: &month},
				Path:   []pathStep{{"Junior", 2}, {"Senior", 1.5}},
				Extra:  map[string]int{"a": 1},
				Code:   "X42",
				Span:   span{1, 2},
				Notes:  map[string]string{"n": "404"},
				Rest:   map[string]any{"other": []any{1, "two"}},
			},
		},
		{
			name: "plain values",
			in: `data:
  n: 3
  f: 2.5
  big: 99999999999999999999
  b: false
  when: 2024-01-02
  quoted: "2024-01-02"
  none: ~
  list: [a, {k: v}]
`,
			want: job{Data: map[string]any{
				"n": 3, "f": 2.5, "big": 1e20, "b": false,
				"when": date(2024, 1, 2), "quoted": "2024-01-02", "none": nil,
				"list": []any{"a", map[string]any{"k": "v"}},
			}},
		},
		{
			name: "aliases",
			in:   "base: &b {min: 1, max: 2}\nsalary: *b\ntags: &t [x]\nnotes: {a: *t}\n",
			want: job{
				Salary: &salary{Min: 1, Max: 2},
				Tags:   []string{"x"},
				Rest:   map[string]any{"base": map[string]any{"min": 1, "max": 2}},
			},
		},
		{
			name: "empty document",
			in:   "",
			want: job{},
		},
		{
			name: "datetime forms",
			in:   "date: 2024-03-01T10:30:00+02:00\n",
			want: job{common: common{Date: time.Date(2024, 3, 1, 10, 30, 0, 0, time.FixedZone("", 2*3600))}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got job
			errs := Node(parse(t, tt.in), &got)
			if tt.name == "aliases" {
				// notes: {a: *t} aliases a list into map[string]string.
				if want := []string{"4:12: notes.a: want a string, got a list"}; !reflect.DeepEqual(errStrings(errs), want) {
					t.Fatalf("Node errors = %q, want %q", errStrings(errs), want)
				}
				got.Notes = nil
			} else if len(errs) > 0 {
				t.Fatalf("Node(%q) errors: %q", tt.in, errStrings(errs))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Node(%q) =\n%#v\nwant\n%#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestNodeErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "all errors in one pass, in document order",
			in: `title: [not, a, string]
date: next week
draft: maybe
weight: heavy
level: 300
tags: go
salary:
  min: lots
  max: 1.5
career_path:
  - title: Junior
  - years: many
extra: [1]
code: Y1
span: {min: 5, max: 2}
`,
			want: []string{
				"1:8: title: want a string, got a list",
				`2:7: date: cannot parse "next week" as a date (want YYYY-MM-DD)`,
				`3:8: draft: want true or false, got "maybe"`,
				`4:9: weight: want an integer, got "heavy"`,
				`5:8: level: want an integer between 0 and 255, got "300"`,
				"6:7: tags: want a list, got a string",
				`8:8: salary.min: want an integer, got "lots"`,
				`9:8: salary.max: want an integer, got "1.5"`,
				`12:12: career_path[1].years: want a number, got "many"`,
				"13:8: extra: want a mapping, got a list",
				`14:7: code: want a code starting with "X"`,
				"15:21: span.max: must not be below min",
			},
		},
		{
			name: "duplicate keys",
			in:   "title: a\ntitle: b\nextra: {x: 1, x: 2}\nother: 1\nother: 2\ndata: {k: 1, k: 2}\n",
			want: []string{
				`2:1: duplicate key "title"`,
				`3:15: extra: duplicate key "x"`,
				`5:1: duplicate key "other"`,
				`6:14: data: duplicate key "k"`,
			},
		},
		{
			name: "date given a mapping",
			in:   "date: {y: 2024}\n",
			want: []string{"1:7: date: want a date (YYYY-MM-DD), got a mapping"},
		},
		{
			name: "negative into unsigned and overflow",
			in:   "level: -1\nweight: 99999999999999999999\n",
			want: []string{
				`1:8: level: want a non-negative integer, got "-1"`,
				`2:9: weight: want an integer between -9223372036854775808 and 9223372036854775807, got "99999999999999999999"`,
			},
		},
		{
			name: "float32 overflow",
			in:   "ratio: 1e300\n",
			want: []string{`1:8: ratio: number "1e300" is too large for float32`},
		},
		{
			name: "top level not a mapping",
			in:   "- a\n- b\n",
			want: []string{"1:1: want a mapping, got a list"},
		},
		{
			name: "merge keys",
			in:   "base: &b {min: 1}\nsalary:\n  <<: *b\n",
			want: []string{"3:3: salary: merge keys (<<) are not supported"},
		},
		{
			name: "alias bomb",
			in: `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
`,
			want: []string{"2:20: e[7][8][9][3]: too many aliases (more than 10000 expansions, or an alias that contains itself)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got job
			errs := Node(parse(t, tt.in), &got)
			if g := errStrings(errs); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("Node(%q) errors =\n%s\nwant\n%s", tt.in, strings.Join(g, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestNodeStrict(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"typo", "titel: x\n", []string{`1:1: unknown key "titel"; did you mean "title"?`}},
		{"nested typo", "salary:\n  mni: 1\n  cur: EUR\n", []string{
			`2:3: salary: unknown key "mni"; did you mean "min"?`,
			`3:3: salary: unknown key "cur"`,
		}},
		{"untagged field by lower-case name", "auto: yes\nAuto: no\n", []string{`2:1: unknown key "Auto"; did you mean "auto"?`}},
		{"list elements", "tags: [1, x, 3]\n", []string{`1:11: tags[1]: want an integer, got "x"`}},
		{"non-string key", "? [a]\n: 1\n", []string{"1:3: want a string key, got a list"}},
		{"null leaves pointer nil", "ptr: ~\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got strict
			if g := errStrings(Node(parse(t, tt.in), &got)); !reflect.DeepEqual(g, tt.want) {
				t.Errorf("Node(%q) errors = %q, want %q", tt.in, g, tt.want)
			}
		})
	}
}

func TestNodeNullKeepsDefaults(t *testing.T) {
	got := job{Weight: 10, Tags: []string{"keep"}, Salary: &salary{Currency: "EUR"}}
	errs := Node(parse(t, "weight:\ntags: ~\nsalary:\n  min: 1\n"), &got)
	if len(errs) > 0 {
		t.Fatal(errStrings(errs))
	}
	want := job{Weight: 10, Tags: []string{"keep"}, Salary: &salary{Min: 1, Currency: "EUR"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestNodeNeedsPointer(t *testing.T) {
	errs := Node(parse(t, "a: 1\n"), job{})
	want := []string{"1:1: decode.Node needs a non-nil pointer, got decode.job"}
	if g := errStrings(errs); !reflect.DeepEqual(g, want) {
		t.Errorf("Node(non-pointer) = %q, want %q", g, want)
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-03-01", date(2024, 3, 1)},
		{"2024-3-1", date(2024, 3, 1)},
		{"2024-03-01T10:30:00Z", time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)},
		{"2024-03-01T10:30:00.5Z", time.Date(2024, 3, 1, 10, 30, 0, 5e8, time.UTC)},
		{"2024-03-01T10:30:00", time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)},
		{"2024-03-01 10:30:00", time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)},
		{"2024-03-01t10:30:00Z", time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC)},
		{"2024-03-01T10:30:00-05:00", time.Date(2024, 3, 1, 10, 30, 0, 0, time.FixedZone("", -5*3600))},
		{"next week", time.Time{}},
		{"2024-13-01", time.Time{}},
		{"2024", time.Time{}},
		{"01/02/2024", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := ParseTime(tt.in)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) || got.Location().String() != tt.want.Location().String() {
			t.Errorf("ParseTime(%q) = %v, %v, want %v", tt.in, got, ok, tt.want)
		}
	}
}

func TestKeys(t *testing.T) {
	want := "career_path code data date draft extra level notes ratio salary span tags title weight"
	if got := strings.Join(Keys(&job{}), " "); got != want {
		t.Errorf("Keys(&job{}) = %q, want %q", got, want)
	}
	if got := Keys(3); got != nil {
		t.Errorf("Keys(3) = %q, want nil", got)
	}
}

func BenchmarkNode(b *testing.B) {
	var n yaml.Node
	src := `title: Back-end developer
date: 2024-03-01
tags: [go, sql, docker]
salary: {min: 50000, max: 90000, currency: EUR}
career_path:
  - {title: Junior, years: 2}
  - {title: Senior, years: 4}
other: {a: 1, b: [x, y]}
`
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var j job
		if errs := Node(&n, &j); len(errs) > 0 {
			b.Fatal(fmt.Sprint(errs))
		}
	}
}
