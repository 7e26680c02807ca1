package site

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/careersite/careersite/internal/output"
)

// translationsSite is a site of two languages whose pages show their
// translations' titles and URLs: a page reads other pages through
// .Translations and .AllTranslations.
const translationsSite = `
-- site.yaml --
title: Careers
taxonomies: []
social_cards: {enabled: false}
languages:
  en: {name: English, weight: 1}
  de: {name: Deutsch, weight: 2}
-- layouts/_default/baseof.html --
<html lang="{{ .Language.Code }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Code }}" href="{{ .Permalink }}">
{{- end }}
{{ block "main" . }}{{ end }}
-- layouts/_default/single.html --
{{ define "main" }}{{ .Title }}:{{ range .Translations }} {{ .Language.Name }}={{ .Title }}{{ end }}{{ end }}
-- layouts/_default/home.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/_default/section.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- layouts/_default/404.html --
{{ define "main" }}{{ .Title }}{{ end }}
-- content/jobs/a.md --
---
title: A
date: 2026-01-01
---
-- content/jobs/a.de.md --
---
title: A auf Deutsch
date: 2026-01-01
---
-- content/jobs/b.md --
---
title: B
date: 2026-01-01
---
`

// TestSessionEditsTranslations edits, adds, removes and renames
// translations under a Builder kept for a session: after each change the
// output is the one a fresh build makes, the pages that show the changed
// translation are made again, and a page that shows none of it is not.
func TestSessionEditsTranslations(t *testing.T) {
	src := writeSite(t, translationsSite)
	opts := Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), Now: testNow, Theme: fstest.MapFS{}}
	b, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	mem := &writesTarget{Memory: output.NewMemory()}
	ctx := context.Background()
	if _, err := b.BuildTo(ctx, nil, mem); err != nil {
		t.Fatal(err)
	}
	step := func(what string, changed []string, remade, kept []string) {
		t.Helper()
		mem.written = nil
		if _, err := b.BuildTo(ctx, changed, mem); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		fresh := opts
		fresh.Dest = filepath.Join(t.TempDir(), "public")
		buildOnce(t, fresh)
		compareTrees(t, 0, what, dirFiles(t, fresh.Dest), treeFiles(mem.Tree()))
		got := mem.written
		for _, name := range remade {
			if !slices.Contains(got, name) {
				t.Errorf("%s: %s was not made again; made: %q", what, name, got)
			}
		}
		for _, name := range kept {
			if slices.Contains(got, name) {
				t.Errorf("%s: %s was made again, though it shows nothing that changed", what, name)
			}
		}
	}
	write := func(name, text string) {
		t.Helper()
		writeFile(t, filepath.Join(src, filepath.FromSlash(name)), []byte(text))
	}
	remove := func(name string) {
		t.Helper()
		if err := os.Remove(filepath.Join(src, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}

	write("content/jobs/a.de.md", "---\ntitle: A, neu\ndate: 2026-01-01\n---\n")
	step("a translation's new title", []string{"content/jobs/a.de.md"},
		[]string{"de/jobs/a/index.html", "jobs/a/index.html"}, []string{"jobs/b/index.html"})

	write("content/jobs/b.de.md", "---\ntitle: B auf Deutsch\ndate: 2026-01-01\n---\n")
	step("a new translation", []string{"content/jobs/b.de.md"},
		[]string{"de/jobs/b/index.html", "jobs/b/index.html"}, []string{"jobs/a/index.html"})

	remove("content/jobs/a.de.md")
	step("a translation removed", []string{"content/jobs/a.de.md"},
		[]string{"jobs/a/index.html"}, []string{"jobs/b/index.html"})

	remove("content/jobs/b.de.md")
	write("content/jobs/b-neu.de.md", "---\ntitle: B auf Deutsch\ndate: 2026-01-01\ntranslation_key: content/jobs/b.md\n---\n")
	step("a translation renamed", []string{"content/jobs/b.de.md", "content/jobs/b-neu.de.md"},
		[]string{"de/jobs/b-neu/index.html", "jobs/b/index.html"}, []string{"jobs/a/index.html"})
}

// writesTarget is an output.Memory that records the names of the files
// a build writes, rather than keeps from the build before.
type writesTarget struct {
	*output.Memory

	mu      sync.Mutex
	written []string
}

func (w *writesTarget) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	w.written = append(w.written, name)
	w.mu.Unlock()
	return w.Memory.WriteFile(name, data)
}

// treeFiles is every file of a published tree, by name.
func treeFiles(tree *output.Tree) map[string][]byte {
	files := map[string][]byte{}
	for _, name := range tree.Names() {
		files[name], _ = tree.Lookup(name)
	}
	return files
}
