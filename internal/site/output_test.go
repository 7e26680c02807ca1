package site

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

const smallSite = `
-- site.yaml --
title: Small
base_url: https://small.example/
-- layouts/_default/baseof.html --
<!doctype html><title>{{ .Title }}</title>{{ block "main" . }}{{ end }}
-- layouts/_default/home.html --
{{ define "main" }}{{ range .Pages }}<a href="{{ .URL }}">{{ .Title }}</a>{{ end }}{{ end }}
-- layouts/_default/section.html --
{{ define "main" }}{{ range .Pages }}{{ .Title }};{{ end }}{{ end }}
-- layouts/_default/single.html --
{{ define "main" }}{{ .Content }}{{ end }}
-- layouts/_default/404.html --
{{ define "main" }}not found{{ end }}
-- content/jobs/a.md --
---
title: A
date: 2026-01-02
---
# A

Text with ` + "`code`" + `.
-- content/jobs/b.md --
---
title: B
date: 2026-01-03
---
B.
-- content/guides/c.md --
+++
title = "C"
date = 2026-01-04
+++
C.
`

// writeSite writes a txtar site into a new folder and returns its path.
func writeSite(t *testing.T, archive string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	for _, f := range txtar.Parse([]byte(archive)).Files {
		writeFile(t, filepath.Join(dir, f.Name), f.Data)
	}
	return dir
}

func build(t *testing.T, src, dest string) error {
	t.Helper()
	_, err := Build(context.Background(), Options{Source: src, Dest: dest, Now: testNow, Theme: fstest.MapFS{}})
	return err
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	src := writeSite(t, smallSite)
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, src, dest); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dest, "")

	writeFile(t, filepath.Join(src, "content/jobs/a.md"), []byte("---\ntitle: A\ndate: someday\n---\nA changed.\n"))
	writeFile(t, filepath.Join(src, "content/jobs/new.md"), []byte("---\ntitle: New\ndate: 2026-02-01\n---\nNew.\n"))
	if err := build(t, src, dest); err == nil {
		t.Fatal("build with a bad date succeeded")
	}
	after := readTree(t, dest, "")
	if !maps.EqualFunc(before, after, bytes.Equal) {
		t.Errorf("a failed build changed the output:\nbefore %v\nafter  %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
	assertNoTempDirs(t, filepath.Dir(dest))
}

func TestBuildsAreByteIdentical(t *testing.T) {
	src := writeSite(t, smallSite)
	first := filepath.Join(t.TempDir(), "public")
	second := filepath.Join(t.TempDir(), "public")
	for _, dest := range []string{first, second} {
		if err := build(t, src, dest); err != nil {
			t.Fatal(err)
		}
	}
	a, b := readTree(t, first, ""), readTree(t, second, "")
	if len(a) == 0 || !maps.EqualFunc(a, b, bytes.Equal) {
		t.Errorf("two builds of one site differ:\n%v\n%v", slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b)))
	}
}

func TestRemovedPageDisappears(t *testing.T) {
	src := writeSite(t, smallSite)
	dest := filepath.Join(t.TempDir(), "public")
	if err := build(t, src, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "jobs/b/index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(src, "content/jobs/b.md")); err != nil {
		t.Fatal(err)
	}
	if err := build(t, src, dest); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "jobs/b/index.html")); !os.IsNotExist(err) {
		t.Errorf("jobs/b/index.html still exists after its page was removed (err = %v)", err)
	}
	assertNoTempDirs(t, filepath.Dir(dest))
}

func assertNoTempDirs(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("%s left behind in %s", e.Name(), dir)
		}
	}
}
