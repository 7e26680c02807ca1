package render

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// number formats a number with thousands separators: 85000 → "85,000",
// 1234.5 → "1,234.50" (two decimals unless whole). Numeric strings are
// accepted too, since front matter values are sometimes quoted.
func number(v any) (string, error) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return group(strconv.FormatInt(rv.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return group(strconv.FormatUint(rv.Uint(), 10)), nil
	case reflect.Float32, reflect.Float64:
		return formatFloat(rv.Float())
	case reflect.String:
		if i, err := strconv.ParseInt(rv.String(), 10, 64); err == nil {
			return group(strconv.FormatInt(i, 10)), nil
		}
		if f, err := strconv.ParseFloat(rv.String(), 64); err == nil {
			return formatFloat(f)
		}
	}
	return "", fmt.Errorf("want a number, got %T %q", v, fmt.Sprint(v))
}

func formatFloat(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("want a finite number, got %v", f)
	}
	if f == math.Trunc(f) {
		return group(strconv.FormatFloat(f, 'f', 0, 64)), nil
	}
	return group(strconv.FormatFloat(f, 'f', 2, 64)), nil
}

// group puts a comma between each group of three digits of the integer part
// of a formatted number: "-1234567.50" → "-1,234,567.50".
func group(s string) string {
	sign, s := "", s
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// dateFormat formats t with a Go time layout: dateFormat "January 2, 2006" .Date.
// The zero time (an unset date) gives "", where Hugo would print year 1.
func dateFormat(layout string, t any) (string, error) {
	tm, err := toTime(t)
	if err != nil || tm.IsZero() {
		return "", err
	}
	return tm.Format(layout), nil
}

// isoDate formats t as RFC 3339, for datetime attributes and structured data.
func isoDate(t any) (string, error) {
	return dateFormat(time.RFC3339, t)
}

// dateLayouts are the string forms toTime accepts, as in front matter.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

// toTime converts a time.Time, a *time.Time (nil is the zero time) or a date
// string; a string without a zone is UTC.
func toTime(v any) (time.Time, error) {
	switch v := v.(type) {
	case time.Time:
		return v, nil
	case *time.Time:
		if v == nil {
			return time.Time{}, nil
		}
		return *v, nil
	case string:
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, v); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("cannot parse %q as a date (want YYYY-MM-DD or RFC 3339)", v)
	case nil:
		return time.Time{}, errors.New("want a date, got nil")
	}
	return time.Time{}, fmt.Errorf("want a date, got %T", v)
}
