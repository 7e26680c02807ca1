// Package salarytable makes the rows of the salary-table shortcode: from
// a data file's list of rows (a CSV under data/) or from the salaries of
// job and role pages. Every row is a *career.Salary, so that the table
// formats its numbers with the salary card's partials, and a data file's
// figures are checked as strictly as front matter's: role, currency,
// period and median are required, and a range, p10 and p90 or min and
// max. Errors are plain errors; the caller places them at the shortcode.
package salarytable

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/data"
	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// Table is what the salary-table shortcode shows.
type Table struct {
	Rows []Row
	// What every row's range spans when they agree (a Row.RangeNote
	// key), for the header; "" when rows differ, and each says.
	RangeNote string
}

// Row is one role's figures.
type Row struct {
	Role string
	URL  string // the role's page, or a data row's url; "" for none
	*career.Salary
	Low, High float64 // the range: the 10th to the 90th percentile when both are given, else min to max
	RangeNote string  // the i18n key of what Low and High are: "percentile_range" (10th to 90th percentile) or "salary_table_lowest_to_highest"
}

// The columns of a data file's rows; the others are left alone, so that a
// file can serve other templates too.
var columns = []string{"role", "url", "currency", "period", "median", "p10", "p25", "p75", "p90", "min", "max", "source", "source_url", "as_of"}

// NewRow is the row of a role whose figures are s.
func NewRow(role, url string, s *career.Salary) Row {
	r := Row{Role: role, URL: url, Salary: s, Low: s.Min, High: s.Max, RangeNote: "salary_table_lowest_to_highest"}
	if s.P10 != 0 && s.P90 != 0 {
		r.Low, r.High, r.RangeNote = s.P10, s.P90, "percentile_range"
	}
	return r
}

// FromData returns the rows of the data file at key in tree (.Site.Data):
// "salaries.oews_2024" or "salaries/oews-2024".
func FromData(tree map[string]any, key string) ([]Row, error) {
	list, err := dataList(tree, key)
	if err != nil {
		return nil, err
	}
	rows := make([]Row, 0, len(list))
	for i, v := range list {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("data %q: row %d is %s, want a mapping of columns", key, i+1, kindOf(v))
		}
		r, err := rowOf(m)
		if err != nil {
			return nil, fmt.Errorf("data %q: row %d: %w", key, i+1, err)
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("data %q has no rows", key)
	}
	return rows, nil
}

// dataList returns the list at key in the data tree: segments separated
// by "." or "/", each made a key as data.Key makes file names, so that
// "salaries/oews-2024" and "salaries.oews_2024" are one file. A key that
// is not there is an error naming the lists there are.
func dataList(tree map[string]any, key string) ([]any, error) {
	var v any = tree
	for _, seg := range strings.FieldsFunc(key, func(r rune) bool { return r == '.' || r == '/' }) {
		m, _ := v.(map[string]any)
		v = m[data.Key(seg)]
	}
	if list, ok := v.([]any); ok {
		return list, nil
	}
	known := dataLists(tree, "")
	msg := fmt.Sprintf("no data %q", key)
	var fix *diag.Fix
	if v != nil {
		msg = fmt.Sprintf("data %q is %s, want a list of rows (a CSV file)", key, kindOf(v))
	} else if s := decode.Suggest(key, known); s != "" {
		msg, fix = diag.DidYouMean(msg, key, s)
	} else if len(known) > 0 {
		msg += fmt.Sprintf(" (the lists under data/: %s)", strings.Join(known, ", "))
	} else {
		msg += " (data/ holds no list of rows)"
	}
	return nil, &diag.Error{Msg: msg, Fix: fix}
}

// dataLists returns the keys of the lists in tree, sorted, under prefix.
func dataLists(tree map[string]any, prefix string) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(tree)) {
		switch v := tree[k].(type) {
		case []any:
			out = append(out, prefix+k)
		case map[string]any:
			out = append(out, dataLists(v, prefix+k+".")...)
		}
	}
	return out
}

// rowOf reads one data row: role, currency, period and median are
// required, and a range: p10 and p90, or min and max.
func rowOf(m map[string]any) (Row, error) {
	role, url, src, srcURL := "", "", "", ""
	var errs []string
	for _, col := range []string{"role", "currency", "period", "median"} {
		if v, ok := m[col]; !ok || v == nil || v == "" {
			msg := fmt.Sprintf("no %s", col)
			if s := decode.Suggest(col, slices.Sorted(maps.Keys(m))); s != "" && !slices.Contains(columns, s) {
				msg += fmt.Sprintf(" (is the column %q meant to be %q?)", s, col)
			}
			errs = append(errs, msg)
		}
	}
	text := func(col string, dst *string) {
		if v, ok := m[col]; ok && v != nil {
			if s, ok := v.(string); ok {
				*dst = s
			} else {
				errs = append(errs, fmt.Sprintf("%s is %v, want text", col, v))
			}
		}
	}
	sal := &career.Salary{}
	num := func(col string, dst *float64) {
		switch v := m[col].(type) {
		case nil:
		case int:
			*dst = float64(v)
		case float64:
			*dst = v
		default:
			errs = append(errs, fmt.Sprintf("%s is %q, want a number", col, fmt.Sprint(v)))
		}
	}
	var cur, per string
	text("role", &role)
	text("url", &url)
	text("currency", &cur)
	text("period", &per)
	text("source", &src)
	text("source_url", &srcURL)
	for col, dst := range map[string]*float64{"median": &sal.Median, "p10": &sal.P10, "p25": &sal.P25, "p75": &sal.P75, "p90": &sal.P90, "min": &sal.Min, "max": &sal.Max} {
		num(col, dst)
	}
	switch v := m["as_of"].(type) {
	case nil:
	case time.Time:
		sal.AsOf = v
	case string:
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			errs = append(errs, fmt.Sprintf("as_of is %q, want a date such as 2024-05-01", v))
		}
		sal.AsOf = t
	default:
		errs = append(errs, fmt.Sprintf("as_of is %v, want a date such as 2024-05-01", v))
	}
	if cur != "" && !career.IsCurrency(cur) {
		errs = append(errs, fmt.Sprintf("currency is %q, want an ISO 4217 code such as USD or EUR", cur))
	}
	if per != "" && !slices.Contains(career.Period("").Values(), per) {
		errs = append(errs, fmt.Sprintf("period is %q, want one of %s", per, strings.Join(career.Period("").Values(), ", ")))
	}
	if (sal.P10 == 0 || sal.P90 == 0) && (sal.Min == 0 || sal.Max == 0) {
		errs = append(errs, "no range: give p10 and p90, or min and max")
	}
	if len(errs) > 0 {
		slices.Sort(errs)
		return Row{}, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	sal.Currency, sal.Period = career.Currency(cur), career.Period(per)
	if src != "" {
		sal.Source = &career.Source{Name: src, URL: career.URL(srcURL)}
	}
	return NewRow(role, url, sal), nil
}

// kindOf names the kind of a data value for an error.
func kindOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	case string:
		return "text"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// Of returns the table of rows; RangeNote is set when every row spans the
// same range.
func Of(rows []Row) *Table {
	t := &Table{Rows: rows}
	if len(rows) > 0 && !slices.ContainsFunc(rows, func(r Row) bool { return r.RangeNote != rows[0].RangeNote }) {
		t.RangeNote = rows[0].RangeNote
	}
	return t
}
