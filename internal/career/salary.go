package career

import (
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// Salary is what a job or a step of a career pays: a range, and when known
// its distribution, with where and when it applies and where it comes from.
// Amounts are in currency per period, greater than 0, and in the order
// min <= p10 <= p25 <= median <= p75 <= p90 <= max.
//
// An amount not given is 0.
type Salary struct {
	// The currency of every amount.
	Currency Currency `yaml:"currency" required:"yes"`
	// The lowest pay of the range.
	Min float64 `yaml:"min" required:"yes"`
	// The highest pay of the range.
	Max float64 `yaml:"max" required:"yes"`
	// The time the amounts pay for.
	Period Period `yaml:"period" required:"yes"`
	// The median pay.
	Median float64 `yaml:"median"`
	// The 10th percentile: a tenth of people earn less.
	P10 float64 `yaml:"p10"`
	// The 25th percentile.
	P25 float64 `yaml:"p25"`
	// The 75th percentile.
	P75 float64 `yaml:"p75"`
	// The 90th percentile.
	P90 float64 `yaml:"p90"`
	// Where the figures apply.
	Location *SalaryLocation `yaml:"location"`
	// Where the figures come from.
	Source *Source `yaml:"source"`
	// When the figures were true; older than stale_after earns a warning.
	AsOf time.Time `yaml:"as_of"`
}

// HasDistribution reports whether s gives a median or any percentile.
func (s *Salary) HasDistribution() bool {
	return s.Median != 0 || s.P10 != 0 || s.P25 != 0 || s.P75 != 0 || s.P90 != 0
}

// SalaryLocation is where salary figures apply.
type SalaryLocation struct {
	// The country.
	Country Country `yaml:"country" required:"yes"`
	// A state, province or region, as written.
	Region string `yaml:"region"`
	// A city, as written.
	City string `yaml:"city"`
}

// Source names where figures come from. It may be written as just a name
// ("source: Coursera") or as a mapping with a URL.
type Source struct {
	// The publisher and publication.
	Name string `yaml:"name" required:"yes"`
	// The page the figures are on.
	URL URL `yaml:"url"`
}

// sourceFields is Source without its DecodeYAML method.
type sourceFields Source

// DecodeYAML reads a name, or a mapping {name, url}.
func (s *Source) DecodeYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		s.Name = n.Value
		return nil
	}
	return diag.Join(decode.Node(n, (*sourceFields)(s)))
}

// salaryOrder is the order the amounts of a salary must be in.
const salaryOrder = "min <= p10 <= p25 <= median <= p75 <= p90 <= max"

// salary checks a salary written at path.
func (c *checker) salary(path string, s *Salary) {
	if s == nil {
		return
	}
	amounts := []named{
		{"min", s.Min}, {"p10", s.P10}, {"p25", s.P25}, {"median", s.Median},
		{"p75", s.P75}, {"p90", s.P90}, {"max", s.Max},
	}
	c.positive(path, amounts...)
	c.ordered(path, amounts, salaryOrder)
}
