package shortcode

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/diag"
)

// dump writes nodes compactly: text as a Go string, a shortcode as
// <name@LINE:COL args> ({{< >}}) or %name@LINE:COL args% ({{% %}}), "/"
// before the end when self-closed, and [inner] when paired. Arguments are
// name=value or value, strings quoted, floats with a point.
func dump(nodes []Node) string {
	var b strings.Builder
	for i, n := range nodes {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch n := n.(type) {
		case Text:
			fmt.Fprintf(&b, "%q", n.Value)
		case *Shortcode:
			open, close := "<", ">"
			if n.Markdown {
				open, close = "%", "%"
			}
			fmt.Fprintf(&b, "%s%s@%s", open, n.Name, n.Position)
			for _, a := range n.Args {
				b.WriteByte(' ')
				if a.Name != "" {
					b.WriteString(a.Name + "=")
				}
				switch v := a.Value.(type) {
				case string:
					fmt.Fprintf(&b, "%q", v)
				case float64:
					f := strconv.FormatFloat(v, 'g', -1, 64)
					if !strings.ContainsAny(f, ".e") {
						f += ".0"
					}
					b.WriteString(f)
				default:
					fmt.Fprint(&b, v)
				}
			}
			if n.SelfClosed {
				b.WriteString("/")
			}
			b.WriteString(close)
			if n.Paired {
				b.WriteString("[" + dump(n.Inner) + "]")
			}
		}
	}
	return b.String()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no shortcode", "Just *text*.\n", `"Just *text*.\n"`},
		{"empty", "", ``},
		{"named arguments", `a {{< figure src="/a.png" width=640 >}} b`,
			`"a " <figure@1:3 src="/a.png" width=640> " b"`},
		{"positional arguments", `{{< card "/jobs/x/" 2 >}}`, `<card@1:1 "/jobs/x/" 2>`},
		{"no space after delimiters", `{{<card "x">}}`, `<card@1:1 "x">`},
		{"typed values", `{{< t 1 -2 +3 1.5 .5 2e3 true false "true" yes 1_000 0x10 inf >}}`,
			`<t@1:1 1 -2 3 1.5 0.5 2000.0 true false "true" "yes" "1_000" "0x10" "inf">`},
		{"escapes", `{{< q "say \"hi\"\n\u00e9\\" >}}`, `<q@1:1 "say \"hi\"\né\\">`},
		{"raw string over lines", "{{< code `a \"b\"\n\\n c` >}}", "<code@1:1 \"a \\\"b\\\"\\n\\\\n c\">"},
		{"arguments over lines", "{{< figure\n  src=\"a\"\n  alt=\"b\"\n>}}", `<figure@1:1 src="a" alt="b">`},
		{"bare word with slashes", `{{< ref /jobs/x/ >}}`, `<ref@1:1 "/jobs/x/">`},
		{"paired", `{{< details summary="Why?" >}}Because.{{< /details >}}`,
			`<details@1:1 summary="Why?">["Because."]`},
		{"paired markdown", "{{% note %}}\n*Hi*\n{{% /note %}}\n", `%note@1:1%["\n*Hi*\n"] "\n"`},
		{"self-closing", `{{< youtube id="abc" />}} {{< br/>}}`, `<youtube@1:1 id="abc"/> " " <br@1:27/>`},
		{"nested", "{{< a >}}x{{< b >}}y{{< /b >}}{{< c >}}{{< /a >}}",
			`<a@1:1>["x" <b@1:11>["y"] <c@1:31>]`},
		{"same name nested", "{{< a >}}{{< a >}}in{{< /a >}}{{< /a >}}", `<a@1:1>[<a@1:10>["in"]]`},
		{"unclosed is complete on its own", "{{< a >}} x {{< b >}}", `<a@1:1> " x " <b@1:13>`},
		{"inner unclosed, outer closed", "{{< a >}}{{< b >}}x{{< /a >}}", `<a@1:1>[<b@1:10> "x"]`},
		{"closing with spaces", "{{< a >}}{{<  /a  >}}", `<a@1:1>[]`},
		{"comment form", "Write {{</* figure src=\"x\" */>}} or {{%/* note */%}}.",
			`"Write " "{{< figure src=\"x\" >}}" " or " "{{% note %}}" "."`},
		{"comment form with spaces", "{{< /* x */ >}}", `"{{< x >}}"`},
		{"folder name", `{{< career/card "x" >}}`, `<career/card@1:1 "x">`},
		{"columns count characters", "Café {{< x >}}", `"Café " <x@1:6>`},
		{"lines", "one\ntwo {{< x >}}\n", `"one\ntwo " <x@2:5> "\n"`},
		{"single braces are text", "{{ .Title }} {{<x>}}", `"{{ .Title }} " <x@1:14>`},

		// Code.
		{"code span", "`{{< x >}}` {{< y >}}", "\"`{{< x >}}` \" <y@1:13>"},
		{"double backtick span", "``a {{< x >}} ` b`` c", "\"``a {{< x >}} ` b`` c\""},
		{"fenced block", "```md\n{{< x >}}\n```\n{{< y >}}", "\"```md\\n{{< x >}}\\n```\\n\" <y@4:1>"},
		{"tilde fence", "~~~\n{{< x >}}\n~~~\n", "\"~~~\\n{{< x >}}\\n~~~\\n\""},
		{"fence in a quote", "> ```\n> {{< x >}}\n> ```\n", "\"> ```\\n> {{< x >}}\\n> ```\\n\""},
		{"indented block", "Text.\n\n    {{< x >}}\n", `"Text.\n\n    {{< x >}}\n"`},
		{"indented in a list is not code", "- item\n\n    {{< x >}}\n", `"- item\n\n    " <x@3:5> "\n"`},
		{"indented after a paragraph is not code", "Text\n    {{< x >}}\n", `"Text\n    " <x@2:5> "\n"`},
		{"footnote continuation is not code", "A[^1].\n\n[^1]: Note.\n\n    {{< x >}}\n",
			`"A[^1].\n\n[^1]: Note.\n\n    " <x@5:5> "\n"`},
		{"unclosed backtick is not code", "`a {{< x >}}", "\"`a \" <x@1:4>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes, err := Parse([]byte(tt.in), Options{})
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got := dump(nodes); got != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	inner := func(name string) bool { return name != "youtube" }
	tests := []struct {
		name    string
		in      string
		inner   func(string) bool
		want    string // the tree
		wantErr string // every error, one a line
	}{
		{"closing with no opening", "x {{< /details >}}", nil, `"x " "{{< /details >}}"`,
			"3:3: closing tag {{< /details >}} has no opening tag"},
		{"crossed tags", "{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}", nil, `<a@3:1>[<b@3:10>] "{{< /b >}}"`,
			`3:29: closing tag {{< /b >}} crosses "a": "b" was opened at 3:10, inside "a"`},
		{"unclosed with templates", "{{< details >}}\ntext\n", inner, `<details@3:1> "\ntext\n"`,
			`3:1: unclosed shortcode "details"; want {{< /details >}}`},
		{"unclosed markdown with templates", "{{% note %}}", inner, `%note@3:1%`,
			`3:1: unclosed shortcode "note"; want {{% /note %}}`},
		{"inner unclosed with templates", "{{< a >}}{{< b >}}{{< /a >}}", inner, `<a@3:1>[<b@3:10>]`,
			`3:10: unclosed shortcode "b"; want {{< /b >}}`},
		{"no inner but closed", "{{< youtube id=x >}}{{< /youtube >}}", inner, `<youtube@3:1 id="x"> "{{< /youtube >}}"`,
			`3:21: shortcode "youtube" takes no inner content, but has a closing tag`},
		{"self-closed needs no closing", "{{< details />}}", inner, `<details@3:1/>`, ""},
		{"mixed arguments", `{{< x a=1 2 >}}`, nil, `<x@3:1 a=1>`, "3:11: mixed positional and named arguments"},
		{"mixed arguments the other way", `{{< x 2 a=1 >}}`, nil, `<x@3:1 2>`, "3:9: mixed positional and named arguments"},
		{"unterminated string", "{{< x a=\"b >}}\n", nil, `<x@3:1> "\n"`,
			"3:9: bad argument: string is not closed on its line; want \""},
		{"bad escape", `{{< x "\q" >}}`, nil, `<x@3:1>`, `3:7: bad argument: bad escape in "\q"`},
		{"stray quote", `{{< x a"b >}}`, nil, `<x@3:1>`, `3:8: bad argument: unexpected " in "a\""`},
		{"spaces around =", `{{< x a = 1 >}}`, nil, `<x@3:1>`, "3:7: bad argument: no spaces around = (write a=value)"},
		{"missing value", `{{< x a= >}}`, nil, `<x@3:1>`, "3:7: bad argument: no spaces around = (write a=value)"},
		{"missing value at the end", `{{< x a=>}}`, nil, `<x@3:1>`, "3:9: bad argument: want a value"},
		{"unclosed raw string", "{{< x `abc >}}", nil, `<x@3:1>`, "3:7: bad argument: raw string is not closed; want `"},
		{"no name", `{{< "x" >}} after {{< y >}}`, nil, `"{{< \"x\" >}}" " after " <y@3:19>`,
			`3:5: want a shortcode name after {{<`},
		{"unclosed tag is text", "{{< x a=1\n\nmore", nil, `"{{< x a=1\n\nmore"`,
			"3:1: shortcode tag is not closed; want >}}"},
		{"wrong closing delimiter", `{{< x %}}y`, nil, `<x@3:1> "y"`, "3:7: shortcode tag opened with {{< is closed with %}}"},
		{"arguments on a closing tag", `{{< x >}}{{< /x y >}}`, nil, `<x@3:1>[]`, "3:17: a closing tag takes no arguments"},
		{"unclosed comment", "{{</* x", nil, `"{{</* x"`, "3:1: shortcode tag is not closed; want */>}}"},
		{"unknown pairs as without templates", "{{< fgure >}}x{{< /fgure >}}{{< unk >}}", nil, `<fgure@3:1>["x"] <unk@3:29>`, ""},
		{"bad and good", "{{< a \"\\z\" >}}\n{{< /b >}}\n{{< c >}}", nil, `<a@3:1> "\n" "{{< /b >}}" "\n" <c@5:1>`,
			"3:7: bad argument: bad escape in \"\\z\"\n4:1: closing tag {{< /b >}} has no opening tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{FirstLine: 3, TakesInner: tt.inner}
			if strings.HasPrefix(tt.name, "unknown") {
				opts.TakesInner = inner
				opts.Known = func(name string) bool { return name == "details" }
			}
			nodes, err := Parse([]byte(tt.in), opts)
			if got := dump(nodes); got != tt.want {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
			if got := errText(t, err); got != tt.wantErr {
				t.Errorf("Parse(%q) errors:\n%s\nwant:\n%s", tt.in, got, tt.wantErr)
			}
		})
	}
}

// errText returns the errors joined in err, one a line, checking that each
// is a *diag.Error.
func errText(t *testing.T, err error) string {
	t.Helper()
	var lines []string
	for _, e := range diag.Leaves(err) {
		var d *diag.Error
		if !errors.As(e, &d) {
			t.Errorf("error %v is a %T, want *diag.Error", e, e)
		}
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

func TestParseLimits(t *testing.T) {
	deep := strings.Repeat("{{< d >}}", 5) + strings.Repeat("{{< /d >}}", 5)
	tests := []struct {
		name    string
		in      string
		opts    Options
		wantErr string
	}{
		{"depth", deep, Options{MaxDepth: 3}, "1:28: shortcodes nested more than 3 deep"},
		{"depth at the limit", deep, Options{MaxDepth: 5}, ""},
		{"argument size", `{{< x "12345" >}}`, Options{MaxArgBytes: 4}, "1:7: argument is 5 bytes, over the limit of 4"},
		{"raw argument size", "{{< x `12345` >}}", Options{MaxArgBytes: 4}, "1:7: argument is 5 bytes, over the limit of 4"},
		{"bare argument size", "{{< x 12345 >}}", Options{MaxArgBytes: 4}, "1:7: argument is 5 bytes, over the limit of 4"},
		{"argument count", "{{< x 1 2 3 >}}", Options{MaxArgs: 2}, "1:11: more than 2 arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), tt.opts)
			if got := errText(t, err); got != tt.wantErr {
				t.Errorf("Parse(%q) errors = %q, want %q", tt.in, got, tt.wantErr)
			}
		})
	}
}

// TestParseDeepIsBounded checks that nesting far past the limit stops with
// one error, in time proportional to the input.
func TestParseDeepIsBounded(t *testing.T) {
	in := strings.Repeat("{{< d >}}", 100000)
	nodes, err := Parse([]byte(in), Options{})
	if got := errText(t, err); got != "1:289: shortcodes nested more than 32 deep" {
		t.Errorf("errors = %q", got)
	}
	if len(nodes) == 0 {
		t.Errorf("no nodes")
	}
}

func TestGet(t *testing.T) {
	nodes, _ := Parse([]byte(`{{< a "x" 2 >}}{{< b k="v" >}}`), Options{})
	a, b := nodes[0].(*Shortcode), nodes[1].(*Shortcode)
	tests := []struct {
		sc   *Shortcode
		key  any
		want any
		ok   bool
	}{
		{a, 0, "x", true}, {a, 1, 2, true}, {a, 2, nil, false}, {a, -1, nil, false}, {a, "k", nil, false},
		{b, "k", "v", true}, {b, "x", nil, false}, {b, 0, nil, false},
	}
	for _, tt := range tests {
		if got, ok := tt.sc.Get(tt.key); got != tt.want || ok != tt.ok {
			t.Errorf("%s.Get(%#v) = %#v, %v; want %#v, %v", tt.sc.Name, tt.key, got, ok, tt.want, tt.ok)
		}
	}
}
