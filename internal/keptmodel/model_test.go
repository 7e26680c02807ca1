package keptmodel

import (
	"slices"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
)

type noWords struct{}

func (noWords) Or(_, fallback string) string { return fallback }

var made = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// keep makes the Model of the content files text (by path) published at
// the moment made, with files as its generated files.
func keep(t *testing.T, text map[string]string, files ...generate.File) *Model {
	t.Helper()
	cfg := config.Default()
	links, err := model.NewLinker("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	var all []*content.Page
	for _, path := range slices.Sorted(func(yield func(string) bool) {
		for p := range text {
			if !yield(p) {
				return
			}
		}
	}) {
		p, err := content.Parse(path, []byte(text[path]), cfg)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, p)
	}
	pub := content.Publishing{Now: made}.Published(all)
	m, errs := model.Index(cfg, links, pub, make([]model.Body, len(pub)), func(*model.Page) bool { return true }, func(string) model.Words { return noWords{} }, made)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return New(Made{Config: cfg, Links: links, Model: m, Files: files, Pub: pub, All: all, Now: made, Paged: map[*model.Page]bool{}})
}

// New indexes the pages by file, the published sources and the jobs, and
// sorts the generated files.
func TestNew(t *testing.T) {
	m := keep(t, map[string]string{
		"content/jobs/a.md":   "---\ntitle: A\ndate: 2026-01-01\nkind: job\nrole: A\nemployment_type: [FULL_TIME]\nseniority: junior\nlocation: {remote: true}\n---\nBody.\n",
		"content/guides/b.md": "---\ntitle: B\ndate: 2026-01-02\n---\nBody.\n",
		"content/guides/c.md": "---\ntitle: C\ndate: 2026-04-01\n---\nNot yet published.\n",
	}, generate.File{Name: "z.xml"}, generate.File{Name: "a.xml"})
	if !m.Published["content/guides/b.md"] || m.Published["content/guides/c.md"] {
		t.Errorf("Published = %v, want b and not c", m.Published)
	}
	if len(m.ByFile["content/guides/b.md"]) != 1 || m.ByFile["content/guides/b.md"][0].Title != "B" {
		t.Errorf("ByFile of b = %v", m.ByFile["content/guides/b.md"])
	}
	if len(m.Jobs) != 1 || m.Jobs[0].Title != "A" {
		t.Errorf("Jobs = %v, want the page A", m.Jobs)
	}
	if m.Files[0].Name != "a.xml" || m.Files[1].Name != "z.xml" {
		t.Errorf("Files not sorted: %s, %s", m.Files[0].Name, m.Files[1].Name)
	}
	if !slices.ContainsFunc(m.TimeSensitive, func(p *content.Page) bool { return p.Path == "content/guides/c.md" }) {
		t.Error("the page due in April is not time-sensitive")
	}
}

// StillValid holds until a page becomes due, and never when the clock
// goes back.
func TestStillValid(t *testing.T) {
	m := keep(t, map[string]string{
		"content/guides/b.md": "---\ntitle: B\ndate: 2026-01-02\n---\nBody.\n",
		"content/guides/c.md": "---\ntitle: C\ndate: 2026-03-11T00:00:00Z\n---\nDue the next day.\n",
	})
	for _, c := range []struct {
		now  time.Time
		want bool
	}{
		{made, true},
		{made.Add(time.Hour), true},
		{made.Add(-time.Second), false},
		{made.Add(24 * time.Hour), false},
	} {
		if got := m.StillValid(content.Publishing{Now: c.now}, c.now); got != c.want {
			t.Errorf("StillValid at %v = %v, want %v", c.now, got, c.want)
		}
	}
}

// ChangeOutputs takes the outputs gone out of the files, the items and
// redo, and puts the files and items made in, sorted, named in redo; a
// file that is only claimed gets no item, and an output in redo already
// that stays keeps its one item.
func TestChangeOutputs(t *testing.T) {
	m := keep(t, map[string]string{"content/guides/b.md": "---\ntitle: B\ndate: 2026-01-02\n---\nBody.\n"},
		generate.File{Name: "b.xml"}, generate.File{Name: "d.xml"})
	m.Items = []*Item{{Name: "b.xml", Gen: &m.Files[0]}, {Name: "d.xml", Gen: &m.Files[1]}, {Name: "p/index.html"}}
	redo := map[string]bool{"b.xml": true, "d.xml": true}
	made := &Item{Name: "c/index.html"}
	m.ChangeOutputs([]string{"b.xml"}, []generate.File{{Name: "a.xml"}, {Name: "old/", ClaimOnly: true}}, []*Item{made}, redo)
	var files, items []string
	for _, f := range m.Files {
		files = append(files, f.Name)
	}
	for _, it := range m.Items {
		items = append(items, it.Name)
	}
	if want := []string{"a.xml", "d.xml", "old/"}; !slices.Equal(files, want) {
		t.Errorf("files = %q, want %q", files, want)
	}
	if want := []string{"a.xml", "c/index.html", "d.xml", "p/index.html"}; !slices.Equal(items, want) {
		t.Errorf("items = %q, want %q", items, want)
	}
	if redo["b.xml"] || !redo["a.xml"] || !redo["c/index.html"] || !redo["d.xml"] {
		t.Errorf("redo = %v, want a.xml, c/index.html and d.xml", redo)
	}
	if m.Items[0].Gen != &m.Files[0] {
		t.Error("the item of a.xml is not its file")
	}
	if !m.Claims("old/") || !m.Claims("c/index.html") || m.Claims("b.xml") {
		t.Error("Claims does not follow the outputs changed")
	}
}

// ReplaceFiles puts a file in the place of the one of its name, in the
// files and the items, without changing the model it was copied from.
func TestReplaceFiles(t *testing.T) {
	m := keep(t, map[string]string{"content/guides/b.md": "---\ntitle: B\ndate: 2026-01-02\n---\nBody.\n"},
		generate.File{Name: "a.xml", Owner: "old"}, generate.File{Name: "b.xml"})
	m.Items = []*Item{{Name: "a.xml", Gen: &m.Files[0]}, {Name: "b.xml", Gen: &m.Files[1]}}
	files := m.Files
	redo := map[string]bool{}
	m.ReplaceFiles([]generate.File{{Name: "a.xml", Owner: "new"}}, redo)
	if m.Files[0].Owner != "new" || m.Items[0].Gen.Owner != "new" || !redo["a.xml"] || redo["b.xml"] {
		t.Errorf("file %q, item %q, redo %v", m.Files[0].Owner, m.Items[0].Gen.Owner, redo)
	}
	if files[0].Owner != "old" {
		t.Error("the files of before were changed in place")
	}
}
