package sitegen

import "strings"

// The minimal theme: the same small templates for careersite and for the
// Hugo twin, as near in markup as the two template languages allow, so
// that a comparison measures the generators rather than their themes. A
// page shows its title, date, reading time, table of contents, content and
// links to its terms; a section, a term and the home page list their pages
// or sections with a title, a date and a description, ranging over .Pages
// (no pagers: Hugo makes them only when a template asks for .Paginator);
// a taxonomy lists its terms with their counts.
//
// careersite's templates name things as docs/templates.md does (.URL,
// .Terms, .Taxonomy.Terms); Hugo's as its own (.RelPermalink, .GetTerms,
// .Data.Terms). Differences that remain: Hugo writes its table of contents
// inside <nav id="TableOfContents">, careersite as a bare list.

// careerKinds are the career profile's kinds that the default theme has a
// template of its own for (layouts/_default/KIND.html): the minimal theme
// writes its page template under each name too, so that none of the
// default theme's is used.
var careerKinds = []string{"job", "role", "certification"}

// minimalLayouts are careersite's minimal templates; kinds as careerKinds.
func minimalLayouts(kinds []string) map[string]string {
	files := map[string]string{
		"layouts/_default/baseof.html":   minimalBase("{{ .Site.Language }}"),
		"layouts/_default/single.html":   minimalSingle(`list "tags" "skills"`, "$.Terms $tax", ".URL", ".Name"),
		"layouts/_default/section.html":  minimalList("{{ .Content }}", ".URL"),
		"layouts/_default/term.html":     minimalList("<p>{{ len .Pages }} pages</p>", ".URL"),
		"layouts/_default/home.html":     minimalHome(".URL"),
		"layouts/_default/taxonomy.html": minimalTaxonomy(".Taxonomy.Terms", ".URL", ".Name"),
	}
	for _, k := range kinds {
		files["layouts/_default/"+k+".html"] = files["layouts/_default/single.html"]
	}
	return files
}

// hugoMinimalLayouts are the Hugo twin's minimal templates.
func hugoMinimalLayouts() map[string]string {
	return map[string]string{
		"layouts/_default/baseof.html":   minimalBase("{{ .Site.LanguageCode }}"),
		"layouts/_default/single.html":   minimalSingle(`slice "tags" "skills"`, "$.GetTerms $tax", ".RelPermalink", ".LinkTitle"),
		"layouts/_default/list.html":     minimalList("{{ .Content }}", ".RelPermalink"),
		"layouts/_default/term.html":     minimalList("<p>{{ len .Pages }} pages</p>", ".RelPermalink"),
		"layouts/index.html":             minimalHome(".RelPermalink"),
		"layouts/_default/taxonomy.html": minimalTaxonomy(".Data.Terms.Alphabetical", ".Page.RelPermalink", ".Page.Title"),
	}
}

func minimalBase(lang string) string {
	return `<!DOCTYPE html>
<html lang="` + lang + `">
<head>
<meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`
}

// minimalSingle is the page template; taxonomies lists the taxonomies
// whose terms it links (a taxonomy the site lacks gives none).
func minimalSingle(taxonomies, terms, url, name string) string {
	return strings.NewReplacer("TAXONOMIES", taxonomies, "TERMS", terms, "URL", url, "NAME", name).Replace(`{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2 January 2006" }}</time> · {{ .ReadingTime }} min read</p>
{{- with .TableOfContents }}
<aside class="toc">{{ . }}</aside>
{{- end }}
<div class="prose">{{ .Content }}</div>
{{- range $tax := TAXONOMIES }}
{{- with TERMS }}
<ul class="terms">{{ range . }}<li><a href="{{ URL }}">{{ NAME }}</a></li>{{ end }}</ul>
{{- end }}
{{- end }}
</article>
{{ end }}
`)
}

func minimalList(intro, url string) string {
	return `{{ define "main" }}
<h1>{{ .Title }}</h1>
` + intro + `
<ul>
{{- range .Pages }}
<li><a href="{{ ` + url + ` }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time> {{ .Description }}</li>
{{- end }}
</ul>
{{ end }}
`
}

func minimalHome(url string) string {
	return `{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{ .Content }}
<ul>
{{- range .Sections }}
<li><a href="{{ ` + url + ` }}">{{ .Title }}</a> {{ len .Pages }} pages</li>
{{- end }}
</ul>
{{ end }}
`
}

func minimalTaxonomy(terms, url, name string) string {
	return `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{- range ` + terms + ` }}
<li><a href="{{ ` + url + ` }}">{{ ` + name + ` }}</a> {{ .Count }}</li>
{{- end }}
</ul>
{{ end }}
`
}
