package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"time"
)

type money int

func TestNumber(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"int", 85000, "85,000"},
		{"small", 7, "7"},
		{"three digits", 999, "999"},
		{"negative", -1234567, "-1,234,567"},
		{"float not whole", 1234.5, "1,234.50"},
		{"float whole", 85000.0, "85,000"},
		{"negative float", -0.5, "-0.50"},
		{"rounds", 1234.567, "1,234.57"},
		{"uint64", uint64(18446744073709551615), "18,446,744,073,709,551,615"},
		{"named int", money(1000), "1,000"},
		{"numeric string", "85000", "85,000"},
		{"float string", "1234.5", "1,234.50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := number(tt.in); err != nil || got != tt.want {
				t.Errorf("number(%v) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
		})
	}
	for _, in := range []any{"lots", nil, []int{1}} {
		if got, err := number(in); err == nil {
			t.Errorf("number(%#v) = %q, want an error", in, got)
		}
	}
}

func TestDateFormat(t *testing.T) {
	date := time.Date(2026, 3, 1, 14, 5, 0, 0, time.UTC)
	tests := []struct {
		name   string
		layout string
		in     any
		want   string
	}{
		{"long", "January 2, 2006", date, "March 1, 2026"},
		{"short", "2 Jan 2006 15:04", date, "1 Mar 2026 14:05"},
		{"pointer", "2006", &date, "2026"},
		{"zero time is empty", "January 2, 2006", time.Time{}, ""},
		{"nil pointer is empty", "2006", (*time.Time)(nil), ""},
		{"date string", "Jan 2, 2006", "2025-12-24", "Dec 24, 2025"},
		{"RFC 3339 string keeps its zone", "15:04 MST", "2025-12-24T09:30:00+01:00", "09:30 +0100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := dateFormat(tt.layout, tt.in); err != nil || got != tt.want {
				t.Errorf("dateFormat(%q, %v) = %q, %v, want %q", tt.layout, tt.in, got, err, tt.want)
			}
		})
	}
	for _, in := range []any{"soon", 12, nil} {
		if got, err := dateFormat("2006", in); err == nil {
			t.Errorf("dateFormat(%#v) = %q, want an error", in, got)
		}
	}
}

func TestISODate(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"UTC", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "2026-03-01T00:00:00Z"},
		{"zone", time.Date(2026, 3, 1, 8, 0, 0, 0, time.FixedZone("", -5*3600)), "2026-03-01T08:00:00-05:00"},
		{"date string", "2026-03-01", "2026-03-01T00:00:00Z"},
		{"zero", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := isoDate(tt.in); err != nil || got != tt.want {
				t.Errorf("isoDate(%v) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	var nilMap map[string]any
	tests := []struct {
		name  string
		given any
		want  any
	}{
		{"nil", nil, "d"},
		{"empty string", "", "d"},
		{"string", "x", "x"},
		{"zero int", 0, "d"},
		{"int", 3, 3},
		{"zero float", 0.0, "d"},
		{"false is set", false, false},
		{"empty slice", []string{}, "d"},
		{"slice", []string{"a"}, []string{"a"}},
		{"nil map", nilMap, "d"},
		{"zero time", time.Time{}, "d"},
		{"struct", struct{}{}, struct{}{}},
		{"nil pointer", (*int)(nil), "d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := defaultValue("d", tt.given); err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("default(%q, %#v) = %#v, %v, want %#v", "d", tt.given, got, err, tt.want)
			}
		})
	}
}

func TestFirst(t *testing.T) {
	tests := []struct {
		name string
		n    any
		in   any
		want any
	}{
		{"fewer", 2, []string{"a", "b", "c"}, []string{"a", "b"}},
		{"more than there are", 5, []int{1, 2}, []int{1, 2}},
		{"zero", 0, []int{1}, []int{}},
		{"int64 count", int64(1), []any{"x", 2}, []any{"x"}},
		{"array", 2, [3]int{1, 2, 3}, []int{1, 2}},
		{"string by characters", 3, "héllo", "hél"},
		{"nil slice", 2, []string(nil), []string(nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := first(tt.n, tt.in); err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("first(%v, %#v) = %#v, %v, want %#v", tt.n, tt.in, got, err, tt.want)
			}
		})
	}
	for _, args := range [][2]any{{-1, []int{1}}, {1, nil}, {"2", []int{1}}, {1, 42}} {
		if got, err := first(args[0], args[1]); err == nil {
			t.Errorf("first(%#v, %#v) = %#v, want an error", args[0], args[1], got)
		}
	}
}

func TestArith(t *testing.T) {
	tests := []struct {
		name string
		f    func(...any) (any, error)
		in   []any
		want any
	}{
		{"add ints", add, []any{1, 2}, int64(3)},
		{"add many", add, []any{1, 2, uint8(3)}, int64(6)},
		{"add int and float", add, []any{1, 0.5}, 1.5},
		{"add strings", add, []any{"a", "b"}, "ab"},
		{"sub ints", sub, []any{10, 3}, int64(7)},
		{"sub many", sub, []any{10, 3, 2}, int64(5)},
		{"sub floats", sub, []any{1.5, 1}, 0.5},
		{"negative", sub, []any{1, 3}, int64(-2)},
		{"mul ints", mul, []any{533, 704}, int64(375232)},
		{"mul float", mul, []any{3, 0.5}, 1.5},
		{"div truncates", div, []any{375232, 800}, int64(469)},
		{"div floats", div, []any{3.0, 2}, 1.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := tt.f(tt.in...); err != nil || got != tt.want {
				t.Errorf("%s(%v) = %#v, %v, want %#v", tt.name, tt.in, got, err, tt.want)
			}
		})
	}
	for _, in := range [][]any{{1}, {1, "a"}, {"a", 1}, {1, nil}} {
		if got, err := add(in...); err == nil {
			t.Errorf("add(%#v) = %#v, want an error", in, got)
		}
	}
	if got, err := sub("a", "b"); err == nil {
		t.Errorf("sub(a, b) = %#v, want an error", got)
	}
	if got, err := div(1, 0); err == nil {
		t.Errorf("div(1, 0) = %#v, want an error", got)
	}
}

func TestDictListJoin(t *testing.T) {
	d, err := dict("a", 1, "b", "x")
	if err != nil || !reflect.DeepEqual(d, map[string]any{"a": 1, "b": "x"}) {
		t.Errorf("dict(a 1 b x) = %v, %v", d, err)
	}
	for _, in := range [][]any{{"a"}, {1, 2}} {
		if got, err := dict(in...); err == nil {
			t.Errorf("dict(%#v) = %v, want an error", in, got)
		}
	}
	if got := list("a", 1); !reflect.DeepEqual(got, []any{"a", 1}) {
		t.Errorf("list(a, 1) = %#v", got)
	}
	joins := []struct {
		name string
		in   any
		want string
	}{
		{"strings", []string{"Go", "SQL"}, "Go, SQL"},
		{"mixed", []any{"a", 1, 2.5, true}, "a, 1, 2.5, true"},
		{"empty", []string{}, ""},
		{"nil", nil, ""},
	}
	for _, tt := range joins {
		if got, err := join(", ", tt.in); err != nil || got != tt.want {
			t.Errorf("join(%q, %#v) = %q, %v, want %q", ", ", tt.in, got, err, tt.want)
		}
	}
	if got, err := join(", ", "abc"); err == nil {
		t.Errorf("join of a string = %q, want an error", got)
	}
}

func TestCase(t *testing.T) {
	tests := []struct {
		in              any
		wantLow, wantUp string
	}{
		{"Back-End", "back-end", "BACK-END"},
		{template.HTML("<B>"), "<b>", "<B>"},
		{42, "42", "42"},
		{nil, "", ""},
	}
	for _, tt := range tests {
		if got, err := lower(tt.in); err != nil || got != tt.wantLow {
			t.Errorf("lower(%#v) = %q, %v, want %q", tt.in, got, err, tt.wantLow)
		}
		if got, err := upper(tt.in); err != nil || got != tt.wantUp {
			t.Errorf("upper(%#v) = %q, %v, want %q", tt.in, got, err, tt.wantUp)
		}
	}
}

// TestFuncsInTemplates runs the functions the way layouts call them.
func TestFuncsInTemplates(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"number", `{{ number .Salary }}`, "85,000"},
		{"default piped", `{{ .Missing | default "none" }}`, "none"},
		{"default keeps value", `{{ .Title | default "none" }}`, "Dev &amp; Ops"},
		{"join piped", `{{ .Tags | join ", " }}`, "go, &lt;sql&gt;"},
		{"first and range", `{{ range first 1 .Tags }}{{ upper . }}{{ end }}`, "GO"},
		{"dict into partial data", `{{ with dict "n" (add .Salary 1) }}{{ number .n }}{{ end }}`, "85,001"},
		{"date", `<time datetime="{{ isoDate .Date }}">{{ dateFormat "Jan 2, 2006" .Date }}</time>`,
			`<time datetime="2026-03-01T00:00:00Z">Mar 1, 2026</time>`},
		{"lower is escaped", `{{ lower .Title }}`, "dev &amp; ops"},
	}
	data := map[string]any{
		"Title":  "Dev & Ops",
		"Salary": 85000,
		"Tags":   []string{"go", "<sql>"},
		"Date":   time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
	}
	files := map[string]string{}
	for i, tt := range tests {
		files[fmt.Sprintf("layouts/t/%d.html", i)] = tt.in
	}
	r := newRenderer(t, files, nil)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := r.Execute(&b, fmt.Sprintf("layouts/t/%d.html", i), data); err != nil || b.String() != tt.want {
				t.Errorf("%s = %q, %v, want %q", tt.in, b.String(), err, tt.want)
			}
		})
	}
}

func TestErrorfAndMarkdownify(t *testing.T) {
	r := newRenderer(t, nil, map[string]string{
		"layouts/_default/errorf.html":      `a{{ errorf "no param %q" "x" }}`,
		"layouts/_default/markdownify.html": `{{ "*x*" | markdownify }}`,
	})
	for file, want := range map[string]string{
		"layouts/_default/errorf.html":      `layouts/_default/errorf.html:1:5: at <errorf "no param %q" "x">: error calling errorf: no param "x"`,
		"layouts/_default/markdownify.html": `layouts/_default/markdownify.html:1:12: at <markdownify>: error calling markdownify: markdownify: no Markdown converter was given to render.New`,
	} {
		var b strings.Builder
		if err := r.Execute(&b, file, nil); err == nil || err.Error() != want {
			t.Errorf("Execute(%q) error = %v, want %s", file, err, want)
		}
	}
}
