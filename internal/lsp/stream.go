package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxMessage is the largest message the server reads: a whole 10 MB buffer
// sent in one didOpen or didChange, escaped as JSON, fits with room to
// spare; a Content-Length beyond it ends the connection before anything
// is read into memory.
const maxMessage = 64 << 20

// codec frames messages as the base protocol does: a header of
// "Name: value" lines ending in CR LF, of which Content-Length is required
// and Content-Type is ignored, an empty line, then that many bytes of JSON.
// It reads the whole body before decoding it, so that a body that is not
// JSON is an error and never leaves the reader inside a message.
type codec struct{}

// WriteObject writes obj as one message.
func (codec) WriteObject(w io.Writer, obj any) error {
	data, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "Content-Length: %d\r\n\r\n", len(data)); err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// ReadObject reads one message into v.
func (codec) ReadObject(r *bufio.Reader, v any) error {
	body, err := readMessage(r)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

// readMessage reads one message's header and returns its body.
func readMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			if errors.Is(err, io.EOF) && line != "" {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("lsp: header line %q has no colon", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("lsp: Content-Length %q is not a length", value)
			}
			length = n
		}
	}
	switch {
	case length < 0:
		return nil, errors.New("lsp: message without Content-Length")
	case length > maxMessage:
		return nil, fmt.Errorf("lsp: message of %d bytes is over the limit of %d", length, maxMessage)
	}
	var body bytes.Buffer
	if _, err := io.CopyN(&body, r, int64(length)); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return body.Bytes(), nil
}
