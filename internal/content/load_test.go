package content

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/*.txtar")

// TestLoadFixtures runs every testdata/*.txtar archive as a site: its files
// (site.yaml optional) are loaded with Load, and the "want" file holds one
// line per page, then the exact error text.
func TestLoadFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fsys, want := siteOf(ar)
			got := summary(t, fsys)
			if *update {
				setWant(ar, got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !slices.ContainsFunc(ar.Files, func(f txtar.File) bool { return f.Name == "want" }) {
				t.Fatalf("%s has no want file; run go test -update", file)
			}
			if got != want {
				t.Errorf("Load:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func siteOf(ar *txtar.Archive) (fstest.MapFS, string) {
	fsys := fstest.MapFS{}
	var want string
	for _, f := range ar.Files {
		if f.Name == "want" {
			want = string(f.Data)
			continue
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys, want
}

func setWant(ar *txtar.Archive, got string) {
	for i, f := range ar.Files {
		if f.Name == "want" {
			ar.Files[i].Data = []byte(got)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: "want", Data: []byte(got)})
}

// summary loads fsys and describes the result in a stable text form.
func summary(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	cfg := config.Default()
	if _, ok := fsys[config.Name]; ok {
		var err error
		if cfg, err = config.Load(fsys); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := Load(context.Background(), fsys, cfg)
	var b strings.Builder
	for _, p := range pages {
		fmt.Fprintf(&b, "%s %s section=%q kind=%q index=%v body_line=%d\n", p.Path, p.URL, p.Section, p.Kind, p.IsIndex, p.BodyLine)
		fmt.Fprintf(&b, "  %s\n", frontMatterJSON(p.FrontMatter))
		if !p.Career.IsZero() {
			fmt.Fprintf(&b, "  career=%s\n", careerJSON(p.Career))
		}
		fmt.Fprintf(&b, "  body=%q\n", p.Body)
	}
	if err != nil {
		fmt.Fprintf(&b, "errors:\n%s\n", err)
	}
	return b.String()
}

// frontMatterJSON prints the fields that are set, in a stable order.
func frontMatterJSON(fm FrontMatter) string {
	m := map[string]any{}
	add := func(k string, v any, set bool) {
		if set {
			m[k] = v
		}
	}
	add("title", fm.Title, fm.Title != "")
	add("description", fm.Description, fm.Description != "")
	for k, v := range map[string]time.Time{"date": fm.Date, "updated": fm.Updated, "publish_date": fm.PublishDate, "expiry_date": fm.ExpiryDate} {
		add(k, v.Format(time.RFC3339), !v.IsZero())
	}
	add("draft", fm.Draft, fm.Draft)
	add("tags", fm.Tags, fm.Tags != nil)
	add("skills", fm.Skills, fm.Skills != nil)
	add("authors", fm.Authors, fm.Authors != nil)
	add("slug", fm.Slug, fm.Slug != "")
	add("url", fm.URL, fm.URL != "")
	add("aliases", fm.Aliases, fm.Aliases != nil)
	add("weight", fm.Weight, fm.Weight != 0)
	add("layout", fm.Layout, fm.Layout != "")
	add("kind", fm.Kind, fm.Kind != "")
	add("params", fm.Params, fm.Params != nil)
	b, err := json.Marshal(m)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// careerJSON prints the career data with its field names, leaving out
// what is empty.
func careerJSON(d career.Data) string {
	b, err := json.Marshal(d)
	if err != nil {
		return err.Error()
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err.Error()
	}
	b, err = json.Marshal(prune(v))
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// prune drops nulls, empty strings, false, zero times and empty lists and
// objects.
func prune(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if e = prune(e); e == nil {
				delete(x, k)
			} else {
				x[k] = e
			}
		}
		if len(x) == 0 {
			return nil
		}
	case []any:
		if len(x) == 0 {
			return nil
		}
		for i, e := range x {
			x[i] = prune(e)
		}
	case string:
		if x == "" || x == "0001-01-01T00:00:00Z" {
			return nil
		}
	case bool:
		if !x {
			return nil
		}
	case float64:
		if x == 0 {
			return nil
		}
	}
	return v
}

func TestLoadTwoBrokenFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/jobs/a.md": {Data: []byte("---\ntitle: A\n\n\n\n\ndate: next week\n---\nbody\n")},
		"content/jobs/b.md": {Data: []byte("---\ntitle: B\ndate: 2024-01-02\ntags: go\n---\n")},
		"content/jobs/c.md": {Data: []byte("---\ntitle: C\ndate: 2024-01-02\n---\n")},
	}
	pages, err := Load(context.Background(), fsys, config.Default())
	want := `content/jobs/a.md:7:7: date: cannot parse "next week" as a date (want YYYY-MM-DD)` + "\n" +
		"content/jobs/b.md:4:7: tags: want a list, got a string"
	if err == nil || err.Error() != want {
		t.Errorf("Load error =\n%v\nwant\n%s", err, want)
	}
	if len(pages) != 1 || pages[0].Path != "content/jobs/c.md" {
		t.Errorf("Load pages = %v, want only content/jobs/c.md", pages)
	}
	var de *diag.Error
	if !errors.As(err, &de) || de.File != "content/jobs/a.md" || de.Line != 7 {
		t.Errorf("errors.As(*diag.Error) = %+v", de)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fsys := fstest.MapFS{"content/a.md": {Data: []byte("---\ntitle: A\ndate: 2024-01-01\n---\n")}}
	if _, err := Load(ctx, fsys, config.Default()); !errors.Is(err, context.Canceled) {
		t.Errorf("Load(cancelled) = %v, want context.Canceled", err)
	}
}

func TestLoadManyInParallel(t *testing.T) {
	fsys := site(500)
	pages, err := Load(context.Background(), fsys, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 500 {
		t.Fatalf("Load returned %d pages, want 500", len(pages))
	}
	for i := 1; i < len(pages); i++ {
		if pages[i-1].Path >= pages[i].Path {
			t.Fatalf("pages not sorted: %s before %s", pages[i-1].Path, pages[i].Path)
		}
	}
}

func TestLoadNoContentDir(t *testing.T) {
	pages, err := Load(context.Background(), fstest.MapFS{"site.yaml": {}}, config.Default())
	if err != nil || len(pages) != 0 {
		t.Errorf("Load(no content/) = %v, %v, want no pages and no error", pages, err)
	}
}

// site makes n job pages with YAML front matter of a realistic size.
func site(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := range n {
		fsys[fmt.Sprintf("content/jobs/job-%05d.md", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, `---
title: Job %d
description: What a job number %d does all day.
date: 2024-03-01
updated: 2024-04-01
tags: [go, sql, docker]
skills: [communication, testing]
weight: %d
seniority: mid
employment_type: [FULL_TIME]
responsibilities:
  - Build and run the services the job is about
  - Review other people's changes
requirements: [Go, SQL]
experience_years: {min: 2, max: 5}
salary:
  currency: EUR
  min: 40000
  max: 90000
  median: 61000
  period: year
  location: {country: PT}
  source: {name: A survey, url: "https://example.org/survey"}
  as_of: 2024-01-01
related_roles: [/roles/x/]
office_dog: true
---
# Job %d

Some text about the job, with a [link](/roles/x/).
`, i, i, i, i)}
	}
	return fsys
}

func BenchmarkLoad10000(b *testing.B) {
	fsys := site(10000)
	cfg := config.Default()
	for b.Loop() {
		if _, err := Load(context.Background(), fsys, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
