// Package hugourl computes the URLs Hugo (0.111) publishes a site's pages
// at, from its configuration and each page's file and front matter, without
// running Hugo. It is the half of an import's URL check that says where a
// page was; internal/content says where careersite puts it.
//
// The rules, in Hugo's order:
//
//   - A page whose front matter sets url is published at that URL, as
//     written (a missing leading "/" is added; nothing else changes).
//   - A regular page (not an _index.md) of a section that the permalinks
//     setting names is published at the section's pattern, expanded
//     ([Config.Permalinks], [Expand]): :year, :month, :monthname, :day,
//     :weekday, :weekdayname, :yearday from the page's date; :section (the
//     first folder under content/), :sections (every folder); :title (the
//     title, urlized); :slug (the slug, else the urlized title);
//     :slugorfilename (the slug, else the file name); :filename (the file's
//     name without its extension, or a leaf bundle's folder name).
//   - Any other page is published at its folder path under content/ and its
//     file name without the extension ("posts/a.md" is /posts/a/); a leaf
//     bundle's index.md at its folder ("posts/b/index.md" is /posts/b/); an
//     _index.md at its folder ("posts/_index.md" is /posts/, "_index.md"
//     is /). slug, when set, replaces the last segment of a regular page.
//   - A path made from files, slugs and patterns is made a URL path as
//     Hugo's MakePath does ([MakePath]): spaces become "-", characters
//     other than letters, digits, marks and . / \ _ - # + ~ @ are dropped,
//     and, unless disablePathToLower is set, it is lower-cased.
//   - With uglyURLs, a regular page is published as a file,
//     /posts/a.html, instead of a folder.
//   - A taxonomy is published at /PLURAL/ and each of its terms at
//     /PLURAL/TERM/, the term urlized ([Urlize]).
//
// URLs here are root-relative paths without the site's base path.
package hugourl

import (
	"path"
	"strings"
	"time"
	"unicode"
)

// Config is what of a Hugo site's configuration decides its URLs.
type Config struct {
	Permalinks         map[string]string // section → pattern ("posts": "/:year/:slug/")
	UglyURLs           bool
	DisablePathToLower bool
}

// Page is what of one content file decides its URL.
type Page struct {
	File  string // relative to content/, slash-separated: "posts/a.md", "posts/b/index.md", "posts/_index.md"
	Title string
	Slug  string
	URL   string // the front matter's url
	Date  time.Time
}

// IsIndex reports whether the page is a list page (home or section): an _index file.
func (p Page) IsIndex() bool { return baseName(p.File) == "_index" }

// IsBundle reports whether the page is a leaf bundle's index file.
func (p Page) IsBundle() bool { return baseName(p.File) == "index" }

// Section is the first folder of the page's file; "" for a file at the root.
func (p Page) Section() string {
	first, _, ok := strings.Cut(p.File, "/")
	if !ok {
		return ""
	}
	return first
}

// PageURL returns the URL Hugo publishes p at.
func (c Config) PageURL(p Page) string {
	if p.URL != "" {
		if !strings.HasPrefix(p.URL, "/") {
			return "/" + p.URL
		}
		return p.URL
	}
	if pattern, ok := c.Permalinks[p.Section()]; ok && !p.IsIndex() {
		return c.finish(Expand(pattern, p), false)
	}
	dir := path.Dir(p.File)
	if dir == "." {
		dir = ""
	}
	if p.IsIndex() {
		return c.finish(dir, false)
	}
	last := baseName(p.File)
	if p.IsBundle() {
		dir, last = path.Dir(dir), path.Base(dir)
		if dir == "." {
			dir = ""
		}
	}
	if p.Slug != "" {
		last = p.Slug
	}
	return c.finish(path.Join(dir, last), c.UglyURLs)
}

// finish makes p a rooted URL path: MakePath applied, a "/" at both ends,
// or ".html" at the end of an ugly URL.
func (c Config) finish(p string, ugly bool) string {
	p = strings.Trim(c.MakePath(p), "/")
	switch {
	case p == "":
		return "/"
	case ugly:
		return "/" + p + ".html"
	}
	return "/" + p + "/"
}

// SectionURL returns the URL of a section's list page, from its folder
// under content/ ("posts", "posts/2024").
func (c Config) SectionURL(dir string) string { return c.finish(dir, false) }

// TermURL returns the URL of a term's page of the taxonomy plural.
func (c Config) TermURL(plural, term string) string {
	return c.finish(plural+"/"+c.Urlize(term), false)
}

// MakePath is Hugo's MakePath: s with spaces as "-", only letters, digits,
// marks and . / \ _ - # + ~ @ kept (and %XX escapes), lower-cased unless
// DisablePathToLower.
func (c Config) MakePath(s string) string {
	s = sanitize(s)
	if !c.DisablePathToLower {
		s = strings.ToLower(s)
	}
	return s
}

// Urlize is what Hugo's urlize makes of a title or a term, before
// escaping: its MakePath ("Hello, World!" → "hello-world").
func (c Config) Urlize(s string) string { return c.MakePath(s) }

// sanitize is Hugo's UnicodeSanitize (without removing accents, which
// Hugo does only when removePathAccents is set).
func sanitize(s string) string {
	src := []rune(s)
	out := make([]rune, 0, len(src))
	hyphen := false
	for i, r := range src {
		if allowed(r) || r == '%' && i+2 < len(src) && isHex(src[i+1]) && isHex(src[i+2]) {
			if hyphen {
				out = append(out, '-')
				hyphen = false
			}
			out = append(out, r)
		} else if len(out) > 0 && unicode.IsSpace(r) {
			hyphen = true
		}
	}
	return string(out)
}

func allowed(r rune) bool {
	return strings.ContainsRune("./\\_#+~-@", r) ||
		unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isHex(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
}

// baseName is a file's name without folder and extension.
func baseName(file string) string {
	b := path.Base(file)
	return strings.TrimSuffix(b, path.Ext(b))
}
