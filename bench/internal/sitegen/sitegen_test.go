package sitegen

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
