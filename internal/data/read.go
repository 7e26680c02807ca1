package data

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// readFile reads and decodes one data file; its problems are placed in it.
func readFile(fsys fs.FS, file string, lim config.Limits) (any, []*diag.Error) {
	src, err := readLimited(fsys, file, lim.FrontMatter)
	if err != nil {
		return nil, []*diag.Error{diag.Wrap(file, 1, 1, "", err)}
	}
	if e := checkUTF8(src); e != nil {
		return nil, []*diag.Error{e.In(file, 0)}
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	var v any
	var errs []*diag.Error
	if format := formats[path.Ext(file)]; format == "csv" {
		v, errs = readCSV(src)
	} else {
		v, errs = readDocument(format, src)
	}
	for i, e := range errs {
		errs[i] = e.In(file, 0)
	}
	return v, errs
}

// readDocument decodes YAML, TOML or JSON as front matter is decoded.
func readDocument(format string, src []byte) (any, []*diag.Error) {
	n, e := content.Node(format, src)
	if e != nil {
		return nil, []*diag.Error{e}
	}
	var v any
	if n == nil {
		return nil, nil // an empty document
	}
	return v, decode.Node(n, &v)
}

// readLimited reads name, but no more than limit bytes: a larger file is
// an error and is not parsed.
func readLimited(fsys fs.FS, name string, limit config.Size) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > int64(limit) {
		return nil, fmt.Errorf("the file is larger than the limit of %s for a data file (limits.front_matter in site.yaml)", limit)
	}
	return src, nil
}

// checkUTF8 reports the first byte of src that is not UTF-8.
func checkUTF8(src []byte) *diag.Error {
	if utf8.Valid(src) {
		return nil
	}
	off := 0
	for off < len(src) {
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		off += size
	}
	p := newPositions(src).at(off)
	return &diag.Error{Line: p.line, Col: p.col, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); save the file as UTF-8", src[off])}
}
