package content

import (
	"bytes"
	"fmt"

	"github.com/careersite/careersite/internal/diag"
)

// A fence is how one front-matter format is set off from the body: the
// lines that open and close it, compared with their spaces trimmed.
type fence struct {
	format, open, close string
	// json: the braces belong to the text, and the closing line counts
	// only when an empty line (or the end of the file) follows it.
	json bool
}

var fences = []fence{
	{format: "yaml", open: "---", close: "---"},
	{format: "toml", open: "+++", close: "+++"},
	{format: "json", open: "{", close: "}", json: true},
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

// split separates the front matter of src (already cleaned) from its body.
// Body and raw are slices of src.
func split(src []byte) (parts, *diag.Error) {
	format, raw, end := fenced(src)
	open, first := firstLine(src)
	if format == "" {
		for _, f := range fences {
			if string(first) == f.open {
				return parts{}, &diag.Error{Line: open, Col: 1, Msg: unclosed(f.open)}
			}
		}
		return parts{open: 1, line: 1, body: src, bodyLine: 1}, nil
	}
	p := parts{format: format, raw: raw, open: open, line: open + 1}
	if format == "json" {
		p.line = open
	}
	p.body = src[end:]
	p.bodyLine = 1 + bytes.Count(src[:end], []byte("\n"))
	return p, nil
}

// fenced finds the front matter of src the way github.com/adrg/frontmatter
// did, which split used before, without copying the file: the first line
// that is not blank opens it, when it is a fence's opening line and not
// the file's last (a line without a newline); the first closing line after
// it closes it. It returns the format, the front-matter text and the
// offset where the body starts; format "" when there is no front matter
// or it is never closed.
func fenced(src []byte) (format string, raw []byte, end int) {
	f, start, off := opening(src)
	if f == nil {
		return "", nil, 0
	}
	for {
		lineStart := off
		line, eof := nextLine(src, &off)
		for f.json && string(line) == f.close {
			// The braces close it before an empty line; any other line
			// may be the closing one again.
			if line, eof = nextLine(src, &off); len(line) == 0 {
				return f.format, src[start:off], off
			}
		}
		if string(line) == f.close {
			return f.format, src[start:lineStart], off
		}
		if eof {
			return "", nil, 0
		}
	}
}

// opening returns the fence whose opening line is the first line of src
// that is not blank, where its text starts and the offset after that line;
// a nil fence when that line opens none or is the last line.
func opening(src []byte) (f *fence, start, off int) {
	for {
		lineStart := off
		line, eof := nextLine(src, &off)
		if eof {
			return nil, 0, 0
		}
		if len(line) == 0 {
			continue
		}
		for i := range fences {
			if fences[i].open == string(line) {
				if fences[i].json {
					return &fences[i], lineStart, off
				}
				return &fences[i], off, off
			}
		}
		return nil, 0, 0
	}
}

// nextLine returns the line of src at *off, its spaces trimmed, and moves
// *off past it and its newline; eof is true when it has no newline.
func nextLine(src []byte, off *int) (line []byte, eof bool) {
	rest := src[*off:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		*off = len(src)
		return bytes.TrimSpace(rest), true
	}
	*off += i + 1
	return bytes.TrimSpace(rest[:i]), false
}

func unclosed(delim string) string {
	if delim == "{" {
		return `front matter opened with "{" is never closed (want a "}" line followed by an empty line)`
	}
	return fmt.Sprintf("front matter opened with %q is never closed", delim)
}

// firstLine returns the number and trimmed text of the first non-blank line,
// the line the library compares with the opening delimiters.
func firstLine(src []byte) (int, []byte) {
	n := 1
	for len(src) > 0 {
		line, rest, _ := bytes.Cut(src, []byte("\n"))
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return n, t
		}
		src, n = rest, n+1
	}
	return 1, nil
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
