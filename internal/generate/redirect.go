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
	"github.com/careersite/careersite/internal/diag"
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

// RootRedirect is, on a site whose every language is under its prefix
// (default_language_in_subdir), the redirect from the root to the
// default language's home page, as Hugo writes it; nil on other sites,
// whose root is the default language's home.
func RootRedirect(m *model.Model) *Redirect {
	if len(m.Sites) < 2 || model.SitePath(m.Site.Home) == "/" {
		return nil
	}
	return &Redirect{From: "/", To: m.Site.Home}
}

// Describe names r in a message: "an alias of content/x.md", "the first
// pager of …", "the root's redirect to …".
func (r *Redirect) Describe() string {
	if r.Src == nil && r.From == "/" {
		return "the root's redirect to " + model.Describe(r.To)
	}
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

// CheckAliases reports the aliases of src that AliasPath rejects, at
// each alias in its file.
func CheckAliases(src *content.Page, locate content.Locator) []error {
	var errs []error
	for _, a := range src.Aliases {
		if _, err := AliasPath(a); err != nil {
			errs = append(errs, locate(src, "aliases", a).Wrap("aliases: ", err))
		}
	}
	return errs
}

// CheckRedirects reports every redirect whose path is the URL of a page or
// of an earlier redirect, at the alias in its file: two outputs cannot share a file, and the build
// would otherwise keep whichever was written last.
func CheckRedirects(pages []*model.Page, redirects []*Redirect, locate content.Locator) []error {
	owner := map[string]*model.Page{}
	for _, p := range pages {
		owner[model.SitePath(p)] = p
	}
	taken := map[string]*Redirect{}
	var errs []error
	for _, r := range redirects {
		if p, ok := owner[r.From]; ok {
			errs = append(errs, redirectPlace(r, locate).Errorf("%s%q is the URL of %s", redirectNoun(r), r.From, model.Describe(p)))
			continue
		}
		if first, ok := taken[r.From]; ok {
			errs = append(errs, redirectPlace(r, locate).Errorf("%s%q is also %s", redirectNoun(r), r.From, first.Describe()))
			continue
		}
		taken[r.From] = r
	}
	return errs
}

// redirectPlace is where an error about r is reported: at the alias in its
// file, or, for the redirect from a first pager, at no file.
func redirectPlace(r *Redirect, locate content.Locator) diag.Place {
	if r.Src == nil {
		return diag.Place{What: "the first pager of " + model.Describe(r.To)}
	}
	return locate(r.Src, "aliases", r.Raw)
}

// redirectNoun begins the message of an error about r: "alias " for an
// alias.
func redirectNoun(r *Redirect) string {
	if r.Src == nil {
		return ""
	}
	return "alias "
}
