package career

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// Each enumeration is a string type whose DecodeYAML accepts exactly one of
// its Values (case and spelling as listed), and whose Values method lists
// them for the reference documentation.

// Seniority is the level of a job or of a career-path step.
type Seniority string

var seniorities = []string{"intern", "junior", "mid", "senior", "staff", "principal", "lead", "manager", "director"}

func (Seniority) Values() []string                 { return slices.Clone(seniorities) }
func (s *Seniority) DecodeYAML(n *yaml.Node) error { return decodeEnum(n, (*string)(s), seniorities) }

// EmploymentType is one of schema.org's (and Google's) employment types.
type EmploymentType string

var employmentTypes = []string{"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}

func (EmploymentType) Values() []string { return slices.Clone(employmentTypes) }
func (e *EmploymentType) DecodeYAML(n *yaml.Node) error {
	return decodeEnum(n, (*string)(e), employmentTypes)
}

// Education is the education a job asks for, in the words Google uses for
// credentialCategory.
type Education string

var educations = []string{"high school", "associate degree", "bachelor degree", "professional certificate", "postgraduate degree"}

func (Education) Values() []string                 { return slices.Clone(educations) }
func (e *Education) DecodeYAML(n *yaml.Node) error { return decodeEnum(n, (*string)(e), educations) }

// Period is the time a salary is paid for.
type Period string

var periods = []string{"hour", "day", "week", "month", "year"}

func (Period) Values() []string                 { return slices.Clone(periods) }
func (p *Period) DecodeYAML(n *yaml.Node) error { return decodeEnum(n, (*string)(p), periods) }

// ISO returns the period as an ISO 8601 duration: "P1Y" for year, "PT1H"
// for hour.
func (p Period) ISO() string {
	switch p {
	case "hour":
		return "PT1H"
	case "day":
		return "P1D"
	case "week":
		return "P1W"
	case "month":
		return "P1M"
	case "year":
		return "P1Y"
	}
	return ""
}

// Guide is the kind of a role guide.
type Guide string

// The guides.
const (
	GuideOverview   Guide = "overview"
	GuideCareerPath Guide = "career-path"
	GuideComparison Guide = "comparison"
)

var guides = []string{string(GuideOverview), string(GuideCareerPath), string(GuideComparison)}

func (Guide) Values() []string                 { return slices.Clone(guides) }
func (g *Guide) DecodeYAML(n *yaml.Node) error { return decodeEnum(n, (*string)(g), guides) }

// Track is the ladder a career-path step is on: individual contributor
// ("ic") or management.
type Track string

var tracks = []string{"ic", "management"}

func (Track) Values() []string                 { return slices.Clone(tracks) }
func (t *Track) DecodeYAML(n *yaml.Node) error { return decodeEnum(n, (*string)(t), tracks) }

// Level is how advanced a credential's course is.
type Level string

var levels = []string{"beginner", "intermediate", "advanced"}

func (Level) Values() []string                 { return slices.Clone(levels) }
func (l *Level) DecodeYAML(n *yaml.Node) error { return decodeEnum(n, (*string)(l), levels) }

// Mode is how a course is taught.
type Mode string

var modes = []string{"online", "onsite", "blended"}

func (Mode) Values() []string                 { return slices.Clone(modes) }
func (m *Mode) DecodeYAML(n *yaml.Node) error { return decodeEnum(n, (*string)(m), modes) }

// Pricing is how a course is paid for.
type Pricing string

// The pricings.
const (
	PricingFree          Pricing = "free"
	PricingSubscription  Pricing = "subscription"
	PricingPaid          Pricing = "paid"
	PricingPartiallyFree Pricing = "partially-free"
)

var pricings = []string{string(PricingFree), string(PricingSubscription), string(PricingPaid), string(PricingPartiallyFree)}

func (Pricing) Values() []string                 { return slices.Clone(pricings) }
func (p *Pricing) DecodeYAML(n *yaml.Node) error { return decodeEnum(n, (*string)(p), pricings) }

// CostPeriod is what a cost's amount pays for.
type CostPeriod string

var costPeriods = []string{"one-time", "month", "year"}

func (CostPeriod) Values() []string { return slices.Clone(costPeriods) }
func (p *CostPeriod) DecodeYAML(n *yaml.Node) error {
	return decodeEnum(n, (*string)(p), costPeriods)
}

// DecodeEnum is decodeEnum for the enumerations of other packages
// (content's hidden_from), so that every enumeration says the same.
func DecodeEnum(n *yaml.Node, s *string, values []string) error { return decodeEnum(n, s, values) }

// decodeEnum sets *s to the scalar n when it is one of values.
func decodeEnum(n *yaml.Node, s *string, values []string) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want one of %s, got %s", oneOf(values), describe(n))
	}
	if !slices.Contains(values, n.Value) {
		msg := fmt.Sprintf("want one of %s, got %q", oneOf(values), n.Value)
		var fix *diag.Fix
		if sug := decode.Suggest(n.Value, values); sug != "" {
			msg, fix = diag.DidYouMean(msg, n.Value, sug)
		}
		return &diag.Error{Msg: msg, Fix: fix}
	}
	*s = n.Value
	return nil
}

// oneOf lists values as "a, b or c".
func oneOf(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// describe names what a non-scalar node is.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}
