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
	header, body := rows[0], rows[1:]
	errs = checkHeader(header)
	for _, r := range body {
		if len(r) != len(header) {
			errs = append(errs, &diag.Error{Line: r[0].line, Col: 1,
				Msg: fmt.Sprintf("the row has %d cells, the header %d", len(r), len(header))})
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

// csvCells reads every record with the position of each field. A syntax
// error (a stray quote) ends the file: what follows cannot be trusted.
func csvCells(src []byte) ([][]cell, []*diag.Error) {
	pos := newPositions(src)
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = -1 // checked against the header, to say which row
	var rows [][]cell
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p := pos.atByte(pe.Line, pe.Column)
			return nil, []*diag.Error{{Line: p.line, Col: p.col, Msg: "invalid CSV: " + pe.Err.Error()}}
		}
		if err != nil {
			return nil, []*diag.Error{{Line: 1, Col: 1, Msg: "invalid CSV: " + err.Error()}}
		}
		row := make([]cell, len(rec))
		for i, text := range rec {
			line, col := r.FieldPos(i)
			p := pos.atByte(line, col)
			row[i] = cell{text, p.line, p.col}
		}
		rows = append(rows, row)
	}
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
func column(rows [][]cell, i int) []any {
	out := make([]any, len(rows))
	ints, numbers := true, false
	for _, r := range rows {
		s := r[i].text
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
		switch s := r[i].text; {
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

func texts(rows [][]cell, i int) []any {
	out := make([]any, len(rows))
	for j, r := range rows {
		out[j] = r[i].text
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
