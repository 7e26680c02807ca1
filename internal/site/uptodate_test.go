package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/testsite"
)

// buildRecorded builds as `careersite build` does (Build) and returns how
// the model was made ("up to date" when the record of the last build
// answered) and the result.
func buildRecorded(t *testing.T, opts Options) (string, *Result) {
	t.Helper()
	b, err := newOnce(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer b.spill.close()
	res, err := b.buildOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if b.stats.how == "up to date" && len(b.sources) > 0 {
		t.Errorf("a build that was up to date read %d content files", len(b.sources))
	}
	return b.stats.how, res
}

// settleAll sets the modification time of every file and folder of dir
// an hour back (filestamp.Settle): a build of them keeps a record.
func settleAll(t *testing.T, dir string) {
	t.Helper()
	mod := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, mod, mod)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sameReport fails unless two builds reported the same pages, files and
// warnings.
func sameReport(t *testing.T, what string, got, want *Result) {
	t.Helper()
	if got.Pages != want.Pages || got.Files != want.Files || !reflect.DeepEqual(got.Warnings, want.Warnings) {
		t.Errorf("%s reported %d pages, %d files, warnings %v; want %d, %d, %v", what, got.Pages, got.Files, got.Warnings, want.Pages, want.Files, want.Warnings)
	}
}

// TestBuildUpToDate builds a site again and again as `careersite build`
// does: with nothing changed, the record of the last build answers, and
// the build reports what that one did; after any change of an input —
// a page edited, added or removed, a layout, a data file, an asset,
// site.yaml — or of the output — a file removed or written over — or of the flags,
// it builds, and gives what a build without the cache gives.
func TestBuildUpToDate(t *testing.T) {
	opts := cachedSite(t, 12)
	settleAll(t, opts.Source)
	if how, _ := buildRecorded(t, opts); how == "up to date" {
		t.Fatal("the first build was up to date")
	}
	src, dest, cur := opts.Source, opts.Dest, opts
	write := func(name, text string) func() {
		return func() { writeFile(t, filepath.Join(src, filepath.FromSlash(name)), []byte(text)) }
	}
	remove := func(dir, name string) func() {
		return func() {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, step := range []struct {
		what   string
		change func()
		drafts bool
	}{
		{what: "a page edited", change: func() { appendTo(t, src, 3, "\nOne more line.\n") }},
		{what: "a page added", change: write("content/guides/added.md", "---\ntitle: Added\ndate: 2025-02-03\n---\nNew.\n")},
		{what: "a page removed", change: remove(src, "content/guides/added.md")},
		{what: "a layout added", change: write("layouts/_default/single.html", "<p>{{ .Title }}</p>\n")},
		{what: "a data file added", change: write("data/team.yaml", "lead: Ana\n")},
		{what: "an asset added", change: write("assets/css/extra.css", "p { margin: 0 }\n")},
		{what: "site.yaml edited", change: write("site.yaml", strings.Replace(testsite.Config, "title: Generated Careers", "title: Edited Careers", 1))},
		{what: "an output removed", change: remove(dest, "index.html")},
		{what: "an output written over", change: func() { writeFile(t, filepath.Join(dest, "index.html"), []byte("<p>mine</p>")) }},
		{what: "the drafts flag", change: func() {}, drafts: true},
		{what: "the drafts flag back", change: func() {}},
	} {
		settleAll(t, src)
		_, built := buildRecorded(t, cur) // recorded: every file settled since the last change
		how, again := buildRecorded(t, cur)
		if how != "up to date" {
			t.Fatalf("before %s, a build with nothing changed was %q, not up to date", step.what, how)
		}
		sameReport(t, "a build up to date before "+step.what, again, built)
		step.change()
		o := opts
		o.Drafts = step.drafts
		if how, _ := buildRecorded(t, o); how == "up to date" {
			t.Errorf("after %s, the build was up to date", step.what)
		}
		sameAsWithoutCache(t, o, "build after "+step.what)
		cur = o
	}
}

// TestBuildUpToDateUntilAMoment: a build with nothing changed is up to
// date until the time crosses a moment that changes what the site
// publishes or warns of — a page's publish_date, the end of a posting's
// valid_through, the day its salary's as_of becomes older than
// stale_after — and then builds what a build without the cache builds at
// that time; the warnings of the last build are reported again.
func TestBuildUpToDateUntilAMoment(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	long := "A description that runs on and on, longer than any search engine shows in its results, so that the build warns of it every time, up to date or not, as it must, and says how long it is."
	for name, text := range map[string]string{
		"site.yaml":                      "title: Moments\nstale_after: 1 month\n",
		"layouts/_default/home.html":     "home",
		"layouts/_default/section.html":  "{{ range .Pages }}{{ .Title }}, {{ end }}",
		"layouts/_default/taxonomy.html": "taxonomy",
		"layouts/_default/term.html":     "term",
		"layouts/_default/404.html":      "404",
		"layouts/_default/single.html":   "{{ .Title }}: open={{ .PostingOpen }} closed={{ .PostingClosed }}",
		"content/guides/later.md":        "---\ntitle: Later\ndate: 2026-11-01\npublish_date: 2026-11-26\n---\nSoon.\n",
		"content/jobs/open.md": "---\ntitle: Open job\ndate: 2026-11-01\ndescription: " + long + "\n" +
			"salary: {currency: USD, min: 1, max: 2, period: year, as_of: 2026-10-28}\n" +
			"posting:\n  organization: {name: Acme}\n  date_posted: 2026-11-01\n  valid_through: 2026-11-30\n  location: {country: US}\n---\nApply.\n",
	} {
		writeFile(t, filepath.Join(src, filepath.FromSlash(name)), []byte(text))
	}
	settleAll(t, src)
	opts := Options{Source: src, Dest: filepath.Join(dir, "public"), CacheDir: filepath.Join(src, ".careersite", "cache"), Theme: fstest.MapFS{}}
	at := func(s string) time.Time {
		t.Helper()
		tm, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	var last *Result
	for _, step := range []struct {
		now      string
		upToDate bool
		warnings int
	}{
		{"2026-11-24 12:00", false, 1},
		{"2026-11-24 13:00", true, 1},
		{"2026-11-25 23:59", true, 1},
		{"2026-11-26 00:00", false, 1}, // Later is published
		{"2026-11-26 01:00", true, 1},
		{"2026-11-28 12:00", false, 2}, // the salary's as_of is more than a month old
		{"2026-11-28 13:00", true, 2},
		{"2026-12-01 00:00", false, 3}, // the posting closed
		{"2026-12-01 01:00", true, 3},
	} {
		o := opts
		o.Now = at(step.now)
		how, res := buildRecorded(t, o)
		if (how == "up to date") != step.upToDate {
			t.Errorf("at %s the build was %q, want up to date %v", step.now, how, step.upToDate)
		}
		if len(res.Warnings) != step.warnings {
			t.Errorf("at %s the build warned %v, want %d warnings", step.now, res.Warnings, step.warnings)
		}
		if step.upToDate {
			sameReport(t, "the build at "+step.now, res, last)
		}
		sameAsWithoutCache(t, o, "build at "+step.now)
		last = res
	}
}
