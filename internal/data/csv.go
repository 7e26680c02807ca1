package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/diag"
)

// cell is one CSV field and where it starts.
type cell struct {
	text      string
	line, col int
}

// readCSV reads a CSV file with a header row into a list of rows, each a
// map from column name to value; numeric columns hold numbers.
func readCSV(src []byte) (any, []*diag.Error) {
	rows, errs := csvCells(src)
	if len(errs) > 0 {
		return nil, errs
	}
	if len(rows) == 0 {
		return nil, []*diag.Error{{Line: 1, Col: 1, Msg: "empty CSV file; want a header row of column names"}}
	}
	header, body := rows[0].cells, rows[1:]
	errs = checkHeader(header)
	for _, r := range body {
		if e := checkWidth(r, len(header)); e != nil {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	cols := make([][]any, len(header))
	for i := range header {
		cols[i] = column(body, i)
	}
	list := make([]any, len(body))
	for j := range body {
		row := make(map[string]any, len(header))
		for i, h := range header {
			row[h.text] = cols[i][j]
		}
		list[j] = row
	}
	return list, nil
}

// record is one CSV record: its fields, and where it ends (the line
// break, or the end of the file).
type record struct {
	cells []cell
	end   spot
}

// csvCells reads every record with the position of each field. A syntax
// error (a stray quote) ends the file: what follows cannot be trusted.
func csvCells(src []byte) ([]record, []*diag.Error) {
	pos := newPositions(src)
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = -1 // checked against the header, to say which row
	var rows []record
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, []*diag.Error{syntaxError(src, pos, pe)}
		}
		if err != nil {
			return nil, []*diag.Error{{Line: 1, Col: 1, Msg: "invalid CSV: " + err.Error()}}
		}
		row := record{cells: make([]cell, len(rec)), end: pos.at(recordEnd(src, int(r.InputOffset())))}
		for i, text := range rec {
			line, col := r.FieldPos(i)
			p := pos.atByte(line, col)
			row.cells[i] = cell{text, p.line, p.col}
		}
		rows = append(rows, row)
	}
}

// recordEnd returns the offset of the line break that ends the record
// read up to off (the reader's InputOffset, just past it), or len(src).
func recordEnd(src []byte, off int) int {
	if off > 0 && src[off-1] == '\n' {
		off--
		if off > 0 && src[off-1] == '\r' {
			off--
		}
	}
	return off
}

// syntaxError places a CSV syntax error. encoding/csv reports a quoted
// field that runs to the end of the file at the end of the file, which
// is no help in finding it: the error is put at the quote that opens it.
func syntaxError(src []byte, pos positions, pe *csv.ParseError) *diag.Error {
	if errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine >= 1 && pe.StartLine <= len(pos.starts) {
		if q := unclosedQuote(src, pos.starts[pe.StartLine-1]); q >= 0 {
			p := pos.at(q)
			return &diag.Error{Line: p.line, Col: p.col, Msg: "invalid CSV: this quote opens a field that is never closed"}
		}
	}
	p := pos.atByte(pe.Line, pe.Column)
	return &diag.Error{Line: p.line, Col: p.col, Msg: "invalid CSV: " + pe.Err.Error()}
}

// unclosedQuote returns the offset of the quote that opens a field of the
// record starting at off and has no closing quote before the end of src,
// or -1 when the record has none. Inside quotes, "" is a quote.
func unclosedQuote(src []byte, off int) int {
	fieldStart := true
	for i := off; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"' && fieldStart:
			end := closingQuote(src, i+1)
			if end < 0 {
				return i
			}
			i, fieldStart = end, false
		case c == ',':
			fieldStart = true
		case c == '\n':
			return -1
		default:
			fieldStart = false
		}
	}
	return -1
}

// closingQuote returns the offset of the quote that closes a quoted field
// whose text starts at off, or -1.
func closingQuote(src []byte, off int) int {
	for i := off; i < len(src); i++ {
		if src[i] != '"' {
			continue
		}
		if i+1 < len(src) && src[i+1] == '"' {
			i++
			continue
		}
		return i
	}
	return -1
}

// checkWidth reports a row whose number of cells is not the header's: at
// its first extra cell, or where the first missing one would start (the
// end of the row).
func checkWidth(r record, want int) *diag.Error {
	n := len(r.cells)
	if n == want {
		return nil
	}
	at := r.end
	if n > want {
		at = spot{r.cells[want].line, r.cells[want].col}
	}
	return &diag.Error{Line: at.line, Col: at.col, Msg: fmt.Sprintf("the row has %s, the header %d", plural(n, "cell"), want)}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// checkHeader reports empty and repeated column names.
func checkHeader(header []cell) []*diag.Error {
	var errs []*diag.Error
	seen := map[string]int{}
	for i, h := range header {
		switch prev, dup := seen[h.text]; {
		case h.text == "":
			errs = append(errs, &diag.Error{Line: h.line, Col: h.col, Msg: fmt.Sprintf("column %d has no name", i+1)})
		case dup:
			errs = append(errs, &diag.Error{Line: h.line, Col: h.col, Msg: fmt.Sprintf("column name %q repeats column %d", h.text, prev+1)})
		default:
			seen[h.text] = i
		}
	}
	return errs
}

// column returns the values of column i: numbers when every non-empty cell
// is a decimal number (nil for the empty ones), else the strings.
func column(rows []record, i int) []any {
	out := make([]any, len(rows))
	ints, numbers := true, false
	for _, r := range rows {
		s := r.cells[i].text
		if s == "" {
			continue
		}
		if !isDecimal(s) {
			return texts(rows, i)
		}
		numbers = true
		if _, err := strconv.Atoi(s); err != nil {
			ints = false
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				return texts(rows, i) // out of range
			}
		}
	}
	if !numbers {
		return texts(rows, i)
	}
	for j, r := range rows {
		switch s := r.cells[i].text; {
		case s == "":
			out[j] = nil
		case ints:
			out[j], _ = strconv.Atoi(s)
		default:
			out[j], _ = strconv.ParseFloat(s, 64)
		}
	}
	return out
}

func texts(rows []record, i int) []any {
	out := make([]any, len(rows))
	for j, r := range rows {
		out[j] = r.cells[i].text
	}
	return out
}

// isDecimal reports whether s is an optional sign, digits with at most one
// point, and an optional exponent: not "inf", "0x10" or "1_000", which
// strconv would take.
func isDecimal(s string) bool {
	i, n := 0, len(s)
	if i < n && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < n && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < n && s[i] == '.' {
		for i++; i < n && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < n && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < n && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := i
		for ; i < n && s[i] >= '0' && s[i] <= '9'; i++ {
		}
		if i == exp {
			return false
		}
	}
	return i == n
}

// positions maps offsets, and csv's line and byte column, to line and
// character column.
type positions struct {
	src    []byte
	starts []int
}

type spot struct{ line, col int }

func newPositions(src []byte) positions {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return positions{src, starts}
}

func (p positions) at(off int) spot {
	off = min(max(off, 0), len(p.src))
	i := sort.SearchInts(p.starts, off+1) - 1
	return spot{i + 1, 1 + utf8.RuneCount(p.src[p.starts[i]:off])}
}

// atByte converts a 1-based line and byte column.
func (p positions) atByte(line, col int) spot {
	if line < 1 || line > len(p.starts) {
		return spot{max(line, 1), max(col, 1)}
	}
	return p.at(p.starts[line-1] + max(col, 1) - 1)
}
