package sitegen

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestVocabularies(t *testing.T) {
	if len(skills) != 150 {
		t.Errorf("%d skills, want 150", len(skills))
	}
	for name, list := range map[string][]string{"skills": skills, "tags": tags} {
		seen := map[string]bool{}
		for _, s := range list {
			if seen[s] {
				t.Errorf("%s: %q twice", name, s)
			}
			seen[s] = true
		}
	}
	for _, f := range families {
		for _, s := range f.skills {
			if !slices.Contains(skills, s) {
				t.Errorf("%s: skill %q is not in the vocabulary", f.name, s)
			}
		}
		for _, s := range f.tags {
			if !slices.Contains(tags, s) {
				t.Errorf("%s: tag %q is not in the vocabulary", f.name, s)
			}
		}
	}
}

// TestDeterministic generates a site twice, and checks that page i does not
// depend on how many pages there are.
func TestDeterministic(t *testing.T) {
	a := Generate(Options{Pages: 60})
	b := Generate(Options{Pages: 60})
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("two sites of the same options differ")
	}
	small := Generate(Options{Pages: 30})
	for name, data := range small {
		if filepath.Base(name) == "_index.md" {
			continue
		}
		if other, ok := a[name]; !ok || len(other) == 0 {
			t.Errorf("%s of a 30-page site is not in a 60-page one", name)
		}
		_ = data // bodies link to other pages, so only the names must match
	}
	if c := Generate(Options{Pages: 60, Seed: 7}); maps.EqualFunc(a, c, bytes.Equal) {
		t.Error("another seed gives the same site")
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	st, err := WriteHugo(dir, Options{Pages: 40})
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages != 40 || st.Kinds["article"] != 20 || st.Kinds["job"] != 8 || st.Kinds["role"] != 8 || st.Kinds["certification"] != 4 {
		t.Errorf("Stats = %+v, want 40 pages: 20 articles, 8 jobs, 8 roles, 4 certifications", st)
	}
	if st.CodeBlocks == 0 || st.Distinct == 0 || st.Distinct > st.CodeBlocks {
		t.Errorf("Stats: %d code blocks, %d distinct", st.CodeBlocks, st.Distinct)
	}
	for _, name := range []string{"config.yaml", "layouts/_default/single.html", "content/_index.md", "content/jobs/_index.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	var files []string
	filepath.WalkDir(filepath.Join(dir, "content"), func(path string, _ os.DirEntry, err error) error {
		if err == nil && filepath.Ext(path) == ".md" {
			files = append(files, path)
		}
		return err
	})
	if len(files) != 45 {
		t.Errorf("%d Markdown files, want 45 (40 pages, the home page and 4 sections)", len(files))
	}
}

// TestShortcodesOnlyAdd: the shortcode section is drawn from a random
// source of its own, so a page with it is the page without it plus the
// section, and the plain site of earlier figures is unchanged.
func TestShortcodesOnlyAdd(t *testing.T) {
	plain := Generate(Options{Pages: 20})
	for _, inline := range []bool{false, true} {
		rich := Generate(Options{Pages: 20, Shortcodes: true, Inline: inline})
		for name, data := range plain {
			got := rich[name]
			head, _, _ := bytes.Cut(got, []byte("## At a glance\n"))
			if filepath.Base(name) != "_index.md" && (len(head) == len(got) || !bytes.HasPrefix(data, head)) {
				t.Errorf("inline %v: %s is not the plain page with a section added", inline, name)
			}
		}
	}
}

// TestSectionSizes: the documentation profile has about one section per
// hundred pages, 20 to 700 pages each at 10,000, adding up to the pages
// asked for at every size.
func TestSectionSizes(t *testing.T) {
	for _, n := range []int{1, 7, 149, 2000, 10000, 100000} {
		sizes := sectionSizes(n)
		sum := 0
		for _, k := range sizes {
			if k < 1 {
				t.Errorf("sectionSizes(%d) has a section of %d pages", n, k)
			}
			sum += k
		}
		if sum != n {
			t.Errorf("sectionSizes(%d) adds up to %d", n, sum)
		}
		if want := max(1, (n+50)/100); len(sizes) != want {
			t.Errorf("sectionSizes(%d): %d sections, want %d", n, len(sizes), want)
		}
	}
	sizes := sectionSizes(10000)
	if lo, hi := slices.Min(sizes), slices.Max(sizes); lo < 20 || hi > 700 || hi < 500 {
		t.Errorf("sectionSizes(10000) runs from %d to %d pages, want 20 to 700 with a long tail", lo, hi)
	}
}

// TestDocsProfile generates the documentation profile twice, checks that
// it is the same, that every page has the short front matter and every
// link names a generated page, and that another seed changes it.
func TestDocsProfile(t *testing.T) {
	opts := Options{Pages: 300, Profile: Docs}
	a, b := Generate(opts), Generate(opts)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("two sites of the same options differ")
	}
	if len(a) != 300+1+3 {
		t.Errorf("%d files, want 304 (300 pages, the home page and 3 sections)", len(a))
	}
	urls := map[string]bool{}
	for name := range a {
		urls["/"+strings.TrimSuffix(strings.TrimPrefix(name, "content/"), ".md")+"/"] = true
	}
	link := regexp.MustCompile(`\]\((/[^)]*)\)`)
	for name, data := range a {
		if strings.HasSuffix(name, "/_index.md") {
			continue
		}
		front, _, _ := bytes.Cut(bytes.TrimPrefix(data, []byte("---\n")), []byte("\n---\n"))
		var keys []string
		for _, line := range strings.Split(string(front), "\n") {
			key, _, _ := strings.Cut(line, ":")
			keys = append(keys, key)
		}
		if want := []string{"title", "description", "date", "tags"}; !slices.Equal(keys, want) {
			t.Errorf("%s: front matter keys %q, want %q", name, keys, want)
		}
		for _, m := range link.FindAllSubmatch(data, -1) {
			if !urls[string(m[1])] {
				t.Errorf("%s links to %s, which is no page", name, m[1])
			}
		}
	}
	if c := Generate(Options{Pages: 300, Profile: Docs, Seed: 7}); maps.EqualFunc(a, c, bytes.Equal) {
		t.Error("another seed gives the same site")
	}
}

// TestMinimalTheme: -theme minimal gives both sites layouts/ of their
// own, careersite's with a page template under each career kind's name so
// that the embedded theme's are never used.
func TestMinimalTheme(t *testing.T) {
	cs, hugo := t.TempDir(), t.TempDir()
	opts := Options{Pages: 20, Theme: MinimalTheme}
	if _, err := Write(cs, opts); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteHugo(hugo, opts); err != nil {
		t.Fatal(err)
	}
	single, err := os.ReadFile(filepath.Join(cs, "layouts/_default/single.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"job", "role", "certification"} {
		if got, err := os.ReadFile(filepath.Join(cs, "layouts/_default", k+".html")); err != nil || !bytes.Equal(got, single) {
			t.Errorf("layouts/_default/%s.html is not the page template (%v)", k, err)
		}
	}
	for _, name := range []string{"layouts/_default/single.html", "layouts/_default/list.html", "layouts/index.html"} {
		if _, err := os.Stat(filepath.Join(hugo, name)); err != nil {
			t.Error(err)
		}
	}
}

func TestOptionsRefused(t *testing.T) {
	for _, opts := range []Options{
		{Pages: 1, Profile: "blog"},
		{Pages: 1, Theme: "fancy"},
		{Pages: 1, Profile: Docs, Shortcodes: true},
		{Pages: 1, Theme: MinimalTheme, Shortcodes: true},
	} {
		if _, err := Write(t.TempDir(), opts); err == nil {
			t.Errorf("Write(%+v) succeeded, want an error", opts)
		}
	}
}
