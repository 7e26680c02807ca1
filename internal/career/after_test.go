package career

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// mustDecode decodes src as kind and fails the test on any problem.
func mustDecode(t *testing.T, kind, src string) Data {
	t.Helper()
	doc, perr := decode.Parse([]byte(src))
	if perr != nil {
		t.Fatal(perr)
	}
	d, errs := Decode(kind, doc.Content[0])
	if len(errs) > 0 {
		t.Fatalf("Decode(%s): %v", kind, diag.Join(errs))
	}
	return d
}

func lines(errs []*diag.Error) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error() + "\n")
	}
	return b.String()
}

func date(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

const postingJob = `responsibilities: [Work]
posting:
  organization: {name: Acme}
  date_posted: 2025-06-02
  valid_through: 2025-07-31
  location: {country: US}
`

func TestPostingOpen(t *testing.T) {
	j := mustDecode(t, config.KindJob, postingJob).Job
	tests := []struct {
		now  time.Time
		want bool
	}{
		{date("2025-06-01"), false}, // not yet posted
		{date("2025-06-02"), true},
		{date("2025-07-31").Add(23 * time.Hour), true}, // the whole last day
		{date("2025-08-01"), false},
	}
	for _, tt := range tests {
		if got := j.PostingOpen(tt.now); got != tt.want {
			t.Errorf("PostingOpen(%v) = %v, want %v", tt.now, got, tt.want)
		}
	}
	if (&Job{}).PostingOpen(date("2025-06-02")) {
		t.Error("PostingOpen without a posting = true, want false")
	}
}

func TestWarnings(t *testing.T) {
	stale := config.Span{Months: 12}
	tests := []struct {
		name, kind, src string
		now             time.Time
		want            string
	}{
		{
			name: "closed posting", kind: config.KindJob, src: postingJob, now: date("2025-08-01"),
			want: "5:18: posting.valid_through: the posting closed on 2025-07-31; its page says so and has no JobPosting data\n",
		},
		{
			name: "open posting", kind: config.KindJob, src: postingJob, now: date("2025-07-31"),
		},
		{
			name: "stale salary", kind: config.KindJob, now: date("2026-05-02"),
			src:  "responsibilities: [Work]\nsalary: {currency: USD, min: 1, max: 2, period: year, as_of: 2025-05-01}\n",
			want: "2:62: salary.as_of: 2025-05-01 is more than 12 months old (stale_after in site.yaml); check the figures again\n",
		},
		{
			name: "fresh salary", kind: config.KindJob, now: date("2026-05-01"),
			src: "responsibilities: [Work]\nsalary: {currency: USD, min: 1, max: 2, period: year, as_of: 2025-05-01}\n",
		},
		{
			name: "role", kind: config.KindRole, now: date("2030-01-01"),
			src: `role: X
outlook: {growth_percent: 1, source: BLS, as_of: 2020-01-01}
career_path:
  - title: A
    track: ic
    salary: {currency: USD, min: 1, max: 2, period: year, as_of: 2021-01-01}
  - title: B
    track: ic
`,
			want: "2:50: outlook.as_of: 2020-01-01 is more than 12 months old (stale_after in site.yaml); check the figures again\n" +
				"6:66: career_path[0].salary.as_of: 2021-01-01 is more than 12 months old (stale_after in site.yaml); check the figures again\n",
		},
		{
			name: "certification", kind: config.KindCertification, now: date("2030-01-01"),
			src:  "credential: {name: X, provider: {name: Y}}\ncost: {pricing: free, as_of: 2020-01-01}\n",
			want: "2:30: cost.as_of: 2020-01-01 is more than 12 months old (stale_after in site.yaml); check the figures again\n",
		},
	}
	for _, tt := range tests {
		d := mustDecode(t, tt.kind, tt.src)
		if got := lines(d.Warnings(tt.now, stale)); got != tt.want {
			t.Errorf("%s: Warnings =\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestCheckRefs(t *testing.T) {
	d := mustDecode(t, config.KindRole, `role: X
related_roles:
  - /roles/a/
  - /roles/missing
  - /jobs/b/
  - /roles/
related_certifications: [/certifications/c/, /roles/a/]
`)
	pages := map[string]string{
		"/roles/a/": config.KindRole, "/jobs/b/": config.KindJob, "/roles/": "",
		"/certifications/c/": config.KindCertification,
	}
	resolve := func(url string) (string, bool) { k, ok := pages[url]; return k, ok }
	want := `x.md:4:5: related_roles[1]: no page has the URL "/roles/missing/"
x.md:5:5: related_roles[2]: "/jobs/b/" is a job page, want a role page
x.md:6:5: related_roles[3]: "/roles/" is not a role page
x.md:7:46: related_certifications[1]: "/roles/a/" is a role page, want a certification page
`
	errs := CheckRefs("x.md", d, resolve)
	slices.SortFunc(errs, diag.Compare)
	if got := lines(errs); got != want {
		t.Errorf("CheckRefs =\n%s\nwant\n%s", got, want)
	}
}

func TestDefaults(t *testing.T) {
	c := mustDecode(t, config.KindCertification, "credential: {name: X, provider: {name: Y}}\nreview: {rating: 4}\nexternal_rating: {value: 4.5, source: Z}\n").Certification
	if c.Review.Best != 5 || c.Review.Worst != 1 || c.ExternalRating.Best != 5 {
		t.Errorf("defaults: review %+v, external rating %+v; want best 5, worst 1", c.Review, c.ExternalRating)
	}
	if r := mustDecode(t, config.KindRole, "role: X\n").Role; r.Guide != GuideOverview {
		t.Errorf("Guide = %q, want %q", r.Guide, GuideOverview)
	}
	if got := mustDecode(t, config.KindJob, "responsibilities: [a]\nsalary: {currency: USD, min: 1, max: 2, period: year, source: BLS}\n").Job.Salary.Source; got.Name != "BLS" {
		t.Errorf("Source from a name = %+v, want Name BLS", got)
	}
}

func TestKeys(t *testing.T) {
	if got := Keys(config.KindArticle); got != nil {
		t.Errorf("Keys(article) = %v, want nil", got)
	}
	if got := Keys(config.KindJob); !slices.Contains(got, "salary") || !slices.IsSorted(got) {
		t.Errorf("Keys(job) = %v, want sorted, with salary", got)
	}
	if d, errs := Decode(config.KindArticle, nil); !d.IsZero() || errs != nil {
		t.Errorf("Decode(article) = %+v, %v; want zero, nil", d, errs)
	}
}
