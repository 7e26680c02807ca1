package site

import (
	"bytes"
	"cmp"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/search"
	"github.com/careersite/careersite/internal/searchindex"
)

const searchSite = `
-- site.yaml --
title: Search
base_url: https://example.org/careers/
sections:
  jobs: job
-- layouts/_default/baseof.html --
{{ block "main" . }}{{ end }}
-- layouts/_default/home.html --
{{ define "main" }}home{{ end }}
-- layouts/_default/section.html --
{{ define "main" }}section{{ end }}
-- layouts/_default/single.html --
{{ define "main" }}{{ .Content }}{{ end }}
-- layouts/_default/search.html --
{{ define "main" }}search page{{ end }}
-- layouts/_default/404.html --
{{ define "main" }}not found{{ end }}
-- layouts/_default/taxonomy.html --
{{ define "main" }}terms{{ end }}
-- layouts/_default/term.html --
{{ define "main" }}term{{ end }}
-- content/jobs/dba.md --
---
title: Database administrator
description: Keeps PostgreSQL running.
date: 2026-01-02
skills: [PostgreSQL, Linux]
---
## Backups and <em>replication</em>

Runs *Postgres* &amp; restores backups.
-- content/jobs/_index.md --
---
title: Jobs
---
Every job mentions PostgreSQL here, but a section is not indexed.
-- content/guides/tuning.md --
---
title: Tuning queries
date: 2026-01-03
---
Read the plan of a slow query before adding an index in PostgreSQL.

<!--more-->

More about indexes.
-- content/search.md --
---
title: Search
date: 2026-01-01
layout: search
---
PostgreSQL everywhere, but the search page is not indexed.
`

// openSearch opens the search index in a build's output folder.
func openSearch(t *testing.T, dest string) *search.Index {
	t.Helper()
	ix, err := search.Open(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dest, "search", filepath.FromSlash(name)))
	})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSearchIndex(t *testing.T) {
	src := writeSite(t, searchSite)
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, src, dest); err != nil {
		t.Fatal(err)
	}
	ix := openSearch(t, dest)
	total, got, err := ix.Search(search.Query{Text: "postgres"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []search.Record{
		{URL: "jobs/dba/", Title: "Database administrator", Kind: "job", Summary: "Keeps PostgreSQL running."},
		{URL: "guides/tuning/", Title: "Tuning queries", Kind: "article", Summary: "Read the plan of a slow query before adding an index in PostgreSQL."},
	}
	var records []search.Record
	for _, r := range got {
		records = append(records, r.Record)
	}
	if total != 2 || !slices.Equal(records, want) {
		t.Errorf("postgres: %d results %+v, want %+v", total, records, want)
	}
	// The body is read from the converted HTML: headings, inline markup
	// and character references.
	for _, q := range []string{"replication", "restores backups", "linux", "indexes"} {
		if n, _, _ := ix.Search(search.Query{Text: q}, 0); n != 1 {
			t.Errorf("%q: %d results, want 1", q, n)
		}
	}
	if n, _, _ := ix.Search(search.Query{Text: "postgres", Skill: "postgresql"}, 0); n != 1 {
		t.Errorf("postgres with skill postgresql: %d results, want 1", n)
	}
}

func TestSearchIndexIsIndependentOfBaseURL(t *testing.T) {
	src := writeSite(t, searchSite)
	a, b := filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "public")
	for dest, base := range map[string]string{a: "https://example.org/careers/", b: "http://127.0.0.1:1313/"} {
		if _, err := Build(context.Background(), Options{Source: src, Dest: dest, BaseURL: base, Now: testNow, Theme: fstest.MapFS{}}); err != nil {
			t.Fatal(err)
		}
	}
	if x, y := readTree(t, filepath.Join(a, "search"), ""), readTree(t, filepath.Join(b, "search"), ""); len(x) == 0 || !maps.EqualFunc(x, y, bytes.Equal) {
		t.Errorf("the search index depends on the base URL:\n%v\n%v", slices.Sorted(maps.Keys(x)), slices.Sorted(maps.Keys(y)))
	}
}

// BenchmarkSearchIndex measures the search index's share of a whole build
// of the site in $CAREERSITE_BENCH_SITE (default: the example site), with
// the default theme: build-ms is a whole build (the index included),
// index-ms the index alone (searchindex.Files) on the same model.
//
//	go run ./bench/gen -n 10000 -out /tmp/gen10k
//	CAREERSITE_BENCH_SITE=/tmp/gen10k go test ./internal/site -run '^$' -bench SearchIndex -benchtime 3x
func BenchmarkSearchIndex(b *testing.B) {
	opts := Options{Source: cmp.Or(os.Getenv("CAREERSITE_BENCH_SITE"), "../.."), Theme: careersite.Theme()}
	ctx := context.Background()
	var build, index time.Duration
	for b.Loop() {
		opts.Dest = filepath.Join(b.TempDir(), "public")
		bl, err := New(opts)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := bl.Build(ctx, nil); err != nil {
			b.Fatal(err)
		}
		build += time.Since(start)
		start = time.Now()
		files, err := searchindex.Files(bl.m.Pages, nil, bl.words)
		index += time.Since(start)
		if err != nil || len(files) == 0 {
			b.Fatal("no search index")
		}
	}
	b.ReportMetric(float64(build.Milliseconds())/float64(b.N), "build-ms")
	b.ReportMetric(float64(index.Milliseconds())/float64(b.N), "index-ms")
	b.ReportMetric(100*float64(index)/float64(build), "index-%")
}

// careerSearchSite adds to searchSite a job and a certification review
// whose front matter holds the prose their pages show as lists, and a
// guide that is not to be indexed.
const careerSearchSite = searchSite + `
-- content/jobs/sre.md --
---
title: model.Site reliability engineer
date: 2026-01-04
responsibilities: [Lead incident response for the payments platform]
requirements: [On-call experience with Kubernetes]
nice_to_have: [Terraform modules]
---
Keeps services up.
-- content/guides/cka.md --
---
title: CKA review
date: 2026-01-05
kind: certification
credential:
  name: Certified Kubernetes Administrator
  provider: {name: CNCF}
  prerequisites: [Linux shell fluency]
review:
  rating: 4
  verdict: Worth it for cluster operators.
  pros: [A hands-on exam]
  cons: [Expensive retakes]
---
A review.
-- content/guides/private.md --
---
title: Private notes
date: 2026-01-06
hidden_from: [search]
---
Notes on PostgreSQL that are not for the index.
`

// TestSearchIndexesCareerLists: the responsibilities, requirements and
// nice-to-have of a job, and the prerequisites, verdict, pros and cons of
// a certification review, are found as the body is.
func TestSearchIndexesCareerLists(t *testing.T) {
	src := writeSite(t, careerSearchSite)
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, src, dest); err != nil {
		t.Fatal(err)
	}
	ix := openSearch(t, dest)
	for q, want := range map[string]string{
		"incident response": "jobs/sre/",
		"on-call":           "jobs/sre/",
		"terraform modules": "jobs/sre/",
		"shell fluency":     "guides/cka/",
		"cluster operators": "guides/cka/",
		"hands-on exam":     "guides/cka/",
		"expensive retakes": "guides/cka/",
	} {
		n, got, err := ix.Search(search.Query{Text: q}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 || got[0].URL != want {
			t.Errorf("%q: %d results %+v, want %s alone", q, n, got, want)
		}
	}
}

// TestSearchHiddenFrom: a page with hidden_from: [search] is not in the
// index, and is still built.
func TestSearchHiddenFrom(t *testing.T) {
	src := writeSite(t, careerSearchSite)
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, src, dest); err != nil {
		t.Fatal(err)
	}
	if n, got, _ := openSearch(t, dest).Search(search.Query{Text: "private notes"}, 10); n != 0 {
		t.Errorf("private notes: %d results %+v, want none", n, got)
	}
	if _, err := os.Stat(filepath.Join(dest, "guides", "private", "index.html")); err != nil {
		t.Errorf("the page hidden from search was not built: %v", err)
	}
}

// TestSessionEditsHiddenFromAndCareerLists edits, under a Builder kept for
// a session, what decides which pages the lists, feeds, sitemap and search
// index hold (hidden_from) and the job lists the index reads: after each
// edit the output is the one a fresh build makes.
func TestSessionEditsHiddenFromAndCareerLists(t *testing.T) {
	src := writeSite(t, careerSearchSite)
	opts := Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), Now: testNow, Theme: fstest.MapFS{},
		CacheDir: filepath.Join(t.TempDir(), "cache")}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		t.Helper()
		file := filepath.Join(src, filepath.FromSlash(name))
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(data), old, new, 1)
		if text == string(data) {
			t.Fatalf("%s has no %q", name, old)
		}
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Build(ctx, []string{name}); err != nil {
			t.Fatal(err)
		}
		fresh := opts
		fresh.CacheDir, fresh.Dest = "", filepath.Join(t.TempDir(), "public")
		buildOnce(t, fresh)
		compareTrees(t, 0, "after "+name+": "+new, dirFiles(t, fresh.Dest), dirFiles(t, opts.Dest))
	}
	edit("content/jobs/sre.md", "Lead incident response", "Plan capacity")
	if n, _, _ := openSearch(t, opts.Dest).Search(search.Query{Text: "capacity"}, 0); n != 1 {
		t.Errorf("capacity: %d results after the edit, want 1", n)
	}
	edit("content/guides/tuning.md", "date: 2026-01-03\n", "date: 2026-01-03\nhidden_from: [lists, feeds, sitemap, search]\n")
	edit("content/guides/tuning.md", "hidden_from: [lists, feeds, sitemap, search]", "hidden_from: [feeds]")
	edit("content/guides/private.md", "hidden_from: [search]", "hidden_from: []")
	edit("content/jobs/dba.md", "date: 2026-01-02\n", "date: 2026-01-02\nhidden_from: [sitemap, lists]\n")
}
