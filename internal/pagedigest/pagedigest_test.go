package pagedigest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/model"
)

type noWords struct{}

func (noWords) Or(_, fallback string) string { return fallback }

// index makes the pages of the content files text, by path.
func index(t *testing.T, text map[string]string) map[string]*model.Page {
	t.Helper()
	cfg := config.Default()
	links, err := model.NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	var all []*content.Page
	for path, s := range text {
		p, err := content.Parse(path, []byte(s), cfg)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, p)
	}
	pub := content.Publishing{Now: now}.Published(all)
	s, errs := model.Index(cfg, links, pub, make([]model.Body, len(pub)), func(*model.Page) bool { return true }, func(string) model.Words { return noWords{} }, now)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	byPath := map[string]*model.Page{}
	for _, p := range s.Pages {
		if p.File != "" {
			byPath[p.File] = p
		}
	}
	return byPath
}

const job = "---\ntitle: A\ndate: 2026-01-01\nkind: job\nrole: A\nemployment_type: [FULL_TIME]\nseniority: %s\nlocation: {remote: true}\n---\nBody.\n"

// TestCareerData: a page's digests change with its career data alone, and
// the career data's digest is made once per value and kept for a build
// after Rotate, not two.
func TestCareerData(t *testing.T) {
	junior := index(t, map[string]string{"content/jobs/a.md": fmt.Sprintf(job, "junior")})["content/jobs/a.md"]
	senior := index(t, map[string]string{"content/jobs/a.md": fmt.Sprintf(job, "senior")})["content/jobs/a.md"]
	var mk Maker
	a, b := mk.Page(junior), mk.Page(senior)
	if reflect.DeepEqual(a, b) {
		t.Error("the digests of two jobs that differ in seniority alone are the same")
	}
	if again := mk.Pages([]*model.Page{junior})[junior]; !reflect.DeepEqual(again, a) {
		t.Error("Pages and Page differ")
	}
	if _, ok := mk.career.Get(junior.Job); !ok {
		t.Error("the digest of the job's data is not kept")
	}
	mk.Rotate()
	mk.Rotate()
	if _, ok := mk.career.Get(junior.Job); ok {
		t.Error("the digest of data no build read is kept after two Rotates")
	}
}
