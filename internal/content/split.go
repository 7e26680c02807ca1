package content

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sync"

	"github.com/adrg/frontmatter"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// The front-matter formats. Their unmarshal functions only capture the raw
// text (v is always a *captured); the text is decoded later, into a
// yaml.Node, so that positions are known.
var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", captureFormat("yaml")),
	frontmatter.NewFormat("+++", "+++", captureFormat("toml")),
	// The library's own JSON format: the braces belong to the text, and the
	// closing "}" line must be followed by an empty line.
	{Start: "{", End: "}", Unmarshal: captureFormat("json"), UnmarshalDelims: true, RequiresNewLine: true},
}

type captured struct {
	format string
	raw    []byte
}

func captureFormat(name string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		c := v.(*captured)
		c.format, c.raw = name, data
		return nil
	}
}

// parts is a file split into front matter and body.
type parts struct {
	format   string // "yaml", "toml", "json"; "" when there is no front matter
	raw      []byte // the front-matter text
	open     int    // file line of the opening delimiter (1 when there is none)
	line     int    // file line where raw starts
	body     []byte
	bodyLine int
}

// clean drops a UTF-8 byte order mark and turns CRLF, and a CR alone (the
// line ending of old Mac files, which YAML, CommonMark and editors all
// count as one), into LF, so that every line number agrees. It copies src
// only when it has a CR.
func clean(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	return src
}

// parser holds the buffers reused from one file to the next: a
// frontmatter.Parse given a large enough *bufio.Reader uses it instead of
// allocating its own 4 KiB one per file. The zero value is ready to use; a
// parser must not be shared between goroutines.
type parser struct {
	feed frontMatterFeed
	br   *bufio.Reader
}

// parsers holds the parsers of ParseFile and Parse, which the pages of a
// build are read through one at a time from many goroutines: their
// readers are reused rather than made for every file.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// parseOnce parses one file as s.parse does, with a parser of the pool.
func parseOnce(file string, data []byte, cfg *config.Config) (*Page, []*diag.Error) {
	s := parsers.Get().(*parser)
	p, errs := s.parse(file, data, cfg)
	s.feed = frontMatterFeed{} // the pool keeps no file's text
	if s.br != nil {
		s.br.Reset(nil)
	}
	parsers.Put(s)
	return p, errs
}

// split separates the front matter of src (already cleaned) from its body.
func (s *parser) split(src []byte) (parts, *diag.Error) {
	var c captured
	open, first := firstLine(src)
	s.feed = frontMatterFeed{src: src, end: len(src), captured: &c}
	if !opens(first) {
		s.feed.end = lineEnd(src, offsetOfLine(src, open))
	}
	return s.splitFrom(&s.feed, src, &c, open, first)
}

// splitFrom is split, with the library reading src from r and capturing
// its front matter into c; open and first are firstLine(src).
func (s *parser) splitFrom(r io.Reader, src []byte, c *captured, open int, first string) (parts, *diag.Error) {
	if s.br == nil {
		s.br = bufio.NewReader(r)
	} else {
		s.br.Reset(r)
	}
	if _, err := frontmatter.Parse(s.br, c, formats...); err != nil {
		return parts{}, &diag.Error{Line: 1, Col: 1, Msg: "cannot read front matter: " + err.Error()}
	}
	if c.format == "" {
		if opens(first) {
			return parts{}, &diag.Error{Line: open, Col: 1, Msg: unclosed(first)}
		}
		return parts{open: 1, line: 1, body: src, bodyLine: 1}, nil
	}
	p := parts{format: c.format, raw: c.raw, open: open, line: open + 1}
	if c.format == "json" {
		p.line = open
	}
	// The library hands the raw text out of its own copy of what it read;
	// where it ends in src is where raw ends, plus the closing line.
	start := offsetOfLine(src, p.line)
	end := lineEnd(src, start+len(c.raw))
	if c.format == "json" {
		end = start + len(c.raw) // the text already holds "}" and the empty line
	}
	p.body = src[end:]
	p.bodyLine = 1 + bytes.Count(src[:end], []byte("\n"))
	return p, nil
}

// opens reports whether first, a file's first non-blank line trimmed,
// opens front matter in one of the formats.
func opens(first string) bool { return first == "---" || first == "+++" || first == "{" }

// frontMatterFeed gives src to frontmatter.Parse one line per Read, and
// ends where the library has read all it decides on: at end, which is
// the end of the first non-blank line when that line opens no front
// matter (the library looks no further), and as soon as the front
// matter is captured. The library copies what it reads, then all the
// rest of the file, to return it; we take the body from src, so reading
// it whole only copied every body once more. Given nothing past what it
// decides on, the library decides the same.
type frontMatterFeed struct {
	src      []byte
	off, end int
	captured *captured
}

func (f *frontMatterFeed) Read(p []byte) (int, error) {
	if f.off >= f.end || f.captured.format != "" {
		return 0, io.EOF
	}
	line := f.src[f.off:f.end]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	n := copy(p, line)
	f.off += n
	return n, nil
}

func unclosed(delim string) string {
	if delim == "{" {
		return `front matter opened with "{" is never closed (want a "}" line followed by an empty line)`
	}
	return fmt.Sprintf("front matter opened with %q is never closed", delim)
}

// firstLine returns the number and trimmed text of the first non-blank line,
// the line the library compares with the opening delimiters.
func firstLine(src []byte) (int, string) {
	n := 1
	for len(src) > 0 {
		line, rest, _ := bytes.Cut(src, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return n, string(t)
		}
		src, n = rest, n+1
	}
	return 1, ""
}

// offsetOfLine returns the offset where 1-based line n of src starts.
func offsetOfLine(src []byte, n int) int {
	off := 0
	for ; n > 1; n-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// lineEnd returns the offset just after the line that starts at off.
func lineEnd(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	return off + i + 1
}

// FrontMatterBytes returns the bytes of data before line bodyLine (a
// Page's BodyLine): the front matter and its fences. Two versions of a
// file with the same front-matter bytes parse to the same page but for
// its body.
func FrontMatterBytes(data []byte, bodyLine int) []byte {
	end := 0
	for line := 1; line < bodyLine && end < len(data); line++ {
		i := bytes.IndexByte(data[end:], '\n')
		if i < 0 {
			end = len(data)
			break
		}
		end += i + 1
	}
	return data[:end]
}
