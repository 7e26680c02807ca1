package career

import (
	"cmp"
	"errors"
	"strings"
)

// JobPosting returns the schema.org JobPosting for a job with a posting,
// with the properties Google requires (title, description, datePosted,
// hiringOrganization, and jobLocation, or jobLocationType TELECOMMUTE with
// applicantLocationRequirements for a remote job) and those it recommends
// (validThrough, employmentType, baseSalary, identifier, directApply), plus
// the job's experience and education requirements. The description is
// HTML, as Google asks: the page's description and the job's lists.
//
// Call it only for an open posting (Job.PostingOpen); a closed posting must
// have no JobPosting data.
func JobPosting(j *Job, p PageFacts) ([]byte, error) {
	if j == nil || j.Posting == nil {
		return nil, errors.New("job has no posting")
	}
	post := j.Posting
	o := thing("JobPosting").
		set("title", cmp.Or(j.Role, p.Title)).
		set("description", postingHTML(j, p)).
		set("datePosted", post.DatePosted).
		set("validThrough", post.ValidThrough).
		set("employmentType", one(texts(j.EmploymentType))).
		set("hiringOrganization", organization(post.Organization))
	if l := post.Location; l != nil {
		o.set("jobLocation", thing("Place").set("address", thing("PostalAddress").
			set("addressLocality", l.Locality).
			set("addressRegion", l.Region).
			set("addressCountry", string(l.Country))))
	}
	if post.Remote {
		o.set("jobLocationType", "TELECOMMUTE")
		o.set("applicantLocationRequirements", one(countryList(post.ApplicantCountries)))
	}
	o.set("baseSalary", baseSalary(j.Salary))
	if post.Identifier != "" {
		o.set("identifier", thing("PropertyValue").set("name", organizationName(post.Organization)).set("value", post.Identifier))
	}
	if post.ApplyURL != "" {
		o.set("directApply", true)
	}
	o.set("experienceRequirements", experience(j.ExperienceYears))
	o.set("educationRequirements", education(j.Education))
	o.set("skills", texts(p.Skills))
	o.set("url", p.URL)
	o.set("image", p.Image)
	return document(o)
}

func organizationName(o *Organization) string {
	if o == nil {
		return ""
	}
	return o.Name
}

func countryList(list []Country) []any {
	out := make([]any, len(list))
	for i, c := range list {
		out[i] = thing("Country").set("name", string(c))
	}
	return out
}

// baseSalary is a salary's range as a MonetaryAmount.
func baseSalary(s *Salary) *object {
	if s == nil || s.Currency == "" {
		return nil
	}
	v := thing("QuantitativeValue")
	if s.Min > 0 {
		v.set("minValue", s.Min)
	}
	if s.Max > 0 {
		v.set("maxValue", s.Max)
	}
	v.set("unitText", strings.ToUpper(string(s.Period)))
	return thing("MonetaryAmount").set("currency", string(s.Currency)).set("value", v)
}

func experience(y *Years) *object {
	if y == nil {
		return nil
	}
	return thing("OccupationalExperienceRequirements").set("monthsOfExperience", y.Min*12)
}

func education(e Education) *object {
	if e == "" {
		return nil
	}
	return thing("EducationalOccupationalCredential").set("credentialCategory", string(e))
}

// postingHTML is the page description and the job's lists as HTML, every
// text escaped.
func postingHTML(j *Job, p PageFacts) string {
	var b strings.Builder
	if p.Description != "" {
		b.WriteString("<p>" + escapeText(p.Description) + "</p>")
	}
	for _, sec := range []struct {
		title string
		items []string
	}{
		{"Responsibilities", j.Responsibilities},
		{"Requirements", j.Requirements},
		{"Nice to have", j.NiceToHave},
	} {
		if len(sec.items) == 0 {
			continue
		}
		b.WriteString("<h3>" + sec.title + "</h3><ul>")
		for _, it := range sec.items {
			b.WriteString("<li>" + escapeText(it) + "</li>")
		}
		b.WriteString("</ul>")
	}
	return b.String()
}

// escapeText escapes text for HTML element content: only &, < and > need it.
var escapeText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
