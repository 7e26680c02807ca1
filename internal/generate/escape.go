package generate

import "net/url"

// escapePath percent-encodes a URL path for places that take URLs as plain
// text (feeds, the sitemap, _redirects), where a browser's leniency with
// spaces and non-ASCII letters cannot be counted on: "/skills/café/" →
// "/skills/caf%C3%A9/". Characters already allowed are left as they are.
func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

// escapeURL does what escapePath does to the path of an absolute URL.
func escapeURL(abs string) string {
	u, err := url.Parse(abs)
	if err != nil {
		return abs
	}
	return u.String()
}
