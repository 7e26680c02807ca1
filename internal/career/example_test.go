package career_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// TestExampleSite checks the example site at the repository root: its
// content loads without a problem, every reference resolves, every career
// page has structured data, and it uses every kind fully (as issue 4 asks)
// on a fixed day.
func TestExampleSite(t *testing.T) {
	fsys := os.DirFS("../..")
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := content.LoadAll(context.Background(), fsys, cfg)
	if err != nil {
		t.Fatalf("example site: %v", err)
	}
	kinds := map[string]string{}
	for _, p := range pages {
		kinds[p.URL] = p.Kind
	}
	resolve := func(url string) (string, bool) { k, ok := kinds[url]; return k, ok }
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	var open, closed, careerPath, reviews int
	for _, p := range pages {
		for _, e := range career.CheckRefs(p.Path, p.Career, resolve) {
			t.Error(e)
		}
		b, err := p.Career.JSONLD(career.PageFacts{Title: p.Title, Description: p.Description, URL: cfg.BaseURL + p.URL[1:], Date: p.Date}, now)
		if err != nil || (!p.Career.IsZero() && len(b) == 0) {
			t.Errorf("%s: JSONLD = %s, %v", p.Path, b, err)
		}
		d := p.Career
		switch {
		case d.Job != nil && d.Job.Salary == nil:
			t.Errorf("%s: a job without a salary", p.Path)
		case d.Job != nil && d.Job.PostingOpen(now):
			open++
		case d.Job != nil && d.Job.Posting != nil:
			closed++
		case d.Role != nil && d.Role.Guide == career.GuideCareerPath:
			careerPath++
		case d.Certification != nil:
			c := d.Certification
			if c.Cost == nil || c.Duration == nil || c.Review == nil {
				t.Errorf("%s: want cost, duration and review", p.Path)
			}
			reviews++
		}
	}
	if open < 1 || closed < 1 || careerPath < 1 || reviews < 2 {
		t.Errorf("on %s: %d open postings, %d closed, %d career paths, %d certification reviews; want at least 1, 1, 1, 2",
			now.Format(time.DateOnly), open, closed, careerPath, reviews)
	}
}
