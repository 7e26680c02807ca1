package career

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
)

var facts = PageFacts{
	Title:       "Back-End Engineer Job Description",
	Description: "What a senior back-end engineer does </script><!-- & earns.",
	URL:         "https://careers.example/jobs/back-end-engineer/",
	Date:        date("2026-11-03"),
	Updated:     date("2026-11-10"),
	Authors:     []string{"Ines Calloway", "Rafael Mendes"},
	Skills:      []string{"Go", "SQL"},
	Language:    "en",
	SiteName:    "Career Atlas",
	SiteURL:     "https://careers.example/",
}

const jobYAML = `role: Back-end engineer
seniority: senior
employment_type: [FULL_TIME, CONTRACTOR]
responsibilities: [Design services, Run them]
requirements: [Go]
experience_years: {min: 5, max: 10}
education: bachelor degree
salary:
  currency: USD
  min: 79850
  p10: 79850
  p25: 103050
  median: 133080
  p75: 169000
  p90: 211450
  max: 211450
  period: year
  location: {country: US}
posting:
  organization: {name: Harbor & Pine, url: "https://example.com/", logo: "https://example.com/logo.png"}
  date_posted: 2026-11-03
  valid_through: 2027-01-31
  location: {locality: Portland, region: OR, country: US}
  remote: true
  applicant_countries: [US, CA]
  apply_url: https://example.com/apply
  identifier: HPL-114
`

const certYAML = `credential:
  name: Meta Back-End Developer Professional Certificate
  provider: {name: Meta, url: "https://www.meta.com/"}
  platform: {name: Coursera, url: "https://www.coursera.org/"}
  url: https://www.coursera.org/professional-certificates/meta-back-end-developer
  level: beginner
  mode: online
  languages: [en]
duration: {months: 8, hours_per_week: 6}
cost: {pricing: subscription, amount: 49, currency: USD, period: month}
review:
  rating: 4
  verdict: Worth it.
  pros: [Python first, Mainstream tools]
  cons: [Generic capstone]
external_rating: {value: 4.7, count: 12000, source: Coursera}
`

// ld returns a function that decodes what a builder returns, for
// assertions: ld(t)(JobPosting(j, facts)).
func ld(t *testing.T) func([]byte, error) map[string]any {
	return func(b []byte, err error) map[string]any {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, b)
		}
		return m
	}
}

// get follows a path such as "itemReviewed.offers[0].price".
func get(v any, path string) any {
	for part := range strings.SplitSeq(path, ".") {
		name, idx, _ := strings.Cut(part, "[")
		if name != "" {
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[name]
		}
		if idx != "" {
			i, _ := strconv.Atoi(strings.TrimSuffix(idx, "]"))
			list, ok := v.([]any)
			if !ok || i >= len(list) {
				return nil
			}
			v = list[i]
		}
	}
	return v
}

// expect checks that every path has the wanted value (nil: any value
// but absent).
func expect(t *testing.T, name string, m map[string]any, want map[string]any) {
	t.Helper()
	for path, w := range want {
		got := get(m, path)
		if w == nil {
			if got == nil {
				t.Errorf("%s: %s missing", name, path)
			}
			continue
		}
		if gb, _ := json.Marshal(got); string(gb) != mustJSON(w) {
			t.Errorf("%s: %s = %s, want %s", name, path, gb, mustJSON(w))
		}
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestJobPosting(t *testing.T) {
	j := mustDecode(t, config.KindJob, jobYAML).Job
	b, err := JobPosting(j, facts)
	m := ld(t)(b, err)
	expect(t, "JobPosting", m, map[string]any{
		"@context":                                  "https://schema.org",
		"@type":                                     "JobPosting",
		"title":                                     "Back-end engineer",
		"description":                               nil,
		"datePosted":                                "2026-11-03",
		"validThrough":                              "2027-01-31",
		"employmentType":                            []string{"FULL_TIME", "CONTRACTOR"},
		"hiringOrganization.@type":                  "Organization",
		"hiringOrganization.name":                   "Harbor & Pine",
		"hiringOrganization.sameAs":                 "https://example.com/",
		"hiringOrganization.logo":                   "https://example.com/logo.png",
		"jobLocation.@type":                         "Place",
		"jobLocation.address.@type":                 "PostalAddress",
		"jobLocation.address.addressLocality":       "Portland",
		"jobLocation.address.addressRegion":         "OR",
		"jobLocation.address.addressCountry":        "US",
		"jobLocationType":                           "TELECOMMUTE",
		"applicantLocationRequirements[1].@type":    "Country",
		"applicantLocationRequirements[1].name":     "CA",
		"baseSalary.@type":                          "MonetaryAmount",
		"baseSalary.currency":                       "USD",
		"baseSalary.value.@type":                    "QuantitativeValue",
		"baseSalary.value.minValue":                 79850,
		"baseSalary.value.maxValue":                 211450,
		"baseSalary.value.unitText":                 "YEAR",
		"directApply":                               true,
		"identifier.@type":                          "PropertyValue",
		"identifier.value":                          "HPL-114",
		"experienceRequirements.monthsOfExperience": 60,
		"educationRequirements.credentialCategory":  "bachelor degree",
	})
	desc, _ := m["description"].(string)
	if !strings.Contains(desc, "<li>Design services</li>") || !strings.Contains(desc, "&lt;/script&gt;&lt;!-- &amp; earns.") {
		t.Errorf("description = %q, want the lists as HTML and the text escaped", desc)
	}
	if !bytes.HasPrefix(b, []byte(`{"@context":"https://schema.org","@type":"JobPosting","title":`)) {
		t.Errorf("JobPosting starts %.80s, want @context, @type, title first", b)
	}
}

func TestJobPostingRemoteOnly(t *testing.T) {
	j := mustDecode(t, config.KindJob, `responsibilities: [Work]
posting:
  organization: {name: Acme}
  date_posted: 2026-01-01
  valid_through: 2026-02-01
  remote: true
  applicant_countries: [DE]
`).Job
	m := ld(t)(JobPosting(j, facts))
	expect(t, "remote JobPosting", m, map[string]any{
		"title":                               facts.Title, // role defaults to the title
		"jobLocationType":                     "TELECOMMUTE",
		"applicantLocationRequirements.@type": "Country",
		"applicantLocationRequirements.name":  "DE",
		"hiringOrganization.name":             "Acme",
	})
	for _, absent := range []string{"jobLocation", "baseSalary", "directApply", "identifier"} {
		if _, ok := m[absent]; ok {
			t.Errorf("remote JobPosting has %s, want none", absent)
		}
	}
	if _, err := JobPosting(&Job{}, facts); err == nil {
		t.Error("JobPosting without a posting: no error")
	}
}

func TestOccupationArticles(t *testing.T) {
	d := mustDecode(t, config.KindJob, jobYAML)
	m := ld(t)(JobArticle(d.Job, facts))
	occupation := map[string]any{
		"@context":                              "https://schema.org",
		"@type":                                 "Article",
		"headline":                              facts.Title,
		"datePublished":                         "2026-11-03",
		"dateModified":                          "2026-11-10",
		"author[0].@type":                       "Person",
		"author[1].name":                        "Rafael Mendes",
		"publisher.name":                        "Career Atlas",
		"mainEntityOfPage":                      facts.URL,
		"about.@type":                           "Occupation",
		"about.name":                            "Back-end engineer",
		"about.skills":                          []string{"Go", "SQL"},
		"about.estimatedSalary[0].@type":        "MonetaryAmountDistribution",
		"about.estimatedSalary[0].name":         "base",
		"about.estimatedSalary[0].currency":     "USD",
		"about.estimatedSalary[0].duration":     "P1Y",
		"about.estimatedSalary[0].percentile10": 79850,
		"about.estimatedSalary[0].percentile25": 103050,
		"about.estimatedSalary[0].median":       133080,
		"about.estimatedSalary[0].percentile75": 169000,
		"about.estimatedSalary[0].percentile90": 211450,
		"about.occupationLocation[0].@type":     "Country",
		"about.occupationLocation[0].name":      "US",
	}
	job := map[string]any{
		"about.responsibilities":                          []string{"Design services", "Run them"},
		"about.qualifications":                            []string{"Go"},
		"about.experienceRequirements.monthsOfExperience": 60,
	}
	for k, v := range occupation {
		job[k] = v
	}
	expect(t, "JobArticle", m, job)

	r := mustDecode(t, config.KindRole, "role: Back-end engineer\nsalary:\n"+strings.Join(strings.Split(jobYAML[strings.Index(jobYAML, "  currency"):strings.Index(jobYAML, "posting:")], "\n"), "\n")).Role
	expect(t, "RoleArticle", ld(t)(RoleArticle(r, facts)), occupation)
}

// Data.JSONLD gives an open posting a JobPosting, and the same job once
// its posting has closed an Article.
func TestDataJSONLD(t *testing.T) {
	d := mustDecode(t, config.KindJob, jobYAML)
	for _, tt := range []struct {
		now  string
		want string
	}{
		{"2026-12-01", "JobPosting"},
		{"2027-02-01", "Article"},
		{"2026-11-02", "Article"},
	} {
		m := ld(t)(d.JSONLD(facts, date(tt.now)))
		if m["@type"] != tt.want {
			t.Errorf("JSONLD at %s: @type %v, want %s", tt.now, m["@type"], tt.want)
		}
	}
	stub := mustDecode(t, config.KindCertification, "review: {rating: 4}\n")
	if m := ld(t)(stub.JSONLD(facts, time.Time{})); m["@type"] != "Article" {
		t.Errorf("JSONLD(certification without credential): @type %v, want Article", m["@type"])
	}
	if b, err := (Data{}).JSONLD(facts, time.Time{}); b != nil || err != nil {
		t.Errorf("JSONLD(zero Data) = %s, %v; want nil, nil", b, err)
	}
}

func TestCertificationReview(t *testing.T) {
	c := mustDecode(t, config.KindCertification, certYAML).Certification
	b, err := CertificationReview(c, facts)
	m := ld(t)(b, err)
	expect(t, "Review", m, map[string]any{
		"@context":                             "https://schema.org",
		"@type":                                "Review",
		"name":                                 facts.Title,
		"author[0].name":                       "Ines Calloway",
		"datePublished":                        "2026-11-03",
		"reviewBody":                           "Worth it.",
		"reviewRating.@type":                   "Rating",
		"reviewRating.ratingValue":             4,
		"reviewRating.bestRating":              5,
		"reviewRating.worstRating":             1,
		"itemReviewed.@type":                   "Course",
		"itemReviewed.name":                    "Meta Back-End Developer Professional Certificate",
		"itemReviewed.description":             facts.Description,
		"itemReviewed.provider.@type":          "Organization",
		"itemReviewed.provider.name":           "Meta",
		"itemReviewed.offers[0].@type":         "Offer",
		"itemReviewed.offers[0].category":      "Subscription",
		"itemReviewed.offers[0].price":         49,
		"itemReviewed.offers[0].priceCurrency": "USD",
		"itemReviewed.offers[0].priceSpecification.referenceQuantity.unitCode": "MON",
		"itemReviewed.hasCourseInstance[0].@type":                              "CourseInstance",
		"itemReviewed.hasCourseInstance[0].courseMode":                         "Online",
		"itemReviewed.hasCourseInstance[0].courseWorkload":                     "PT208H", // 8 months × 6 h × 52/12
		"itemReviewed.educationalCredentialAwarded.@type":                      "EducationalOccupationalCredential",
		"itemReviewed.educationalLevel":                                        "Beginner",
		"positiveNotes.@type":                                                  "ItemList",
		"positiveNotes.itemListElement[1].@type":                               "ListItem",
		"positiveNotes.itemListElement[1].position":                            2,
		"positiveNotes.itemListElement[1].name":                                "Mainstream tools",
		"negativeNotes.itemListElement[0].name":                                "Generic capstone",
	})
	// The external rating (4.7 from Coursera) is not ours to mark up.
	for _, s := range []string{"aggregateRating", "4.7", "12000"} {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("Review contains %q: the external rating must not be marked up", s)
		}
	}
	c.Review = nil
	m = ld(t)(CertificationReview(c, facts))
	expect(t, "Course", m, map[string]any{"@type": "Course", "name": nil, "provider.name": "Meta"})
}

func TestFreeCourseOffer(t *testing.T) {
	c := mustDecode(t, config.KindCertification, "credential: {name: X, provider: {name: Y}, mode: blended}\ncost: {pricing: partially-free, amount: 10, currency: EUR, period: one-time}\nduration: {workload: PT70H}\n").Certification
	m := ld(t)(CertificationReview(c, facts))
	expect(t, "Course", m, map[string]any{
		"offers[0].category":                  "Partially Free",
		"offers[0].price":                     10,
		"hasCourseInstance[0].courseMode":     "Blended",
		"hasCourseInstance[0].courseWorkload": "PT70H",
	})
	if _, ok := get(m, "offers[0]").(map[string]any)["priceSpecification"]; ok {
		t.Error("one-time offer has a priceSpecification, want none")
	}
}

func TestBreadcrumbList(t *testing.T) {
	m := ld(t)(BreadcrumbList([]Crumb{
		{"Home", "https://careers.example/"},
		{"Jobs", "https://careers.example/jobs/"},
		{"Back-end engineer", "https://careers.example/jobs/back-end-engineer/"},
	}))
	expect(t, "BreadcrumbList", m, map[string]any{
		"@context":                    "https://schema.org",
		"@type":                       "BreadcrumbList",
		"itemListElement[0].@type":    "ListItem",
		"itemListElement[0].position": 1,
		"itemListElement[0].name":     "Home",
		"itemListElement[2].position": 3,
		"itemListElement[2].item":     "https://careers.example/jobs/back-end-engineer/",
	})
	if _, err := BreadcrumbList(nil); err == nil {
		t.Error("BreadcrumbList(nil): no error")
	}
}

// Every builder's output is safe inside a <script> element and the same
// from one call to the next.
func TestJSONLDSafeAndDeterministic(t *testing.T) {
	job := mustDecode(t, config.KindJob, jobYAML).Job
	cert := mustDecode(t, config.KindCertification, certYAML).Certification
	evil := facts
	evil.Title = "</script><script>alert(1)</script> & more"
	evil.Authors = []string{"<b>A</b>"}
	evil.Skills = []string{"\u2028line"}
	builders := map[string]func() ([]byte, error){
		"JobPosting":          func() ([]byte, error) { return JobPosting(job, evil) },
		"JobArticle":          func() ([]byte, error) { return JobArticle(job, evil) },
		"CertificationReview": func() ([]byte, error) { return CertificationReview(cert, evil) },
		"BreadcrumbList":      func() ([]byte, error) { return BreadcrumbList([]Crumb{{evil.Title, "https://x/?a=1&b=2"}}) },
	}
	for name, build := range builders {
		a, err := build()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if bytes.ContainsAny(a, "<>&\u2028") {
			t.Errorf("%s: output has <, >, & or U+2028 unescaped:\n%s", name, a)
		}
		for range 5 {
			if b, _ := build(); !bytes.Equal(a, b) {
				t.Fatalf("%s: output differs between calls", name)
			}
		}
		if !json.Valid(a) || !bytes.Contains(a, []byte(`\u003c`)) {
			t.Errorf("%s: want valid JSON with the markup escaped, got\n%s", name, a)
		}
	}
}
