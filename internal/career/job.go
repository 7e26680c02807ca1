package career

import (
	"time"
)

// Job is a job description (kind job, content/jobs/): what the work is,
// what it asks for and pays, and, for a real opening, the posting.
type Job struct {
	// The occupation the job is for ("Back-end developer"); the page title when not given.
	Role string `yaml:"role"`
	// The job's level.
	Seniority Seniority `yaml:"seniority"`
	// How the job is employed, as schema.org names it.
	EmploymentType []EmploymentType `yaml:"employment_type"`
	// What the job holder does; at least one when given.
	Responsibilities []string `yaml:"responsibilities"`
	// What employers ask for.
	Requirements []string `yaml:"requirements"`
	// What helps but is not required.
	NiceToHave []string `yaml:"nice_to_have"`
	// The experience the job asks for.
	ExperienceYears *Years `yaml:"experience_years"`
	// The education the job asks for.
	Education Education `yaml:"education"`
	// What the job pays.
	Salary *Salary `yaml:"salary"`
	// Role guides about this job.
	RelatedRoles []Ref `yaml:"related_roles" ref:"role"`
	// A real opening; leave it out for a generic job description.
	Posting *Posting `yaml:"posting"`

	pos positions
}

// Posting is a real opening for a job. A posting is open from date_posted
// through the end of valid_through; after that its page says it has closed
// and carries no JobPosting data.
type Posting struct {
	// Who is hiring.
	Organization *Organization `yaml:"organization" required:"yes"`
	// When the opening was published.
	DatePosted time.Time `yaml:"date_posted" required:"yes"`
	// The last day applications are accepted; after date_posted. Once it has passed, the page says the posting has closed.
	ValidThrough time.Time `yaml:"valid_through" required:"yes"`
	// Where the job is based.
	Location *PostingLocation `yaml:"location" required:"unless remote is true"`
	// The job is done remotely.
	Remote bool `yaml:"remote"`
	// The countries a remote worker may live in.
	ApplicantCountries []Country `yaml:"applicant_countries" required:"when remote is true"`
	// Where to apply.
	ApplyURL URL `yaml:"apply_url"`
	// The employer's reference for the opening.
	Identifier string `yaml:"identifier"`
}

// Organization is a company or institution: an employer, a course provider
// or a learning platform.
type Organization struct {
	// Its name.
	Name string `yaml:"name" required:"yes"`
	// Its website.
	URL URL `yaml:"url"`
	// Its logo image.
	Logo URL `yaml:"logo"`
}

// PostingLocation is the address a job is based at.
type PostingLocation struct {
	// The city or town.
	Locality string `yaml:"locality"`
	// The state, province or region.
	Region string `yaml:"region"`
	// The country.
	Country Country `yaml:"country" required:"yes"`
}

// Years is a range of years: the experience a job asks for, or the years
// into a career when a step is typically reached and left. Leave max out
// for an open range ("5+ years").
//
// Max is nil when not given.
type Years struct {
	// The fewest years; 0 or more.
	Min int `yaml:"min" required:"yes"`
	// The most years; at least min.
	Max *int `yaml:"max"`
}

// PostingOpen reports whether the job has a posting that is open at now:
// posted on or before now, and now is before the end of its ValidThrough
// (the whole day when ValidThrough is a date).
func (j *Job) PostingOpen(now time.Time) bool {
	if j == nil || j.Posting == nil {
		return false
	}
	p := j.Posting
	return !now.Before(p.DatePosted) && now.Before(closes(p.ValidThrough))
}

// PostingClosed reports whether the job has a posting that has closed at
// now: now is at or past the end of its ValidThrough. A posting not yet
// open is neither open nor closed.
func (j *Job) PostingClosed(now time.Time) bool {
	if j == nil || j.Posting == nil || j.Posting.ValidThrough.IsZero() {
		return false
	}
	return !now.Before(closes(j.Posting.ValidThrough))
}

// PostingMoments returns the moments at which PostingOpen and
// PostingClosed can change their answer: each is a question of the form
// "is now before one of them?" (uptodate.Interval). None without a
// posting.
func (j *Job) PostingMoments() []time.Time {
	if j == nil || j.Posting == nil {
		return nil
	}
	return []time.Time{j.Posting.DatePosted, closes(j.Posting.ValidThrough)}
}

// closes returns the moment a posting valid through t closes: the end of
// t's day when t is a date (midnight), t itself otherwise.
func closes(t time.Time) time.Time {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.AddDate(0, 0, 1)
	}
	return t
}

func (j *Job) check(c *checker) {
	c.notEmpty("responsibilities", len(j.Responsibilities))
	c.years("experience_years", j.ExperienceYears)
	c.salary("salary", j.Salary)
	c.posting("posting", j.Posting)
}

func (j *Job) setPositions(p positions) { j.pos = p }
func (j *Job) positionsOf() positions   { return j.pos }

// posting checks a posting's dates and where it may be done from.
func (c *checker) posting(path string, p *Posting) {
	if p == nil || !c.isMapping(path) {
		return
	}
	posted, through := join(path, "date_posted"), join(path, "valid_through")
	if c.given(posted) && c.given(through) && !p.ValidThrough.After(p.DatePosted) {
		c.errorf(through, "%s is not after date_posted (%s)", day(p.ValidThrough), day(p.DatePosted))
	}
	_, hasLocation := c.pos[join(path, "location")]
	countries := join(path, "applicant_countries")
	switch {
	case p.Remote && len(p.ApplicantCountries) == 0 && !c.bad[countries]:
		c.errorf(join(path, "remote"), "a remote posting needs applicant_countries (the countries applicants may live in)")
	case !p.Remote && !hasLocation:
		c.missing(path, "location")
	}
}

// years checks a range of years written at path.
func (c *checker) years(path string, y *Years) {
	if y == nil {
		return
	}
	lo, hi := join(path, "min"), join(path, "max")
	if c.given(lo) && y.Min < 0 {
		c.errorf(lo, "must not be negative, got %d", y.Min)
	}
	if c.given(hi) && y.Max != nil && *y.Max < 0 {
		c.errorf(hi, "must not be negative, got %d", *y.Max)
	} else if c.given(lo) && c.given(hi) && y.Max != nil && *y.Max < y.Min {
		c.errorf(hi, "%d is less than min (%d)", *y.Max, y.Min)
	}
}

// day formats a date as front matter writes it.
func day(t time.Time) string {
	return t.Format(time.DateOnly)
}
