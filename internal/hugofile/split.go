package hugofile

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/careersite/careersite/internal/diag"
)

// Page is a content file of the Hugo site split into its front
// matter and its body, the body's bytes as written.
type Page struct {
	File            string // relative to the Hugo site: "content/posts/a.md"
	Format          Format // "" when the file has no front matter
	FrontMatter     []byte
	FrontMatterLine int // file line FrontMatter starts on
	Body            []byte
	BodyLine        int // file line Body starts on
}

// Split splits data, the file file, as Hugo does: YAML between "---"
// lines, TOML between "+++" lines, or a JSON object that starts the file;
// a file that starts with none of them is all body. An opening line that
// is never closed is an error at that line.
func Split(file string, data []byte) (*Page, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	p := &Page{File: file, Body: data, BodyLine: 1}
	first, rest, _ := cutLine(data)
	switch string(bytes.TrimRight(first, " \t\r")) {
	case "---":
		return p.closeAt(rest, "---", YAML)
	case "+++":
		return p.closeAt(rest, "+++", TOML)
	}
	if bytes.HasPrefix(bytes.TrimLeft(data, " \t"), []byte("{")) {
		return p.json(data)
	}
	return p, nil
}

// closeAt finds the line delim that closes front matter in rest.
func (p *Page) closeAt(rest []byte, delim string, f Format) (*Page, error) {
	p.Format, p.FrontMatterLine = f, 2
	line := 2
	for off := 0; off < len(rest); line++ {
		l, after, _ := cutLine(rest[off:])
		if string(bytes.TrimRight(l, " \t\r")) == delim {
			p.FrontMatter = rest[:off]
			p.Body = rest[len(rest)-len(after):]
			p.BodyLine = line + 1
			return p, nil
		}
		off = len(rest) - len(after)
	}
	return nil, diag.At(p.File, 1, 1, fmt.Sprintf("front matter opened with %q is never closed", delim))
}

// json reads the JSON object that opens data; the body starts on the line
// after its closing brace.
func (p *Page) json(data []byte) (*Page, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := d.Decode(&v); err != nil {
		line, col, msg := errorPlace(data, err)
		return nil, diag.At(p.File, line, col, msg)
	}
	end := int(d.InputOffset())
	_, after, _ := cutLine(data[end:])
	p.Format, p.FrontMatterLine = JSON, 1
	p.FrontMatter = data[:end]
	p.Body = data[len(data)-len(after):]
	p.BodyLine = bytes.Count(data[:len(data)-len(after)], []byte("\n")) + 1
	return p, nil
}

// cutLine returns the first line of b without its "\n", and what follows.
func cutLine(b []byte) (line, rest []byte, found bool) {
	return bytes.Cut(b, []byte("\n"))
}
