package career

import "time"

// Role is a role guide (kind role, content/roles/): an overview of an
// occupation, a comparison of two, or the career path through one.
type Role struct {
	// The occupation the guide is about ("Back-end engineer"); the page title when not given.
	Role string `yaml:"role"`
	// What kind of guide the page is; overview when not given.
	Guide Guide `yaml:"guide"`
	// What the occupation pays.
	Salary *Salary `yaml:"salary"`
	// How demand for the occupation is expected to change.
	Outlook *Outlook `yaml:"outlook"`
	// The steps of the career, in order; on each track, years never decrease.
	CareerPath []Step `yaml:"career_path" required:"when guide is career-path"`
	// Other role guides to read.
	RelatedRoles []Ref `yaml:"related_roles" ref:"role"`
	// Certification reviews relevant to the role.
	RelatedCertifications []Ref `yaml:"related_certifications" ref:"certification"`

	pos positions
}

// Outlook is the projected change in employment for an occupation.
type Outlook struct {
	// The projected change in employment, in percent (negative for a decline).
	GrowthPercent float64 `yaml:"growth_percent" required:"yes"`
	// The years the projection covers ("2024-2034").
	Period string `yaml:"period"`
	// Who made the projection.
	Source *Source `yaml:"source" required:"yes"`
	// When the projection was published; older than stale_after earns a warning.
	AsOf time.Time `yaml:"as_of"`
}

// Step is one step of a career path.
type Step struct {
	// The job title at this step.
	Title string `yaml:"title" required:"yes"`
	// The step's level.
	Level Seniority `yaml:"level"`
	// The ladder the step is on: individual contributor or management.
	Track Track `yaml:"track" required:"yes"`
	// The years into a career when people typically hold the step.
	Years *Years `yaml:"years"`
	// What the step pays.
	Salary *Salary `yaml:"salary"`
	// The skills the step is known for.
	Skills []string `yaml:"skills"`
}

func (r *Role) defaults(c *checker) {
	if r.Guide == "" && !c.bad["guide"] {
		r.Guide = GuideOverview
	}
}

func (r *Role) check(c *checker) {
	c.salary("salary", r.Salary)
	if r.Guide == GuideCareerPath && len(r.CareerPath) == 0 && !c.bad["career_path"] {
		c.errorf("guide", "a career-path guide needs career_path (its steps)")
	}
	c.careerPath("career_path", r.CareerPath)
}

func (r *Role) setPositions(p positions) { r.pos = p }
func (r *Role) positionsOf() positions   { return r.pos }

// careerPath checks each step, and that years never decrease along a track:
// each step on a track starts and ends no earlier than the one before it.
func (c *checker) careerPath(path string, steps []Step) {
	last := map[Track]int{} // track -> index of its latest step with years
	for i, s := range steps {
		p := item(path, i)
		c.years(join(p, "years"), s.Years)
		c.salary(join(p, "salary"), s.Salary)
		if s.Years == nil || s.Track == "" || !c.given(join(p, "years.min")) {
			continue
		}
		if j, ok := last[s.Track]; ok {
			c.stepYears(p, s, item(path, j), steps[j])
		}
		last[s.Track] = i
	}
}

// stepYears reports years of step s (at path) that are less than those of
// the step before it on its track.
func (c *checker) stepYears(path string, s Step, prevPath string, prev Step) {
	if s.Years.Min < prev.Years.Min {
		c.errorf(join(path, "years.min"), "%d is less than the years.min of %s (%d); on the %s track, years never decrease",
			s.Years.Min, prevPath, prev.Years.Min, s.Track)
		return
	}
	if s.Years.Max != nil && prev.Years.Max != nil && c.given(join(path, "years.max")) && *s.Years.Max < *prev.Years.Max {
		c.errorf(join(path, "years.max"), "%d is less than the years.max of %s (%d); on the %s track, years never decrease",
			*s.Years.Max, prevPath, *prev.Years.Max, s.Track)
	}
}
