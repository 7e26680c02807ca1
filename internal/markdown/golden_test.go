package markdown

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected HTML in testdata/*.txt")

// The files in testdata hold cases in goldmark's format:
//
//	name
//	OPTIONS: unsafe typographer      (optional)
//	//- - - - - - - - -//
//	Markdown
//	//- - - - - - - - -//
//	expected HTML
//	//= = = = = = = = = = = = = = = = = = = = = = = =//
const (
	caseSep = "//- - - - - - - - -//\n"
	caseEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//\n"
)

type goldenCase struct {
	header   string // the name line and any OPTIONS line
	markdown string
	html     string
}

func (c goldenCase) name() string {
	name, _, _ := strings.Cut(c.header, "\n")
	return name
}

func (c goldenCase) options() Options {
	var opts Options
	for line := range strings.Lines(c.header) {
		words, ok := strings.CutPrefix(strings.TrimSpace(line), "OPTIONS:")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(words) {
			switch w {
			case "unsafe":
				opts.UnsafeHTML = true
			case "typographer":
				opts.Typographer = true
			}
		}
	}
	return opts
}

func parseGolden(t *testing.T, data string) []goldenCase {
	t.Helper()
	var cases []goldenCase
	for _, block := range strings.SplitAfter(data, caseEnd) {
		if strings.TrimSpace(block) == "" {
			continue
		}
		parts := strings.Split(strings.TrimSuffix(block, caseEnd), caseSep)
		if len(parts) != 3 || !strings.HasSuffix(block, caseEnd) {
			t.Fatalf("malformed case %q: want header, Markdown and HTML separated by %q and ended by %q", block, caseSep, caseEnd)
		}
		cases = append(cases, goldenCase{header: parts[0], markdown: parts[1], html: parts[2]})
	}
	return cases
}

func formatGolden(cases []goldenCase) []byte {
	var b bytes.Buffer
	for _, c := range cases {
		b.WriteString(c.header + caseSep + c.markdown + caseSep + c.html + caseEnd)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.txt: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) { testGoldenFile(t, file) })
	}
}

func testGoldenFile(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cases := parseGolden(t, string(data))
	for i, c := range cases {
		res, err := New(c.options()).Convert([]byte(c.markdown), 1)
		if err != nil {
			t.Errorf("%s: Convert: %v", c.name(), err)
			continue
		}
		if *update {
			cases[i].html = string(res.HTML)
			continue
		}
		if got := string(res.HTML); got != c.html {
			t.Errorf("%s: Convert(%q)\ngot:\n%s\nwant:\n%s", c.name(), c.markdown, got, c.html)
		}
	}
	if *update {
		if err := os.WriteFile(file, formatGolden(cases), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
