package shortcode

import (
	"fmt"
	"reflect"
	"testing"
)

// eagerly is the slow path: the body's code found before any tag is read.
func eagerly(body []byte) *codeFinder {
	return &codeFinder{body: body, ranges: codeRanges(body), parsed: true}
}

// sameAsEager checks that Parse's fast path reads body as the slow path
// does, and returns whether it parsed the body for code.
func sameAsEager(t *testing.T, body []byte, opts Options) (parsed bool) {
	t.Helper()
	lazy := &codeFinder{body: body}
	gotNodes, gotErr := parseWith(body, opts, lazy)
	wantNodes, wantErr := parseWith(body, opts, eagerly(body))
	if !reflect.DeepEqual(gotNodes, wantNodes) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Errorf("body %q:\nfast path: %s, %v\nslow path: %s, %v", body, dump(gotNodes), gotErr, dump(wantNodes), wantErr)
	}
	return lazy.parsed
}

// TestCodeFinderFastPath checks that a body whose tags cannot be in code
// is not parsed for code, that one whose tags may be is, and that either
// way the tags found are those the slow path finds.
func TestCodeFinderFastPath(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		parsed bool
	}{
		{"prose", "Some text.\n\n{{< a >}}\n", false},
		{"code span in another paragraph", "Use `go test`.\n\n{{< a >}}\n", false},
		{"code span before, none after", "Use `go`\n{{< a >}}\n", false},
		{"code span after, none before", "{{< a >}}\nuse `go`\n", false},
		{"closed fence before", "```go\n{{< x >}}\n```\n\n{{< a >}}\n", true}, // the first tag is in the fence
		{"closed fence, tag after", "```go\nx := 1\n```\n\n{{< a >}}\n", false},
		{"tilde fence closed by a longer one", "~~~\nx\n~~~~\n{{< a >}}\n", false},
		{"indented lines elsewhere", "- a\n    - b\n\n{{< a >}}\n", false},
		{"the bench's details", "{{< details summary=\"Q\" >}}\nWork with `Go`, daily.\n{{< /details >}}\n", false},
		{"in a code span", "Write `{{< a >}}` to show it.\n", true},
		{"in a span over lines", "Write `a\n{{< a >}}` to show it.\n", true},
		{"in an open fence", "```\n{{< a >}}\n", true},
		{"in a fence's info string", "```{{< a >}}\nx\n```\n", true},
		{"in a fence not closed by a shorter one", "````\n```\n{{< a >}}\n````\n", true},
		{"in a fence not closed by the other char", "~~~\n```\n{{< a >}}\n~~~\n", true},
		{"a closing fence with text is none", "```\n``` x\n{{< a >}}\n```\n", true},
		{"indented code", "Text.\n\n    {{< a >}}\n", true},
		{"tab-indented code", "Text.\n\n\t{{< a >}}\n", true},
		{"fence in a list", "- a\n\n  ```\n  {{< a >}}\n  ```\n", true},
		{"fence in a list, closed at the margin", "- a\n  ```\n  x\n```\n{{< a >}}\n```\n", true},
		{"fence in a quote", "> ```\n> x\n> ```\n\n{{< a >}}\n", true},
		{"fence in an HTML block", "<div>\n```\n</div>\n\n```\n{{< a >}}\n```\n", true},
		{"fence in an HTML comment", "<!--\n```\n-->\n\n```\n{{< a >}}\n```\n", true},
		{"a one-line comment, then fences", "Intro.\n<!--more-->\n```\nx\n```\n\n{{< a >}}\n", false},
		{"backticks are not a fence", "```a`b\n{{< a >}}`\n", true}, // a code span, maybe: both sides
		{"backticks are not a fence, no span", "```a`b\n\n{{< a >}}\n", false},
		{"in a footnote's code", "[^1]: note\n\n        {{< a >}}\n", true},
		{"crlf", "```\r\nx\r\n```\r\n\r\n{{< a >}}\r\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if parsed := sameAsEager(t, []byte(tt.body), Options{}); parsed != tt.parsed {
				t.Errorf("body %q parsed for code: %v, want %v", tt.body, parsed, tt.parsed)
			}
		})
	}
}

// FuzzCodeFinder checks, for arbitrary bodies, that Parse's fast path
// finds the tags the slow path finds, at the same places, with the same
// errors: mayBeCode never says no where goldmark finds code.
func FuzzCodeFinder(f *testing.F) {
	for _, s := range []string{
		"```\n{{< a >}}\n```\n{{< b >}}",
		"- x\n  ```\n  y\n```\n{{< a >}}\n```",
		"<div>\n```\n</div>\n\n```\n{{< a >}}\n```",
		"<!--more-->\n```\nx\n```\n{{< a >}}\n<!-- a\n```\n-->\n```\n{{< b >}}",
		"> ```\n> {{< a >}}\n\n{{< b >}}",
		"Use `a\n{{< b >}}` and {{% c %}}`\n\n    {{< d >}}",
		"[^1]: x\n\n    ```\n    {{< a >}}\n\n{{< b >}}",
		"Term\n: ```\n  {{< a >}}\n  ```\n{{< b >}}",
		"~~~ `x`\n{{< a >}}\n~~~\n{{< b >}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		sameAsEager(t, body, Options{})
	})
}
