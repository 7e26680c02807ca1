package sitegen

import (
	"maps"
	"strconv"
	"strings"
)

// hugoFiles are the Hugo site's configuration and layouts; its content/ is
// the careersite site's, byte for byte. The settings mirror careersite's:
// the same taxonomies and page size, a feed of the 20 newest pages for the
// home page and each section (careersite's default feed_limit), sitemap and robots.txt, heading ids, a table of contents of h2
// to h4, chroma with CSS classes and the same Markdown extensions. Hugo
// 0.111 (Debian's) and 0.152 both read config.yaml; the page size is
// pagination.pagerSize, which 0.152 wants (its old key, paginate, fails
// the build there) and 0.111 ignores for its default of the same 10.
//
// Related pages: careersite relates pages by the skills and tags they share,
// counting only terms on at most 200 pages (a term on thousands of pages
// says little and costs the square of their number). Hugo's related search
// with its default settings compares every page with every page that shares
// any term, which on this site takes most of Hugo's build (152 s instead of
// 20 s at 10,000 pages); its cardinalityThreshold, a percentage of pages,
// is set to the same 200 pages (at least 1%, at most 100%, which Hugo
// 0.152 requires), and the score threshold is
// lowered so that the remaining terms still find related pages.
func hugoFiles(opts Options) map[string]string {
	files := hugoLayoutsFor(opts)
	files["config.yaml"] = strings.ReplaceAll(hugoConfig, "{cardinality}", strconv.Itoa(min(100, max(1, (200*100+opts.Pages-1)/opts.Pages))))
	return files
}

// hugoDocsFiles are the Hugo twin's configuration and layouts for the
// documentation profile: the settings of hugoFiles but for its one
// taxonomy, tags, no menu and no related pages, which no theme of the
// profile shows.
func hugoDocsFiles(opts Options) map[string]string {
	files := hugoLayoutsFor(opts)
	files["config.yaml"] = hugoDocsConfig
	return files
}

func hugoLayoutsFor(opts Options) map[string]string {
	if opts.minimal() {
		return hugoMinimalLayouts()
	}
	return maps.Clone(hugoLayouts)
}

const hugoConfig = `baseURL: https://bench.example/
languageCode: en
title: Bench Atlas
pagination:
  pagerSize: 10
rssLimit: 20
enableRobotsTXT: true
disableKinds: []
taxonomies:
  tag: tags
  skill: skills
outputs:
  home: [HTML, RSS]
  section: [HTML, RSS]
  taxonomy: [HTML]
  term: [HTML]
` + hugoMarkup + `related:
  includeNewer: true
  threshold: 1
  toLower: true
  indices:
    - {name: skills, weight: 100, cardinalityThreshold: {cardinality}}
    - {name: tags, weight: 80, cardinalityThreshold: {cardinality}}
menu:
  main:
    - {name: Jobs, url: /jobs/, weight: 1}
    - {name: Role guides, url: /roles/, weight: 2}
    - {name: Certifications, url: /certifications/, weight: 3}
    - {name: Guides, url: /guides/, weight: 4}
`

const hugoDocsConfig = `baseURL: https://docs.bench.example/
languageCode: en
title: Bench Docs
pagination:
  pagerSize: 10
rssLimit: 20
enableRobotsTXT: true
disableKinds: []
taxonomies:
  tag: tags
outputs:
  home: [HTML, RSS]
  section: [HTML, RSS]
  taxonomy: [HTML]
  term: [HTML]
` + hugoMarkup

// hugoMarkup is the Markdown and highlighting part of both configs: the
// extensions careersite enables, heading ids, a table of contents of h2
// to h4, and chroma with CSS classes.
const hugoMarkup = `markup:
  goldmark:
    extensions:
      definitionList: true
      footnote: true
      linkify: true
      strikethrough: true
      table: true
      taskList: true
      typographer: true
    parser:
      autoHeadingID: true
      attribute:
        block: false
        title: true
    renderer:
      unsafe: false
  highlight:
    codeFences: true
    noClasses: false
    guessSyntax: false
    lineNos: false
  tableOfContents:
    startLevel: 2
    endLevel: 4
    ordered: false
`

var hugoLayouts = map[string]string{
	"layouts/_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AlternativeOutputFormats }}
<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">
{{- end }}
</head>
<body>
<nav>{{ range .Site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a> {{ end }}</nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`,
	"layouts/_default/single.html": `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006" }} · {{ .ReadingTime }} min read{{ with .Params.authors }} · {{ delimit . ", " }}{{ end }}</p>
{{- with .Params.salary }}
<p class="salary">{{ .currency }} {{ .min }}–{{ .max }} a {{ .period }}</p>
{{- end }}
{{- with .TableOfContents }}
<aside class="toc">{{ . }}</aside>
{{- end }}
<div class="prose">{{ .Content }}</div>
{{- range $tax := slice "tags" "skills" }}
{{- with $.GetTerms $tax }}
<ul class="terms">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{- end }}
{{- end }}
{{- with first 5 (.Site.RegularPages.Related .) }}
<h2>Read next</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{- end }}
</article>
{{ end }}
`,
	"layouts/_default/list.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{- $pager := .Paginate .Pages }}
<ul>
{{- range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time>
<p>{{ .Summary }}</p></li>
{{- end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
	"layouts/_default/taxonomy.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{- range .Data.Terms.ByCount }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>
{{- end }}
</ul>
{{ end }}
`,
	"layouts/_default/term.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} pages</p>
{{- $pager := .Paginate .Pages }}
<ul>
{{- range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time>
<p>{{ .Summary }}</p></li>
{{- end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
}
