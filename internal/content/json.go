package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// jsonNode parses JSON front matter into a yaml.Node tree whose positions
// are those of the JSON text. It reads tokens with encoding/json rather than
// parsing the text as YAML, because yaml.v3 rejects some valid JSON (the "\/"
// escape) and reports its syntax errors at imprecise lines.
func jsonNode(src []byte) (*yaml.Node, *diag.Error) {
	li := newLineIndex(src)
	if !json.Valid(src) {
		return nil, jsonSyntaxError(src, li)
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	b := jsonBuilder{src: src, li: li, dec: dec}
	n, err := b.value()
	if err != nil { // json.Valid said yes, so this is not expected
		return nil, &diag.Error{Line: 1, Col: 1, Msg: "invalid JSON: " + err.Error()}
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: n.Line, Column: n.Column, Content: []*yaml.Node{n}}, nil
}

func jsonSyntaxError(src []byte, li lineIndex) *diag.Error {
	err := json.Unmarshal(src, new(any))
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &diag.Error{Line: 1, Col: 1, Msg: "invalid JSON"}
	}
	// Offset counts the bytes read, the offending one included.
	line, col := li.pos(int(se.Offset) - 1)
	return &diag.Error{Line: line, Col: col, Msg: "invalid JSON: " + se.Error()}
}

type jsonBuilder struct {
	src []byte
	li  lineIndex
	dec *json.Decoder
}

// next reads a token and returns it with the position where it starts: the
// decoder's offset is the end of the previous token, so skip the space and
// separators after it.
func (b *jsonBuilder) next() (json.Token, int, int, error) {
	off := int(b.dec.InputOffset())
	for off < len(b.src) && strings.IndexByte(" \t\r\n,:", b.src[off]) >= 0 {
		off++
	}
	tok, err := b.dec.Token()
	line, col := b.li.pos(off)
	return tok, line, col, err
}

func (b *jsonBuilder) value() (*yaml.Node, error) {
	tok, line, col, err := b.next()
	if err != nil {
		return nil, err
	}
	n := &yaml.Node{Line: line, Column: col}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return n, b.object(n)
		}
		return n, b.array(n)
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", t.String()
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", "false"
		if t {
			n.Value = "true"
		}
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

func (b *jsonBuilder) object(n *yaml.Node) error {
	n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
	for b.dec.More() {
		tok, line, col, err := b.next()
		if err != nil {
			return err
		}
		k, _ := tok.(string)
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Style: yaml.DoubleQuotedStyle, Line: line, Column: col}
		v, err := b.value()
		if err != nil {
			return err
		}
		n.Content = append(n.Content, key, v)
	}
	return b.end()
}

func (b *jsonBuilder) array(n *yaml.Node) error {
	n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
	for b.dec.More() {
		v, err := b.value()
		if err != nil {
			return err
		}
		n.Content = append(n.Content, v)
	}
	return b.end()
}

// end consumes the closing delimiter of an object or array.
func (b *jsonBuilder) end() error {
	_, err := b.dec.Token()
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
