package content

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// Limits. A content file comes from any author and is read in full, then
// its front matter is parsed into a tree: both cost memory and time in
// proportion to their size, so both are bounded (site.yaml's limits, see
// config.Limits). A file over a limit is an error at its first line (the
// front matter's opening line), naming the limit and the key that sets it;
// the file is not read past the limit, and front matter over its limit is
// not parsed.

// limitsOf returns the limits of cfg, or the defaults when cfg is nil.
func limitsOf(cfg *config.Config) config.Limits {
	if cfg == nil {
		return config.DefaultLimits()
	}
	return cfg.Limits
}

// readLimited reads the file name of fsys, but no more than limit bytes:
// a larger file is an error, and what was read is dropped.
func readLimited(fsys fs.FS, name string, limit config.Size) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > int64(limit) {
		return nil, &tooLarge{limit: limit}
	}
	return data, nil
}

// tooLarge is a page file over limits.page, found while reading it.
type tooLarge struct {
	size  int // the size, if known; 0 when the file was not read to its end
	limit config.Size
}

func (e *tooLarge) Error() string {
	if e.size == 0 {
		return fmt.Sprintf("the file is larger than the limit of %s for a page (limits.page in site.yaml)", e.limit)
	}
	return fmt.Sprintf("the file has %d bytes, more than the limit of %s for a page (limits.page in site.yaml)", e.size, e.limit)
}

// checkPageSize reports data over the page limit, at line 1.
func checkPageSize(data []byte, lim config.Limits) *diag.Error {
	if int64(len(data)) <= int64(lim.Page) {
		return nil
	}
	return &diag.Error{Line: 1, Col: 1, Msg: (&tooLarge{size: len(data), limit: lim.Page}).Error()}
}

// checkFrontMatterSize reports front matter over its limit, at its
// opening line.
func checkFrontMatterSize(fm parts, lim config.Limits) *diag.Error {
	if int64(len(fm.raw)) <= int64(lim.FrontMatter) {
		return nil
	}
	return &diag.Error{Line: fm.open, Col: 1, Msg: fmt.Sprintf(
		"the front matter has %d bytes, more than the limit of %s (limits.front_matter in site.yaml)",
		len(fm.raw), lim.FrontMatter)}
}

// maxTOMLDepth bounds how deeply TOML front matter may nest tables and
// arrays. The positions of TOML values are found by a scan that names each
// value by its whole path (tomlpos.go), so the work grows with the square
// of the depth: 100,000 nested arrays, 200 KB of text, took minutes and
// gigabytes. Front matter needs a handful of levels; YAML and JSON stop at
// their parsers' limit of 10,000.
const maxTOMLDepth = 100

// tooDeep reports whether v, a value decoded by BurntSushi/toml, nests
// tables and arrays more than limit levels deep. It stops as soon as it
// knows, so it costs no more than limit levels of recursion.
func tooDeep(v any, limit int) bool {
	if limit < 0 {
		return true
	}
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			if tooDeep(e, limit-1) {
				return true
			}
		}
	case []map[string]any:
		for _, e := range v {
			if tooDeep(e, limit-1) {
				return true
			}
		}
	case []any:
		for _, e := range v {
			if tooDeep(e, limit-1) {
				return true
			}
		}
	}
	return false
}

// checkBody reports the first byte of the Markdown body that is not UTF-8,
// at its file position. A file saved in another encoding (Windows-1252,
// Latin-1) would otherwise be published garbled without a word, and the
// bytes would make the site's Atom feeds invalid XML.
func checkBody(body []byte, bodyLine int) *diag.Error {
	if utf8.Valid(body) {
		return nil
	}
	off := 0
	for off < len(body) {
		r, size := utf8.DecodeRune(body[off:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		off += size
	}
	line := bodyLine + bytes.Count(body[:off], []byte("\n"))
	start := bytes.LastIndexByte(body[:off], '\n') + 1
	return &diag.Error{Line: line, Col: 1 + utf8.RuneCount(body[start:off]),
		Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x); save the file as UTF-8", body[off])}
}
