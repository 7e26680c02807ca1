package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
)

// TestExampleCareerPages builds the example site with the embedded theme,
// at a fixed moment (the back-end engineer posting open, the back-end
// developer one closed), and looks for what each kind of career page must
// show.
func TestExampleCareerPages(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	_, err := site.Build(context.Background(), site.Options{
		Source: "../..", Dest: dest, Theme: careersite.Theme(),
		Now: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	read := func(page string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dest, page, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	head := func(html string) string {
		h, _, _ := strings.Cut(html, "</head>")
		return h
	}
	for _, tc := range []struct {
		page          string
		want, notWant []string
		headWant      []string
	}{
		{
			page: "jobs/back-end-engineer",
			want: []string{
				"$79,850–$211,450 a year",
				`<a href="https://www.bls.gov/oes/2024/may/oes151252.htm">U.S. Bureau of Labor Statistics`,
				"<dd>Senior</dd>", "<dd>Full-time</dd>", "<dd>5–10 years</dd>", "<dd>Bachelor&#39;s degree</dd>",
				`id="cs-responsibilities"`, `id="cs-requirements"`, `id="cs-nice-to-have"`,
				"Now hiring at", `href="https://example.com/careers/senior-back-end-engineer"`,
				"January 31, 2027", "Open to applicants in</dt><dd>United States, Canada</dd>",
				`<a href="/skills/go/">Go</a>`,
				`<a href="/roles/back-end-engineer-career-path/">`,
			},
			notWant:  []string{"This posting has closed"},
			headWant: []string{`<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting"`, `"@type":"BreadcrumbList"`},
		},
		{
			page:     "jobs/back-end-developer",
			want:     []string{"This posting has closed.", "Closed posting at"},
			notWant:  []string{`class="button"`, `"JobPosting"`},
			headWant: []string{`"@type":"Article"`, `"@type":"BreadcrumbList"`},
		},
		{
			page: "roles/back-end-engineer-career-path",
			want: []string{
				`<svg class="path-chart__svg"`, `role="img" aria-label="Career path chart: individual contributor track, 5 steps`,
				`<ol class="steps">`, `<ol class="steps steps--mgmt">`,
				"$135,000–$190,000 a year", `<a href="/skills/kubernetes/">Kubernetes</a>`,
				"+15%", "projected change in employment, 2024-2034",
				"Certifications for this role",
			},
			headWant: []string{`"@type":"Occupation"`},
		},
		{
			page: "certifications/meta-back-end-developer",
			want: []string{
				"<strong>Disclosure:</strong>", "Review summary", "<dd>Beginner</dd>", "9 courses, online",
				"About 8 months at 6 hours a week", "$49 a month", "<strong>4</strong> out of 5",
				"<strong>Verdict:</strong>", "<h3>Pros</h3>", "<h3>Cons</h3>", "Alternatives to consider",
			},
			headWant: []string{`"@type":"Review"`, `"@type":"Course"`},
		},
		{
			page: "certifications/compare",
			want: []string{
				`<caption id="compare-caption">`, `<th scope="col">Provider</th>`,
				`<th scope="row"><a href="/certifications/meta-back-end-developer/">Meta Back-End Developer Professional Certificate</a></th>`,
				`<th scope="row"><a href="/certifications/ibm-full-stack-cloud-developer/">`,
				`role="region" aria-labelledby="compare-caption" tabindex="0"`,
			},
		},
		{
			page: "skills/python",
			want: []string{
				"Roles that need Python", "Jobs that ask for Python", "Certifications that teach Python", "Guides about Python",
				"Career-path steps that need it: Junior back-end engineer",
			},
		},
	} {
		html := read(tc.page)
		for _, w := range tc.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", tc.page, w)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(html, w) {
				t.Errorf("%s has %s", tc.page, w)
			}
		}
		for _, w := range tc.headWant {
			if !strings.Contains(head(html), w) {
				t.Errorf("%s has no %s in <head>", tc.page, w)
			}
		}
	}
}
