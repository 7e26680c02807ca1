package career

import (
	"cmp"
	"errors"
)

// JobArticle returns the schema.org Article for a job description without
// an open posting: the page, about the Occupation the job is for (name,
// skills, responsibilities, qualifications, experience and education
// requirements, estimatedSalary and occupationLocation from the salary).
func JobArticle(j *Job, p PageFacts) ([]byte, error) {
	if j == nil {
		return nil, errors.New("no job")
	}
	occ := occupation(cmp.Or(j.Role, p.Title), p, j.Salary).
		set("responsibilities", texts(j.Responsibilities)).
		set("qualifications", texts(j.Requirements)).
		set("experienceRequirements", experience(j.ExperienceYears)).
		set("educationRequirements", education(j.Education))
	return document(thing("Article").article(p).set("about", occ))
}

// RoleArticle returns the schema.org Article for a role guide, about the
// Occupation it describes (name, skills, estimatedSalary and
// occupationLocation from the role's salary).
func RoleArticle(r *Role, p PageFacts) ([]byte, error) {
	if r == nil {
		return nil, errors.New("no role")
	}
	return document(thing("Article").article(p).set("about", occupation(cmp.Or(r.Role, p.Title), p, r.Salary)))
}

// occupation starts an Occupation. Google's occupation data needs
// estimatedSalary (a distribution: median or percentiles, which a range
// alone does not give) and occupationLocation, so both come only from a
// salary that has them.
func occupation(name string, p PageFacts, s *Salary) *object {
	o := thing("Occupation").set("name", name).set("skills", texts(p.Skills))
	if s == nil {
		return o
	}
	if s.HasDistribution() && s.Currency != "" {
		d := thing("MonetaryAmountDistribution").
			set("name", "base").
			set("currency", string(s.Currency)).
			set("duration", s.Period.ISO())
		for _, q := range []named{{"percentile10", s.P10}, {"percentile25", s.P25}, {"median", s.Median}, {"percentile75", s.P75}, {"percentile90", s.P90}} {
			if q.value > 0 {
				d.set(q.key, q.value)
			}
		}
		o.set("estimatedSalary", []any{d})
	}
	if l := s.Location; l != nil {
		o.set("occupationLocation", []any{place(l)})
	}
	return o
}

// place is the narrowest place a salary location names.
func place(l *SalaryLocation) *object {
	switch {
	case l.City != "":
		return thing("City").set("name", l.City)
	case l.Region != "":
		return thing("State").set("name", l.Region)
	}
	return thing("Country").set("name", string(l.Country))
}
