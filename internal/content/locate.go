package content

import (
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/diag"
)

// A Locator returns the place of a front-matter value of a page: the
// value of key that reads value (an alias, a tag), in p's file.
type Locator func(p *Page, key, value string) diag.Place

// NewLocator returns a Locator that reads content files from fsys.
//
// Load decodes front matter with the position of every problem it finds,
// but does not keep the position of every list item, and checks made later
// (an alias that is a page's URL, a tag that makes no URL) need one. So the
// place is found again in the text: the first line of the front matter, at
// or after the line that names key, that holds value; failing that the
// key's own line; failing that 1:1. It reads the file only when there is a
// problem to report. YAML, TOML and JSON all write a list item's text as it
// is unless it needs escaping, so this finds the value in all but odd
// cases, and never points outside the front matter.
func NewLocator(fsys fs.FS) Locator {
	return func(p *Page, key, value string) diag.Place {
		line, col := 1, 1
		if data, err := fs.ReadFile(fsys, p.Path); err == nil {
			line, col = findValue(frontMatterLines(data, p.BodyLine), key, value)
		}
		return diag.Place{File: p.Path, Line: line, Col: col}
	}
}

// frontMatterLines returns the lines of data before the body.
func frontMatterLines(data []byte, bodyLine int) []string {
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if bodyLine < 1 || bodyLine-1 > len(lines) {
		return lines
	}
	return lines[:bodyLine-1]
}

// findValue returns the 1-based line and column (in characters) of value
// after key in lines.
func findValue(lines []string, key, value string) (line, col int) {
	keyAt := -1
	for i, l := range lines {
		if isKeyLine(l, key) {
			keyAt = i
			break
		}
	}
	if keyAt < 0 {
		return 1, 1
	}
	if value != "" {
		for i := keyAt; i < len(lines); i++ {
			l := lines[i]
			if i == keyAt { // blank out the key, keeping byte offsets
				l = strings.Repeat("\x00", len(l)-len(afterKey(l, key))) + afterKey(l, key)
			}
			if j := indexValue(l, value); j >= 0 {
				return i + 1, utf8.RuneCountInString(lines[i][:j]) + 1
			}
		}
	}
	l := lines[keyAt]
	return keyAt + 1, utf8.RuneCountInString(l[:len(l)-len(strings.TrimLeft(l, " \t\"'"))]) + 1
}

// indexValue returns the byte offset of value in l, at its opening quote
// when it is quoted, or -1.
func indexValue(l, value string) int {
	for _, q := range []string{`"`, "'"} {
		if j := strings.Index(l, q+value+q); j >= 0 {
			return j
		}
	}
	if j := strings.Index(l, value); j >= 0 {
		return j
	}
	// A value with a control character is written escaped, in one of the
	// ways YAML, TOML and JSON share with Go: "\t", "\x00", "\u0000", "\0".
	q := strconv.QuoteToASCII(value)
	for _, esc := range []string{q, strings.ReplaceAll(q, `\x`, `\u00`), strings.ReplaceAll(q, `\x00`, `\0`)} {
		if j := strings.Index(l, esc); j >= 0 {
			return j
		}
	}
	return -1
}

// isKeyLine reports whether l sets key in YAML ("key:"), TOML ("key =") or
// JSON ("\"key\":").
func isKeyLine(l, key string) bool {
	t := strings.TrimLeft(l, " \t")
	t = strings.TrimPrefix(t, `"`)
	rest, ok := strings.CutPrefix(t, key)
	if !ok {
		return false
	}
	rest = strings.TrimLeft(strings.TrimPrefix(rest, `"`), " \t")
	return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "=")
}

// afterKey returns l from just after its key, so a value is not found
// inside the key's own name.
func afterKey(l, key string) string {
	i := strings.Index(l, key)
	return l[i+len(key):]
}
