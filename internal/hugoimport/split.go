package hugoimport

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/careersite/careersite/internal/diag"
)

// sourcePage is a content file of the Hugo site split into its front
// matter and its body, the body's bytes as written.
type sourcePage struct {
	file     string // relative to the Hugo site: "content/posts/a.md"
	format   format // "" when the file has no front matter
	fmText   []byte
	fmLine   int // file line fmText starts on
	body     []byte
	bodyLine int // file line body starts on
}

// splitPage splits data, the file file, as Hugo does: YAML between "---"
// lines, TOML between "+++" lines, or a JSON object that starts the file;
// a file that starts with none of them is all body. An opening line that
// is never closed is an error at that line.
func splitPage(file string, data []byte) (*sourcePage, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	p := &sourcePage{file: file, body: data, bodyLine: 1}
	first, rest, _ := cutLine(data)
	switch string(bytes.TrimRight(first, " \t\r")) {
	case "---":
		return p.closeAt(rest, "---", formatYAML)
	case "+++":
		return p.closeAt(rest, "+++", formatTOML)
	}
	if bytes.HasPrefix(bytes.TrimLeft(data, " \t"), []byte("{")) {
		return p.json(data)
	}
	return p, nil
}

// closeAt finds the line delim that closes front matter in rest.
func (p *sourcePage) closeAt(rest []byte, delim string, f format) (*sourcePage, error) {
	p.format, p.fmLine = f, 2
	line := 2
	for off := 0; off < len(rest); line++ {
		l, after, _ := cutLine(rest[off:])
		if string(bytes.TrimRight(l, " \t\r")) == delim {
			p.fmText = rest[:off]
			p.body = rest[len(rest)-len(after):]
			p.bodyLine = line + 1
			return p, nil
		}
		off = len(rest) - len(after)
	}
	return nil, diag.At(p.file, 1, 1, fmt.Sprintf("front matter opened with %q is never closed", delim))
}

// json reads the JSON object that opens data; the body starts on the line
// after its closing brace.
func (p *sourcePage) json(data []byte) (*sourcePage, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := d.Decode(&v); err != nil {
		line, col, msg := errorPlace(data, err)
		return nil, diag.At(p.file, line, col, msg)
	}
	end := int(d.InputOffset())
	_, after, _ := cutLine(data[end:])
	p.format, p.fmLine = formatJSON, 1
	p.fmText = data[:end]
	p.body = data[len(data)-len(after):]
	p.bodyLine = bytes.Count(data[:len(data)-len(after)], []byte("\n")) + 1
	return p, nil
}

// cutLine returns the first line of b without its "\n", and what follows.
func cutLine(b []byte) (line, rest []byte, found bool) {
	return bytes.Cut(b, []byte("\n"))
}
