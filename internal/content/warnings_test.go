package content

import (
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
)

func TestPageWarnings(t *testing.T) {
	in := "---\ntitle: X\ndate: 2024-01-02\ndescription: " + strings.Repeat("é", 161) + "\nsalary:\n  currency: USD\n  min: 1\n  max: 2\n  period: year\n  as_of: 2025-01-01\n---\n"
	p, err := Parse("content/jobs/x.md", []byte(in), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	want := "content/jobs/x.md:4:14: description: 161 characters; search results show about 160\n" +
		"content/jobs/x.md:10:10: salary.as_of: 2025-01-01 is more than 12 months old (stale_after in site.yaml); check the figures again\n"
	var got strings.Builder
	for _, w := range p.Warnings(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), cfg) {
		got.WriteString(w.Error() + "\n")
	}
	if got.String() != want {
		t.Errorf("Warnings =\n%s\nwant\n%s", got.String(), want)
	}
	cfg.StaleAfter = config.Span{Months: 13}
	if ws := p.Warnings(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), cfg); len(ws) != 1 {
		t.Errorf("Warnings with stale_after 13 months = %v, want only the description", ws)
	}
}
