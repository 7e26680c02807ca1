package career

import "testing"

func TestSalaryRange(t *testing.T) {
	tests := []struct {
		in   *Salary
		want string
	}{
		{&Salary{Currency: "USD", Min: 95000, Max: 140000, Period: "year"}, "$95,000–$140,000 a year"},
		{&Salary{Currency: "GBP", Min: 18.5, Max: 22, Period: "hour"}, "£18.50–£22 an hour"},
		{&Salary{Currency: "EUR", Min: 4000, Max: 4000, Period: "month"}, "€4,000 a month"},
		{&Salary{Currency: "CAD", Min: 1234567, Max: 2000000, Period: "year"}, "CAD\u00a01,234,567–CAD\u00a02,000,000 a year"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := tt.in.Range(); got != tt.want {
			t.Errorf("Range(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func years(lo, hi int) *Years { return &Years{Min: lo, Max: &hi} }

func TestYearsString(t *testing.T) {
	tests := []struct {
		in   *Years
		want string
	}{
		{years(2, 5), "2–5 years"},
		{&Years{Min: 5}, "5+ years"},
		{years(1, 1), "1 year"},
		{years(3, 3), "3 years"},
		{years(0, 2), "0–2 years"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("(%v).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLabels checks that every value of every enumeration has a label, so
// that no page shows an empty field for a valid value.
func TestLabels(t *testing.T) {
	enums := []struct {
		name   string
		values []string
		label  func(string) string
	}{
		{"Seniority", Seniority("").Values(), func(v string) string { return Seniority(v).Label() }},
		{"EmploymentType", EmploymentType("").Values(), func(v string) string { return EmploymentType(v).Label() }},
		{"Education", Education("").Values(), func(v string) string { return Education(v).Label() }},
		{"Guide", Guide("").Values(), func(v string) string { return Guide(v).Label() }},
		{"Track", Track("").Values(), func(v string) string { return Track(v).Label() }},
		{"Level", Level("").Values(), func(v string) string { return Level(v).Label() }},
		{"Mode", Mode("").Values(), func(v string) string { return Mode(v).Label() }},
		{"Pricing", Pricing("").Values(), func(v string) string { return Pricing(v).Label() }},
		{"CostPeriod", CostPeriod("").Values(), func(v string) string { return CostPeriod(v).Per() }},
		{"Period", Period("").Values(), func(v string) string { return Period(v).Per() }},
	}
	for _, e := range enums {
		for _, v := range e.values {
			if e.label(v) == "" {
				t.Errorf("%s %q has no label", e.name, v)
			}
		}
	}
}
