package content

import "testing"

// The cases pin down how front matter was split by github.com/adrg/frontmatter,
// which split.go replaced: blank lines before the opening line, spaces
// around a fence, a fence at the end of the file, and the JSON object's
// closing line that only counts before an empty line.
func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name, in  string
		format    string
		raw, body string
		bodyLine  int
		unclosed  bool
	}{
		{name: "yaml", in: "---\ntitle: x\n---\nbody\n", format: "yaml", raw: "title: x\n", body: "body\n", bodyLine: 4},
		{name: "toml", in: "+++\na = 1\n+++\nbody", format: "toml", raw: "a = 1\n", body: "body", bodyLine: 4},
		{name: "empty", in: "---\n---\nbody", format: "yaml", raw: "", body: "body", bodyLine: 3},
		{name: "blank lines first", in: "\n \n---\na: 1\n---\nb", format: "yaml", raw: "a: 1\n", body: "b", bodyLine: 6},
		{name: "spaces around fences", in: "  ---  \na: 1\n --- \nb", format: "yaml", raw: "a: 1\n", body: "b", bodyLine: 4},
		{name: "no-break space around a fence", in: "\u00a0---\na: 1\n---\u00a0\nb", format: "yaml", raw: "a: 1\n", body: "b", bodyLine: 4},
		{name: "closing fence at the end", in: "---\na: 1\n---", format: "yaml", raw: "a: 1\n", body: "", bodyLine: 3},
		{name: "longer fence is text", in: "---\na: 1\n----\n---\nb", format: "yaml", raw: "a: 1\n----\n", body: "b", bodyLine: 5},
		{name: "no front matter", in: "hello\n---\na: 1\n---\n", body: "hello\n---\na: 1\n---\n", bodyLine: 1},
		{name: "only blank lines", in: "\n\n", body: "\n\n", bodyLine: 1},
		{name: "empty file", in: "", body: "", bodyLine: 1},
		{name: "unclosed", in: "---\na: 1\n", unclosed: true},
		{name: "opening fence alone at the end", in: "---", unclosed: true},
		{name: "opening fence and a newline", in: "\n---\n", unclosed: true},
		{name: "json", in: "{\n\"title\": \"x\"\n}\n\nbody", format: "json", raw: "{\n\"title\": \"x\"\n}\n\n", body: "body", bodyLine: 5},
		{name: "json closed at the end", in: "{\n\"a\": 1\n}", format: "json", raw: "{\n\"a\": 1\n}", body: "", bodyLine: 3},
		{name: "json closed before the end", in: "{\n\"a\": 1\n}\n", format: "json", raw: "{\n\"a\": 1\n}\n", body: "", bodyLine: 4},
		{name: "json brace before text", in: "{\n\"a\": 1\n}\nx\n}\n\nbody", format: "json", raw: "{\n\"a\": 1\n}\nx\n}\n\n", body: "body", bodyLine: 7},
		{name: "json two braces", in: "{\n}\n}\n\nbody", format: "json", raw: "{\n}\n}\n\n", body: "body", bodyLine: 5},
		{name: "json never before an empty line", in: "{\n\"a\": 1\n}\nx\n", unclosed: true},
	} {
		got, err := split([]byte(tc.in))
		if tc.unclosed {
			if err == nil {
				t.Errorf("%s: split(%q) = %+v, want an unclosed front matter error", tc.name, tc.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: split(%q): %v", tc.name, tc.in, err)
			continue
		}
		if got.format != tc.format || string(got.raw) != tc.raw || string(got.body) != tc.body || got.bodyLine != tc.bodyLine {
			t.Errorf("%s: split(%q) = format %q, raw %q, body %q, line %d; want %q, %q, %q, %d",
				tc.name, tc.in, got.format, got.raw, got.body, got.bodyLine, tc.format, tc.raw, tc.body, tc.bodyLine)
		}
	}
}

// split reads the file where it lies: the body and the front matter are
// slices of it, with nothing copied.
func TestSplitAllocatesNothing(t *testing.T) {
	src := []byte("\n---\ntitle: x\ntags: [a, b]\n---\n\nThe body.\n")
	if n := testing.AllocsPerRun(100, func() {
		if _, err := split(src); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("split allocated %v times, want 0", n)
	}
}
