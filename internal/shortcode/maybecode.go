package shortcode

import "bytes"

// This file spares most pages the Markdown parse that finds code
// (codeRanges, about a third of a Convert of the page): a tag can lie in
// code only where the bytes before it allow, and a codeFinder parses the
// body the first time a tag is at such a place, never when none is. The
// test, mayBeCode, may say yes where goldmark finds no code (the parse
// then decides); it never says no where goldmark finds code. A tag at
// offset j is in code only if
//
//   - in an indented code block: the text before it on its line holds
//     four spaces in a row or a tab (a code line's indentation, whatever
//     list or quote markers stand before it);
//   - in a code span: its paragraph, the lines around it up to blank ones,
//     holds a backtick before it and one after it (a span never crosses a
//     blank line);
//   - in a fenced code block, or its info string: a fence opened before
//     it and not closed (mayBeFenced).

// codeFinder tells whether a tag is in code, parsing the body for it
// (codeRanges) the first time mayBeCode cannot rule code out.
type codeFinder struct {
	body   []byte
	ranges ranges
	parsed bool // ranges are codeRanges(body)
}

// around is ranges.around of the body's code.
func (c *codeFinder) around(offset int) (end int, in bool) {
	if !c.parsed {
		if !mayBeCode(c.body, offset) {
			return 0, false
		}
		c.ranges, c.parsed = codeRanges(c.body), true
	}
	return c.ranges.around(offset)
}

// mayBeCode reports whether offset j of body may lie in code; see the top
// of this file.
func mayBeCode(body []byte, j int) bool {
	start := bytes.LastIndexByte(body[:j], '\n') + 1
	prefix := body[start:j]
	if bytes.Contains(prefix, []byte("    ")) || bytes.IndexByte(prefix, '\t') >= 0 || hasFenceChars(prefix) {
		return true
	}
	return mayBeInSpan(body, start, j) || mayBeFenced(body[:start])
}

// mayBeInSpan reports whether the paragraph around offset j, whose line
// starts at start, holds a backtick before j and one after it.
func mayBeInSpan(body []byte, start, j int) bool {
	first := start
	for first > 0 {
		prev := bytes.LastIndexByte(body[:first-1], '\n') + 1
		if isBlank(body[prev : first-1]) {
			break
		}
		first = prev
	}
	if bytes.IndexByte(body[first:j], '`') < 0 {
		return false
	}
	for i := j; i < len(body); {
		end := bytes.IndexByte(body[i:], '\n')
		if end < 0 {
			end = len(body) - i
		}
		line := body[i : i+end]
		if i > j && isBlank(line) {
			return false
		}
		if bytes.IndexByte(line, '`') >= 0 {
			return true
		}
		i += end + 1
	}
	return false
}

// mayBeFenced reports whether the lines of before leave a fenced code
// block open. It follows fences only at the top level: an opening fence
// at the start of a line (a fence indented by one to three spaces may
// belong to a list item, which a line at the margin would end, closing
// it). Any other line with "```" or "~~~" in it, outside a fence it
// follows, may be a fence in a list, a quote or a footnote: then it
// cannot tell and says yes; so it does when a line may open an HTML
// block and fences are about, since a fence in an HTML block is not one.
func mayBeFenced(before []byte) bool {
	if !hasFenceChars(before) {
		return false
	}
	var open []byte // the opening fence's run of ` or ~; nil outside a fence
	for line := range bytes.Lines(before) {
		indent, run, rest := fence(line)
		switch {
		case open != nil:
			if run != nil && indent <= 3 && run[0] == open[0] && len(run) >= len(open) && isBlank(rest) {
				open = nil
			}
		case run != nil && indent == 0:
			if run[0] == '`' && bytes.IndexByte(rest, '`') >= 0 {
				continue // backticks in a paragraph, not a fence
			}
			open = run
		case hasFenceChars(line), indent <= 3 && mayOpenHTML(line[indent:]):
			return true
		}
	}
	return open != nil
}

// mayOpenHTML reports whether a line starting with text may open an HTML
// block that goes on past it: any line starting with "<" but a comment
// closed on the line ("<!--more-->"), which is a block of its own.
func mayOpenHTML(text []byte) bool {
	if !bytes.HasPrefix(text, []byte("<")) {
		return false
	}
	rest, comment := bytes.CutPrefix(text, []byte("<!--"))
	return !comment || !bytes.Contains(rest, []byte("-->"))
}

// fence splits line into its leading spaces, the run of three or more
// backticks or tildes after them (nil when there is none) and the rest.
func fence(line []byte) (indent int, run, rest []byte) {
	for indent < len(line) && line[indent] == ' ' {
		indent++
	}
	n := indent
	for n < len(line) && (line[n] == '`' || line[n] == '~') && line[n] == line[indent] {
		n++
	}
	if n-indent < 3 {
		return indent, nil, line[indent:]
	}
	return indent, line[indent:n], line[n:]
}

// hasFenceChars reports whether b holds "```" or "~~~".
func hasFenceChars(b []byte) bool {
	return bytes.Contains(b, []byte("```")) || bytes.Contains(b, []byte("~~~"))
}

// isBlank reports whether line holds only spaces, tabs and line ends.
func isBlank(line []byte) bool {
	return len(bytes.Trim(line, " \t\r\n")) == 0
}
