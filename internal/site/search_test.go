package site

import (
	"bytes"
	"cmp"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/search"
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

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"one two, three", 10, "one two…"},
		{"abcdefghijkl", 5, "abcd…"},
		{"ééé ééé ééé", 6, "ééé…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// BenchmarkSearchIndex measures the search index's share of a whole build
// of the site in $CAREERSITE_BENCH_SITE (default: the example site), with
// the default theme: build-ms is a whole build (the index included),
// index-ms the index alone (searchFiles) on the same model.
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
		files, err := searchFiles(bl.m.pages, nil)
		index += time.Since(start)
		if err != nil || len(files) == 0 {
			b.Fatal("no search index")
		}
	}
	b.ReportMetric(float64(build.Milliseconds())/float64(b.N), "build-ms")
	b.ReportMetric(float64(index.Milliseconds())/float64(b.N), "index-ms")
	b.ReportMetric(100*float64(index)/float64(build), "index-%")
}
