package buildrecord

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/diskfs"
	"github.com/careersite/careersite/internal/uptodate"
)

const job = "---\nkind: job\ntitle: Open job\ndate: 2026-11-01\n" +
	"salary: {currency: USD, min: 1, max: 2, period: year, as_of: 2026-10-28}\n" +
	"posting:\n  organization: {name: Acme}\n  date_posted: 2026-11-01\n  valid_through: 2026-11-30\n  location: {country: US}\n---\nApply.\n"

func at(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// A kept record answers a build at any time whose clocks read inside
// its intervals, with the report kept, and none whose clocks cross the
// date of a page, the end of a posting, or the day a salary's as_of
// grows older than stale_after.
func TestAnswerUntilAClockCrossesAMoment(t *testing.T) {
	dir := t.TempDir()
	src, dest := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	for _, d := range []string{filepath.Join(src, "content/jobs"), dest} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(src, "content/jobs/open.md"), []byte(job), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := cache.Open(filepath.Join(dir, "cache"), cache.Key{1})
	if err != nil {
		t.Fatal(err)
	}
	built := at(t, "2026-11-24 12:00")
	reads := uptodate.NewFS(diskfs.New(src), time.Now, filepath.Join(dir, "cache"))
	data, err := fs.ReadFile(reads, "content/jobs/open.md")
	if err != nil {
		t.Fatal(err)
	}
	page, err := content.ParseFile("content/jobs/open.md", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	warning := diag.At("content/jobs/open.md", 2, 1, "a warning")
	span := config.Span{Months: 1}
	Keep(c, cache.Key{2}, reads, built, span, []*content.Page{page, nil}, nil, uptodate.Report{Pages: 1, Files: 3, Warnings: []*diag.Error{warning}})

	for _, step := range []struct {
		now  string
		want bool
	}{
		{"2026-11-24 12:00", true},
		{"2026-11-28 00:00", true},
		{"2026-10-31 23:59", false}, // before the job's date
		{"2026-11-28 00:01", false}, // the salary's as_of is more than a month old
		{"2026-12-01 00:00", false}, // the posting closed
	} {
		rep, ok := Answer(c, cache.Key{2}, src, dest, at(t, step.now))
		if ok != step.want {
			t.Errorf("at %s: answered %v, want %v", step.now, ok, step.want)
		}
		if ok && (rep.Pages != 1 || rep.Files != 3 || rep.Months != 1 || len(rep.Warnings) != 1 || rep.Warnings[0].Error() != warning.Error()) {
			t.Errorf("at %s: the report is %+v, not the one kept", step.now, rep)
		}
	}
	if _, ok := Answer(c, cache.Key{3}, src, dest, built); ok {
		t.Errorf("a build with another key was answered")
	}
	if err := os.WriteFile(filepath.Join(src, "content/jobs/open.md"), []byte(job+"Edited.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := Answer(c, cache.Key{2}, src, dest, built); ok {
		t.Errorf("a build after the page changed was answered")
	}
}
