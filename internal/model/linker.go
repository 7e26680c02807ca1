package model

import (
	"fmt"
	"net/url"
	"strings"
)

// Linker turns site paths into URLs under the site's base URL: a page's
// URL and Permalink, a feed's, and relURL and absURL in templates.
type Linker struct {
	origin   string // "https://example.org"
	basePath string // "/careers/"
}

// NewLinker returns the Linker of base_url.
func NewLinker(baseURL string) (*Linker, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("base_url: %w", err)
	}
	base := u.Path
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return &Linker{origin: u.Scheme + "://" + u.Host, basePath: base}, nil
}

// Rel gives the root-relative URL of a site path ("/jobs/" → "/careers/jobs/").
// Absolute URLs, fragments and scheme-relative URLs are returned unchanged.
func (l *Linker) Rel(p string) string {
	if isExternal(p) || strings.HasPrefix(p, "#") {
		return p
	}
	return l.basePath + strings.TrimPrefix(p, "/")
}

// Abs gives the absolute URL of a site path.
func (l *Linker) Abs(p string) string {
	if isExternal(p) {
		return p
	}
	return l.origin + l.Rel(p)
}

// SitePath is the inverse of Rel and Abs: the site path of a URL they
// made ("/careers/jobs/" or "https://example.org/careers/jobs/#pay" →
// "/jobs/#pay"), for the link checker, which reads site paths. ok is
// false for any other URL.
func (l *Linker) SitePath(u string) (p string, ok bool) {
	rest, ok := strings.CutPrefix(u, l.origin)
	if !ok {
		rest = u
	}
	if !strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "//") {
		return "", false
	}
	if rest, ok = strings.CutPrefix(rest, l.basePath); !ok {
		return "", false
	}
	return "/" + rest, true
}

// isExternal reports whether p is a URL with a scheme or a
// scheme-relative one. A site path ("/jobs/"), which every page's URL is,
// has neither: it is told without parsing it.
func isExternal(p string) bool {
	if strings.HasPrefix(p, "//") {
		return true
	}
	if strings.HasPrefix(p, "/") {
		return false
	}
	u, err := url.Parse(p)
	return err == nil && u.Scheme != ""
}
