package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestKeptPathsSurviveEveryBuild builds a site whose site.yaml keeps the
// files a host and a gh-pages worktree put into public/, through every way
// a Builder writes the destination: a full build, a rebuild that links
// unchanged files from the old output (as watch does), a rebuild with
// nothing to write, a new Builder that starts from the cache's manifest
// (as the next `careersite build` does) and a build that removes a page.
// Then the site publishes a CNAME of its own, which wins.
func TestKeptPathsSurviveEveryBuild(t *testing.T) {
	src := writeSite(t, strings.Replace(smallSite, "base_url: https://small.example/\n",
		"base_url: https://small.example/\nkeep: [CNAME, .git/, .well-known/acme-challenge]\n", 1))
	dest := filepath.Join(t.TempDir(), "public")
	kept := map[string]string{
		"CNAME":                            "careers.example",
		".git":                             "gitdir: /repo/.git/worktrees/public",
		".well-known/acme-challenge/token": "t0k3n",
	}
	for name, data := range kept {
		writeFile(t, filepath.Join(dest, filepath.FromSlash(name)), []byte(data))
	}
	writeFile(t, filepath.Join(dest, "stale.html"), []byte("not kept"))
	opts := Options{Source: src, Dest: dest, Now: testNow, Theme: fstest.MapFS{}, CacheDir: filepath.Join(t.TempDir(), "cache")}
	ctx := context.Background()
	assertKept := func(step string) {
		t.Helper()
		got := readTree(t, dest, "")
		for name, data := range kept {
			if string(got[name]) != data {
				t.Errorf("after %s: %s = %q, want %q", step, name, got[name], data)
			}
		}
		if _, ok := got["stale.html"]; ok {
			t.Errorf("after %s: stale.html, which is not kept, is still there", step)
		}
		if _, ok := got["jobs/a/index.html"]; !ok {
			t.Errorf("after %s: the build's jobs/a/index.html is missing", step)
		}
		assertNoTempDirs(t, filepath.Dir(dest))
	}

	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	assertKept("the first build")

	writeFile(t, filepath.Join(src, "content/jobs/a.md"), []byte("---\ntitle: A\ndate: 2026-01-02\n---\nA, edited.\n"))
	res, err := b.Build(ctx, []string{"content/jobs/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Made >= res.Files {
		t.Errorf("the rebuild made %d of %d files, want some linked from the old output", res.Made, res.Files)
	}
	assertKept("a rebuild")

	// A folder a killed build left; a build with nothing to write removes it.
	writeFile(t, filepath.Join(filepath.Dir(dest), ".public.tmp-123", "index.html"), []byte("half"))
	if res, err := b.Build(ctx, nil); err != nil || res.Made != 0 {
		t.Fatalf("a build with nothing changed = %+v, %v; want nothing made", res, err)
	}
	assertKept("a build with nothing to write")

	writeFile(t, filepath.Join(src, "content/jobs/b.md"), []byte("---\ntitle: B\ndate: 2026-01-03\n---\nB, edited.\n"))
	if _, err := Build(ctx, opts); err != nil {
		t.Fatal(err)
	}
	assertKept("a build in a new Builder")

	if err := os.Remove(filepath.Join(src, "content/guides/c.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(ctx, opts); err != nil {
		t.Fatal(err)
	}
	assertKept("a build that removes a page")
	if _, err := os.Stat(filepath.Join(dest, "guides/c/index.html")); !os.IsNotExist(err) {
		t.Errorf("guides/c/index.html is still there after its page was removed (%v)", err)
	}

	writeFile(t, filepath.Join(src, "assets/CNAME"), []byte("from.the.site"))
	if _, err := Build(ctx, opts); err != nil {
		t.Fatal(err)
	}
	kept["CNAME"] = "from.the.site"
	assertKept("a build that publishes a CNAME of its own")
}
