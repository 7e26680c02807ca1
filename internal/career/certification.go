package career

import (
	"math"
	"time"
)

// Certification is a certification review (kind certification,
// content/certifications/): the credential, what it takes and costs, and
// our verdict.
type Certification struct {
	// The credential reviewed and the course that leads to it.
	Credential *Credential `yaml:"credential"`
	// How long the course takes.
	Duration *Duration `yaml:"duration"`
	// What the course costs.
	Cost *Cost `yaml:"cost"`
	// Our review.
	Review *Review `yaml:"review"`
	// Our relationship with the provider, shown above the review when set.
	Disclosure *Disclosure `yaml:"disclosure"`
	// A rating published elsewhere; shown with its source, never marked up as ours.
	ExternalRating *ExternalRating `yaml:"external_rating"`
	// Reviews of certifications that compete with this one.
	Alternatives []Ref `yaml:"alternatives" ref:"certification"`

	pos positions
}

// Credential is a credential and the course that leads to it.
type Credential struct {
	// The credential's full name.
	Name string `yaml:"name" required:"yes"`
	// Who awards the credential.
	Provider *Organization `yaml:"provider" required:"yes"`
	// Where the course is taken, when not at the provider.
	Platform *Organization `yaml:"platform"`
	// The course's page.
	URL URL `yaml:"url"`
	// How advanced the course is.
	Level Level `yaml:"level"`
	// How the course is taught.
	Mode Mode `yaml:"mode"`
	// How many courses the program has; at least 1.
	CourseCount int `yaml:"course_count"`
	// What to know or have before starting.
	Prerequisites []string `yaml:"prerequisites"`
	// The languages the course is taught in.
	Languages []Language `yaml:"languages"`
}

// Duration is how long a course takes: a total workload, or months at
// hours_per_week, not both.
type Duration struct {
	// The calendar months the course takes at the stated pace.
	Months float64 `yaml:"months" required:"unless workload is given"`
	// The hours of study a week that pace needs.
	HoursPerWeek float64 `yaml:"hours_per_week" required:"unless workload is given"`
	// The total study time, as an ISO 8601 duration ("PT70H").
	Workload Workload `yaml:"workload" required:"unless months and hours_per_week are given"`
}

// weeksPerMonth is the average number of weeks in a month.
const weeksPerMonth = 52.0 / 12

// Hours returns the total study time in hours: the workload, or months ×
// hours a week × 52/12 weeks a month.
func (d *Duration) Hours() float64 {
	if d.Workload != 0 {
		return d.Workload.Hours()
	}
	return d.Months * d.HoursPerWeek * weeksPerMonth
}

// Total returns the total study time as a Workload rounded to whole hours
// when it is computed from months and hours a week.
func (d *Duration) Total() Workload {
	if d.Workload != 0 {
		return d.Workload
	}
	return Workload(time.Duration(math.Round(d.Hours())) * time.Hour)
}

// Cost is what a course costs.
type Cost struct {
	// How the course is paid for.
	Pricing Pricing `yaml:"pricing" required:"yes"`
	// The price; 0 or absent when free.
	Amount float64 `yaml:"amount" required:"unless pricing is free"`
	// The currency of the amount.
	Currency Currency `yaml:"currency" required:"when amount is given"`
	// What the amount pays for.
	Period CostPeriod `yaml:"period" required:"when pricing is subscription"`
	// When the price was checked; older than stale_after earns a warning.
	AsOf time.Time `yaml:"as_of"`
}

// Review is our review of a certification: a rating from worst to best, and
// what we found.
type Review struct {
	// Our rating, from worst to best.
	Rating float64 `yaml:"rating" required:"yes"`
	// The best rating possible; 5 when not given.
	Best float64 `yaml:"best"`
	// The worst rating possible; 1 when not given.
	Worst float64 `yaml:"worst"`
	// Our conclusion, in a sentence or two.
	Verdict string `yaml:"verdict"`
	// What is good about it.
	Pros []string `yaml:"pros"`
	// What is not.
	Cons []string `yaml:"cons"`
	// The author has completed the course.
	CompletedByAuthor bool `yaml:"completed_by_author"`
}

// Disclosure is our relationship with a course's provider.
type Disclosure struct {
	// Links to the course earn us a commission.
	Affiliate bool `yaml:"affiliate"`
	// The provider paid for the review.
	Sponsored bool `yaml:"sponsored"`
}

// Any reports whether there is anything to disclose.
func (d *Disclosure) Any() bool { return d != nil && (d.Affiliate || d.Sponsored) }

// ExternalRating is a rating published by someone else, such as the
// platform's average of its learners' ratings.
type ExternalRating struct {
	// The rating, from 0 to best.
	Value float64 `yaml:"value" required:"yes"`
	// The best rating possible; 5 when not given.
	Best float64 `yaml:"best"`
	// How many ratings the value averages.
	Count int `yaml:"count"`
	// Who published the rating.
	Source *Source `yaml:"source" required:"yes"`
	// When the rating was read.
	AsOf time.Time `yaml:"as_of"`
}

func (ct *Certification) defaults(c *checker) {
	if r := ct.Review; r != nil {
		if !c.given("review.best") && !c.bad["review.best"] {
			r.Best = 5
		}
		if !c.given("review.worst") && !c.bad["review.worst"] {
			r.Worst = 1
		}
	}
	if r := ct.ExternalRating; r != nil && !c.given("external_rating.best") && !c.bad["external_rating.best"] {
		r.Best = 5
	}
}

func (ct *Certification) check(c *checker) {
	if cr := ct.Credential; cr != nil && c.given("credential.course_count") && cr.CourseCount < 1 {
		c.errorf("credential.course_count", "must be at least 1, got %d", cr.CourseCount)
	}
	c.duration("duration", ct.Duration)
	c.cost("cost", ct.Cost)
	c.review("review", ct.Review)
	c.externalRating("external_rating", ct.ExternalRating)
}

func (ct *Certification) setPositions(p positions) { ct.pos = p }
func (ct *Certification) positionsOf() positions   { return ct.pos }

// duration checks that exactly one of the two forms is given.
func (c *checker) duration(path string, d *Duration) {
	if d == nil || !c.isMapping(path) {
		return
	}
	months, perWeek, workload := join(path, "months"), join(path, "hours_per_week"), join(path, "workload")
	c.positive(path, named{"months", d.Months}, named{"hours_per_week", d.HoursPerWeek})
	if c.given(workload) && d.Workload <= 0 {
		c.errorf(workload, "must be longer than 0")
	}
	_, hasMonths := c.pos[months]
	_, hasPerWeek := c.pos[perWeek]
	_, hasWorkload := c.pos[workload]
	switch {
	case hasWorkload && (hasMonths || hasPerWeek):
		c.errorf(path, "give workload, or months and hours_per_week, not both")
	case hasWorkload:
	case hasMonths && !hasPerWeek:
		c.missing(path, "hours_per_week")
	case hasPerWeek && !hasMonths:
		c.missing(path, "months")
	case !hasMonths:
		c.errorf(path, "want workload, or months and hours_per_week")
	}
}

// cost checks that a course that is not free has a price, in a currency,
// for a period when it is a subscription.
func (c *checker) cost(path string, k *Cost) {
	if k == nil || !c.isMapping(path) || c.bad[join(path, "pricing")] {
		return
	}
	amount := join(path, "amount")
	switch {
	case c.given(amount) && k.Amount < 0:
		c.errorf(amount, "must not be negative, got %s", num(k.Amount))
	case k.Pricing == PricingFree && k.Amount > 0:
		c.errorf(amount, "pricing is free, so want no amount, got %s", num(k.Amount))
	case k.Pricing != PricingFree && k.Pricing != "" && !c.given(amount) && !c.bad[amount]:
		c.missing(path, "amount")
	case k.Pricing != PricingFree && k.Pricing != "" && c.given(amount) && k.Amount == 0:
		c.errorf(amount, "pricing is %s, so want an amount greater than 0", k.Pricing)
	}
	if k.Amount > 0 && !c.given(join(path, "currency")) && !c.bad[join(path, "currency")] {
		c.missing(path, "currency")
	}
	if k.Pricing == PricingSubscription && !c.given(join(path, "period")) && !c.bad[join(path, "period")] {
		c.missing(path, "period")
	}
}

// review checks that worst < best and the rating lies between them.
func (c *checker) review(path string, r *Review) {
	if r == nil || !c.isMapping(path) {
		return
	}
	best, worst, rating := join(path, "best"), join(path, "worst"), join(path, "rating")
	if r.Worst >= r.Best {
		if !c.bad[best] && !c.bad[worst] {
			c.errorf(best, "%s is not greater than worst (%s)", num(r.Best), num(r.Worst))
		}
		return
	}
	if c.given(rating) && (r.Rating < r.Worst || r.Rating > r.Best) {
		c.errorf(rating, "%s is outside %s..%s (worst..best)", num(r.Rating), num(r.Worst), num(r.Best))
	}
}

// externalRating checks that the value lies within 0..best.
func (c *checker) externalRating(path string, r *ExternalRating) {
	if r == nil || !c.isMapping(path) {
		return
	}
	best, value, count := join(path, "best"), join(path, "value"), join(path, "count")
	if r.Best <= 0 {
		if !c.bad[best] {
			c.errorf(best, "must be greater than 0, got %s", num(r.Best))
		}
		return
	}
	if c.given(value) && (r.Value < 0 || r.Value > r.Best) {
		c.errorf(value, "%s is outside 0..%s (0..best)", num(r.Value), num(r.Best))
	}
	if c.given(count) && r.Count < 0 {
		c.errorf(count, "must not be negative, got %d", r.Count)
	}
}
