package career

import (
	"strconv"
	"strings"
)

// Label methods give the words a page shows for an enumerated value
// ("Full-time" for FULL_TIME, "Bachelor's degree" for bachelor degree), so
// that every theme spells them the same way; a value without a label (the
// zero value) gives "".

// Label is how the seniority reads on a page: "Mid-level".
func (s Seniority) Label() string { return seniorityLabels[s] }

var seniorityLabels = map[Seniority]string{
	"intern": "Intern", "junior": "Junior", "mid": "Mid-level", "senior": "Senior", "staff": "Staff",
	"principal": "Principal", "lead": "Lead", "manager": "Manager", "director": "Director",
}

// Label is how the employment type reads on a page: "Full-time".
func (e EmploymentType) Label() string { return employmentLabels[e] }

var employmentLabels = map[EmploymentType]string{
	"FULL_TIME": "Full-time", "PART_TIME": "Part-time", "CONTRACTOR": "Contract", "TEMPORARY": "Temporary",
	"INTERN": "Internship", "VOLUNTEER": "Volunteer", "PER_DIEM": "Per diem", "OTHER": "Other",
}

// Label is how the education reads on a page: "Bachelor's degree".
func (e Education) Label() string { return educationLabels[e] }

var educationLabels = map[Education]string{
	"high school": "High school", "associate degree": "Associate degree", "bachelor degree": "Bachelor's degree",
	"professional certificate": "Professional certificate", "postgraduate degree": "Postgraduate degree",
}

// Label is how the guide reads on a page: "Career path".
func (g Guide) Label() string { return guideLabels[g] }

var guideLabels = map[Guide]string{
	GuideOverview: "Overview", GuideCareerPath: "Career path", GuideComparison: "Comparison",
}

// Label is how the track reads on a page: "Individual contributor".
func (t Track) Label() string { return trackLabels[t] }

var trackLabels = map[Track]string{"ic": "Individual contributor", "management": "Management"}

// Label is how the level reads on a page: "Beginner".
func (l Level) Label() string { return levelLabels[l] }

var levelLabels = map[Level]string{"beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced"}

// Label is how the mode reads on a page: "Online".
func (m Mode) Label() string { return modeLabels[m] }

var modeLabels = map[Mode]string{"online": "Online", "onsite": "On site", "blended": "Blended"}

// Label is how the pricing reads on a page: "Subscription".
func (p Pricing) Label() string { return pricingLabels[p] }

var pricingLabels = map[Pricing]string{
	PricingFree: "Free", PricingSubscription: "Subscription", PricingPaid: "Paid", PricingPartiallyFree: "Partly free",
}

// Per is how the cost period reads after an amount: "a month",
// "one-time".
func (p CostPeriod) Per() string { return costPeriodPer[p] }

var costPeriodPer = map[CostPeriod]string{"one-time": "one-time", "month": "a month", "year": "a year"}

// Per is how the salary period reads after an amount: "a year",
// "an hour".
func (p Period) Per() string { return periodPer[p] }

var periodPer = map[Period]string{"hour": "an hour", "day": "a day", "week": "a week", "month": "a month", "year": "a year"}

// Single reports whether the range is one number of years ("1 year",
// "3 years"): its Max is its Min.
func (y *Years) Single() bool { return y != nil && y.Max != nil && *y.Max == y.Min }

// String is the range as a page shows it: "2–5 years", "5+ years",
// "1 year"; "" for a nil range.
func (y *Years) String() string {
	if y == nil {
		return ""
	}
	n := strconv.Itoa(y.Min)
	switch {
	case y.Max == nil:
		n += "+"
	case *y.Max != y.Min:
		n += "–" + strconv.Itoa(*y.Max)
	}
	if n == "1" {
		return "1 year"
	}
	return n + " years"
}

// Symbol is what amounts in c are written after: "$", "€" and "£" for
// USD, EUR and GBP; for any other currency its code and a no-break space
// ("CAD 95,000"), since "$" alone would not say which dollar.
func (c Currency) Symbol() string {
	switch c {
	case "USD":
		return "$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "":
		return ""
	}
	return string(c) + "\u00a0"
}

// Format writes an amount in c: "$95,000", "£1,234.50" (two decimals when
// the amount is not whole), with the same grouping as the templates'
// number function.
func (c Currency) Format(amount float64) string {
	s := strconv.FormatFloat(amount, 'f', 2, 64)
	if amount == float64(int64(amount)) {
		s = strconv.FormatInt(int64(amount), 10)
	}
	return c.Symbol() + groupThousands(s)
}

// Range is the salary's range as a page shows it in English: "$95,000–$140,000 a year".
func (s *Salary) Range() string {
	return s.rangeWith(Currency.Format, Period.Per)
}

// Words are a language's way of writing money and its strings
// (i18n.Strings).
type Words interface {
	Money(amount float64, code string) string // "79.850 €"
	Or(key, fallback string) string           // the string key, else fallback
	// T is the string key with args in its places ("{0}–{1} Jahre"); an
	// error when no file has the key.
	T(key string, args ...any) (string, error)
}

// RangeIn is the salary's range as the default theme's money.html writes
// it in the language of w: "$95,000–$140,000 a year", "4.144 €–6.150 €
// im Monat". The period's words are the string per_PERIOD ("per_month"),
// or Per's English words when the site's strings have none.
func (s *Salary) RangeIn(w Words) string {
	return s.rangeWith(
		func(c Currency, amount float64) string { return w.Money(amount, string(c)) },
		func(p Period) string {
			if p == "" {
				return ""
			}
			return w.Or("per_"+string(p), p.Per())
		})
}

// rangeWith is the salary's range written with money for its amounts and
// per for its period; "" for a nil salary. A Max of 0 or of Min is left
// out, and so is a period per writes as "".
func (s *Salary) rangeWith(money func(Currency, float64) string, per func(Period) string) string {
	if s == nil {
		return ""
	}
	r := money(s.Currency, s.Min)
	if s.Max != 0 && s.Max != s.Min {
		r += "–" + money(s.Currency, s.Max)
	}
	if words := per(s.Period); words != "" {
		r += " " + words
	}
	return r
}

// groupThousands puts a comma between the groups of three digits of a
// formatted number's integer part: "-1234567.50" → "-1,234,567.50".
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}
