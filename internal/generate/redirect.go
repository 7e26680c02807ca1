package generate

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

// A Redirect is an output page that sends the reader to another page: an
// alias from front matter, or the "/page/1/" of a paginated list.
type Redirect struct {
	From string        // site path: "/old-name/"
	To   *model.Page   // where it leads
	Src  *content.Page // the page whose aliases asked for it; nil for pagination
	Raw  string        // the alias as written, for error positions
}

// RedirectsFile lists the aliases for static hosts that read it (Netlify,
// Cloudflare Pages): one "/from /to 301" line each.
const RedirectsFile = "_redirects"

// AliasPath checks an alias from front matter and returns it as a site
// path. It must start with "/" and must not contain ".." segments, "\", "?"
// or "#": an alias becomes a file in the output, and must never lead
// outside it. It is cleaned and ends in "/" unless its last segment has an
// extension ("/old/page.html").
func AliasPath(a string) (string, error) {
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

// HasPage reports whether r gets a redirect page of its own: a folder
// ("/old/" → old/index.html) or a file ending in .html or .htm. A
// redirect page is HTML, and a file of another kind ("/feed.xml",
// "/old.php") would be served as that kind; worse, hosts that read
// _redirects do not apply a rule where a file exists. Such an alias is
// only listed in _redirects.
func (r *Redirect) HasPage() bool {
	ext := path.Ext(r.From)
	return strings.HasSuffix(r.From, "/") || ext == ".html" || ext == ".htm"
}

// Aliases returns a redirect for every valid alias of every page that has
// a source file; sources give the front matter by file.
func Aliases(pages []*model.Page, sources map[string]*content.Page) []*Redirect {
	var out []*Redirect
	for _, p := range pages {
		src := sources[p.File]
		if src == nil || p.Paginator != nil && p.Paginator.PageNumber() > 1 {
			continue
		}
		for _, a := range src.Aliases {
			if from, err := AliasPath(a); err == nil {
				out = append(out, &Redirect{From: from, To: p, Src: src, Raw: a})
			}
		}
	}
	return out
}

// PagerRedirects returns, for every list that has more than one pager, the
// redirect from its "/page/1/" to the list page itself, which is pager 1.
// Nothing links there; people who edit the number in a URL do.
func PagerRedirects(pages []*model.Page) []*Redirect {
	var out []*Redirect
	for _, p := range pages {
		if pg := p.Paginator; pg != nil && pg.PageNumber() == 1 && pg.TotalPages() > 1 {
			out = append(out, &Redirect{From: model.PagerPath(model.SitePath(p), 1), To: p})
		}
	}
	return out
}

// Describe names r in a message: "an alias of content/x.md", "the first
// pager of …".
func (r *Redirect) Describe() string {
	if r.Src == nil {
		return "the first pager of " + model.Describe(r.To)
	}
	return "an alias of " + r.Src.Path
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

// Page writes the redirect page, in the site's language lang. It reads
// of r.To its Title, URL and Permalink.
func (r *Redirect) Page(lang string) ([]byte, error) {
	var b bytes.Buffer
	err := redirectPage.Execute(&b, map[string]string{
		"Lang": lang, "Title": r.To.Title, "URL": r.To.URL, "Permalink": r.To.Permalink,
	})
	return b.Bytes(), err
}

// RedirectsList is the _redirects file: every alias as "/from /to 301",
// with the base path, sorted by the path it redirects from.
func RedirectsList(redirects []*Redirect, links *model.Linker) []byte {
	var lines []string
	for _, r := range redirects {
		if r.Src != nil {
			lines = append(lines, escapePath(links.Rel(r.From))+" "+escapePath(r.To.URL)+" 301\n")
		}
	}
	slices.SortFunc(lines, func(a, b string) int { return cmp.Compare(a, b) })
	return []byte(strings.Join(lines, ""))
}
