package site

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/model"
)

// A redirect is an output page that sends the reader to another page: an
// alias from front matter, or the "/page/1/" of a paginated list.
type redirect struct {
	from string        // site path: "/old-name/"
	to   *model.Page   // where it leads
	src  *content.Page // the page whose aliases asked for it; nil for pagination
	raw  string        // the alias as written, for error positions
}

// redirectsFile lists the aliases for static hosts that read it (Netlify,
// Cloudflare Pages): one "/from /to 301" line each.
const redirectsFile = "_redirects"

// aliasPath checks an alias from front matter and returns it as a site
// path. It must start with "/" and must not contain ".." segments, "\", "?"
// or "#": an alias becomes a file in the output, and must never lead
// outside it. It is cleaned and ends in "/" unless its last segment has an
// extension ("/old/page.html").
func aliasPath(a string) (string, error) {
	switch {
	case !strings.HasPrefix(a, "/") || strings.HasPrefix(a, "//"):
		return "", fmt.Errorf(`must be a path from the site's root, starting with one "/", got %q`, a)
	case strings.ContainsAny(a, `\?#`):
		return "", fmt.Errorf(`must be a path without "\", "?" or "#", got %q`, a)
	case slices.Contains(strings.Split(a, "/"), ".."):
		return "", fmt.Errorf(`must not contain ".." segments, got %q`, a)
	}
	if err := content.CheckSegments(a); err != nil { // NUL, "C:", "CON", …
		return "", err
	}
	clean := path.Clean(a)
	if clean == "/" || strings.Contains(path.Base(clean), ".") {
		return clean, nil
	}
	return clean + "/", nil
}

// hasPage reports whether r gets a redirect page of its own: a folder
// ("/old/" → old/index.html) or a file ending in .html or .htm. A
// redirect page is HTML, and a file of another kind ("/feed.xml",
// "/old.php") would be served as that kind; worse, hosts that read
// _redirects do not apply a rule where a file exists. Such an alias is
// only listed in _redirects.
func (r *redirect) hasPage() bool {
	ext := path.Ext(r.from)
	return strings.HasSuffix(r.from, "/") || ext == ".html" || ext == ".htm"
}

// checkAliases reports the aliases of src that aliasPath rejects.
func checkAliases(src *content.Page, locate locator) []error {
	var errs []error
	for _, a := range src.Aliases {
		if _, err := aliasPath(a); err != nil {
			errs = append(errs, locate(src, "aliases", a).wrap("aliases: ", err))
		}
	}
	return errs
}

// aliases returns a redirect for every valid alias of every page that has
// a source file; sources give the front matter by file.
func aliases(pages []*model.Page, sources map[string]*content.Page) []*redirect {
	var out []*redirect
	for _, p := range pages {
		src := sources[p.File]
		if src == nil || p.Paginator != nil && p.Paginator.PageNumber() > 1 {
			continue
		}
		for _, a := range src.Aliases {
			if from, err := aliasPath(a); err == nil {
				out = append(out, &redirect{from: from, to: p, src: src, raw: a})
			}
		}
	}
	return out
}

// pagerRedirects returns, for every list that has more than one pager, the
// redirect from its "/page/1/" to the list page itself, which is pager 1.
// Nothing links there; people who edit the number in a URL do.
func pagerRedirects(pages []*model.Page) []*redirect {
	var out []*redirect
	for _, p := range pages {
		if pg := p.Paginator; pg != nil && pg.PageNumber() == 1 && pg.TotalPages() > 1 {
			out = append(out, &redirect{from: model.PagerPath(model.SitePath(p), 1), to: p})
		}
	}
	return out
}

// checkRedirects reports every redirect whose path is the URL of a page or
// of an earlier redirect: two outputs cannot share a file, and the build
// would otherwise keep whichever was written last.
func checkRedirects(pages []*model.Page, redirects []*redirect, locate locator) []error {
	owner := map[string]*model.Page{}
	for _, p := range pages {
		owner[model.SitePath(p)] = p
	}
	taken := map[string]*redirect{}
	var errs []error
	for _, r := range redirects {
		if p, ok := owner[r.from]; ok {
			errs = append(errs, r.place(locate).errorf("%s%q is the URL of %s", r.noun(), r.from, model.Describe(p)))
			continue
		}
		if first, ok := taken[r.from]; ok {
			errs = append(errs, r.place(locate).errorf("%s%q is also %s", r.noun(), r.from, first.describe()))
			continue
		}
		taken[r.from] = r
	}
	return errs
}

// place is where an error about r is reported: at the alias in its
// file, or, for the redirect from a first pager, at no file.
func (r *redirect) place(locate locator) place {
	if r.src == nil {
		return place{what: "the first pager of " + model.Describe(r.to)}
	}
	return locate(r.src, "aliases", r.raw)
}

// noun begins the message of an error about r: "alias " for an alias.
func (r *redirect) noun() string {
	if r.src == nil {
		return ""
	}
	return "alias "
}

func (r *redirect) describe() string {
	if r.src == nil {
		return "the first pager of " + model.Describe(r.to)
	}
	return "an alias of " + r.src.Path
}

// redirectPage is the page written at a redirect's path. The refresh sends
// browsers on at once; the canonical link tells search engines which URL
// to keep; the visible link serves readers whose browser does not follow
// refreshes. Static hosts that read _redirects answer with a 301 first.
var redirectPage = template.Must(template.New("redirect").Parse(`<!DOCTYPE html>
<html lang="{{ .Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{ .Permalink }}">
</head>
<body>
<p>This page has moved to <a href="{{ .URL }}">{{ .Title }}</a>.</p>
</body>
</html>
`))

// render writes the redirect page.
func (r *redirect) render(lang string) ([]byte, error) {
	var b bytes.Buffer
	err := redirectPage.Execute(&b, map[string]string{
		"Lang": lang, "Title": r.to.Title, "URL": r.to.URL, "Permalink": r.to.Permalink,
	})
	return b.Bytes(), err
}

// redirectsList is the _redirects file: every alias as "/from /to 301",
// with the base path, sorted by the path it redirects from.
func redirectsList(redirects []*redirect, links *model.Linker) []byte {
	var lines []string
	for _, r := range redirects {
		if r.src != nil {
			lines = append(lines, escapePath(links.Rel(r.from))+" "+escapePath(r.to.URL)+" 301\n")
		}
	}
	slices.SortFunc(lines, func(a, b string) int { return cmp.Compare(a, b) })
	return []byte(strings.Join(lines, ""))
}
