package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Span is a length of calendar time counted in months or in days, written
// "12 months" or "90 days" ("1 month", "1 day" too). Months are calendar
// months, not 30 days: 12 months before 2026-03-31 is 2025-03-31.
type Span struct {
	Months int
	Days   int
}

// Before returns the time s before t.
func (s Span) Before(t time.Time) time.Time {
	return t.AddDate(0, -s.Months, -s.Days)
}

// String returns s as site.yaml writes it: "12 months", "1 day".
func (s Span) String() string {
	switch {
	case s.Months != 0 && s.Days != 0:
		return plural(s.Months, "month") + " " + plural(s.Days, "day")
	case s.Days != 0:
		return plural(s.Days, "day")
	}
	return plural(s.Months, "month")
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}

// MarshalText writes s as String does.
func (s Span) MarshalText() ([]byte, error) {
	return []byte(s.String()), nil
}

// DecodeYAML reads "N months" or "N days", N a positive whole number.
func (s *Span) DecodeYAML(n *yaml.Node) error {
	v, err := ParseSpan(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return fmt.Errorf(`want a number of months or days such as "12 months" or "90 days", got %q`, n.Value)
	}
	*s = v
	return nil
}

// ParseSpan parses "N months" or "N days" (or "1 month", "1 day").
func ParseSpan(text string) (Span, error) {
	num, unit, ok := strings.Cut(strings.TrimSpace(text), " ")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 1 {
		return Span{}, fmt.Errorf("invalid span %q", text)
	}
	switch strings.TrimSpace(unit) {
	case "month", "months":
		return Span{Months: n}, nil
	case "day", "days":
		return Span{Days: n}, nil
	}
	return Span{}, fmt.Errorf("invalid span %q", text)
}
