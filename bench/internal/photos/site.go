package photos

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/sync/errgroup"
)

// Options describe the benchmark's sites: Photos page bundles, each a page
// showing one Width×Height JPEG as a Markdown image.
type Options struct {
	Photos        int
	Width, Height int
	Seed          uint64
	Widths        []int // images.widths of both sites
	Quality       int   // of the JPEG and WebP files both sites make
}

// Write writes the careersite site into dir and, when hugoDir is not "",
// its Hugo twin: the same content/ (the photographs hard-linked, not
// copied), a render hook that makes the same files. The photographs are
// drawn and encoded (JPEG quality 90) on all cores.
func Write(dir, hugoDir string, o Options) error {
	files := map[string]string{"site.yaml": siteYAML(o), "content/photos/_index.md": sectionPage}
	if err := writeFiles(dir, files); err != nil {
		return err
	}
	if hugoDir != "" {
		if err := writeFiles(hugoDir, hugoFiles(o)); err != nil {
			return err
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for n := range o.Photos {
		g.Go(func() error { return writePhoto(dir, hugoDir, n, o) })
	}
	return g.Wait()
}

// writePhoto writes the bundle of photograph n: its page and its JPEG.
func writePhoto(dir, hugoDir string, n int, o Options) error {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, Draw(o.Seed, n, o.Width, o.Height), &jpeg.Options{Quality: 90}); err != nil {
		return err
	}
	bundle := fmt.Sprintf("content/photos/p%04d", n)
	if err := writeFiles(dir, map[string]string{bundle + "/index.md": photoPage(n)}); err != nil {
		return err
	}
	jpg := filepath.Join(dir, bundle, "photo.jpg")
	if err := os.WriteFile(jpg, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if hugoDir == "" {
		return nil
	}
	if err := writeFiles(hugoDir, map[string]string{bundle + "/index.md": photoPage(n)}); err != nil {
		return err
	}
	return os.Link(jpg, filepath.Join(hugoDir, bundle, "photo.jpg"))
}

func photoPage(n int) string {
	return fmt.Sprintf(`---
title: "Photograph %[1]d"
description: "A generated photograph, number %[1]d, shown at the widths of the site."
date: 2026-01-01
---

Photograph %[1]d, as an office or a team would show one on a job description.

![A generated scene of buildings under a sky, number %[1]d](photo.jpg)
`, n)
}

const sectionPage = `---
title: Photographs
description: The benchmark's photographs.
---
`

func siteYAML(o Options) string {
	return `title: Image bench
base_url: https://bench.example/
language: en
description: Generated photographs for the image benchmark.
social_cards:
  enabled: false
images:
  widths: [` + joinInts(o.Widths) + `]
  quality: ` + strconv.Itoa(o.Quality) + `
`
}

// hugoFiles are the Hugo twin's configuration and layouts. The render hook
// makes what careersite's default one does: WebP and JPEG files at every
// width of Options.Widths below the photograph's own (the generated ones
// are wider than all of them), with Catmull-Rom, careersite's kernel
// (Hugo's default is Box, cheaper and blurrier), at the same quality.
// Hugo's timeout for a page is raised from 30 s: a page whose images are
// processed under load takes longer, and Hugo then fails the build.
func hugoFiles(o Options) map[string]string {
	return map[string]string{
		"config.yaml": `baseURL: https://bench.example/
languageCode: en
title: Image bench
disableKinds: [taxonomy, term, RSS, sitemap]
timeout: 3600s
imaging:
  resampleFilter: CatmullRom
  quality: ` + strconv.Itoa(o.Quality) + `
`,
		"content/photos/_index.md":     sectionPage,
		"layouts/_default/single.html": "<!DOCTYPE html>\n<title>{{ .Title }}</title>\n<main>{{ .Content }}</main>\n",
		"layouts/_default/list.html":   "<!DOCTYPE html>\n<title>{{ .Title }}</title>\n<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>\n",
		"layouts/_default/_markup/render-image.html": `{{- $src := .Page.Resources.GetMatch .Destination -}}
{{- $webp := slice -}}{{- $jpeg := slice -}}{{- $largest := $src -}}
{{- range $w := slice ` + strings.Join(strings.Split(joinInts(o.Widths), ", "), " ") + ` -}}
{{- if lt $w $src.Width -}}
{{- $r := $src.Resize (printf "%dx webp q` + strconv.Itoa(o.Quality) + `" $w) -}}
{{- $webp = $webp | append (printf "%s %dw" $r.RelPermalink $w) -}}
{{- $largest = $src.Resize (printf "%dx q` + strconv.Itoa(o.Quality) + `" $w) -}}
{{- $jpeg = $jpeg | append (printf "%s %dw" $largest.RelPermalink $w) -}}
{{- end -}}
{{- end -}}
<picture><source type="image/webp" srcset="{{ delimit $webp ", " }}"><img src="{{ $largest.RelPermalink }}" srcset="{{ delimit $jpeg ", " }}" width="{{ $src.Width }}" height="{{ $src.Height }}" alt="{{ .Text }}" loading="lazy" decoding="async"></picture>
`,
	}
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// writeFiles writes files (by slash path) below dir.
func writeFiles(dir string, files map[string]string) error {
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
