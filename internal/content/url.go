package content

import (
	"fmt"
	"path"
	"strings"
	"unicode"
)

// fieldError is a problem with one front-matter key's value; Parse reports
// it at that value.
type fieldError struct{ key, msg string }

func (e *fieldError) Error() string { return e.key + ": " + e.msg }

// PageURL returns the URL of the content file at path (slash-separated,
// relative to the site root) with front matter fm: a root-relative path
// without the site's base path. The package documentation gives the rules.
func PageURL(file string, fm FrontMatter) (string, error) {
	if fm.URL != "" {
		return customURL(fm.URL)
	}
	rel, ok := strings.CutPrefix(file, "content/")
	if !ok || !strings.HasSuffix(rel, ".md") {
		return "", fmt.Errorf("%s: not a content file (want content/**/*.md)", file)
	}
	dir, name := path.Split(strings.TrimSuffix(rel, ".md"))
	segs := strings.TrimSuffix(dir, "/")
	if name != "_index" && name != "index" {
		segs = path.Join(segs, name)
	}
	if fm.Slug != "" {
		if err := checkSlug(fm.Slug, segs); err != nil {
			return "", err
		}
		segs = path.Join(path.Dir(segs), fm.Slug)
	}
	if segs == "" || segs == "." {
		return "/", nil
	}
	return "/" + segs + "/", nil
}

func checkSlug(slug, segs string) error {
	switch {
	case strings.ContainsAny(slug, `/\`):
		return &fieldError{"slug", fmt.Sprintf(`must not contain "/" or "\", got %q`, slug)}
	case slug == "." || slug == "..":
		return &fieldError{"slug", fmt.Sprintf(`must not be "." or "..", got %q`, slug)}
	case segs == "":
		return &fieldError{"slug", "cannot be set on the home page"}
	case segmentProblem(slug) != "":
		return &fieldError{"slug", fmt.Sprintf("%q %s", slug, segmentProblem(slug))}
	}
	return nil
}

// customURL checks and normalises a url from front matter. It must never
// lead outside the output directory, hence no ".." and no "\".
func customURL(u string) (string, error) {
	switch {
	case !strings.HasPrefix(u, "/"):
		return "", &fieldError{"url", fmt.Sprintf(`must start with "/", got %q`, u)}
	case strings.ContainsAny(u, `\?#`):
		return "", &fieldError{"url", fmt.Sprintf(`must be a path without "\", "?" or "#", got %q`, u)}
	}
	for seg := range strings.SplitSeq(u, "/") {
		if seg == ".." {
			return "", &fieldError{"url", fmt.Sprintf(`must not contain ".." segments, got %q`, u)}
		}
	}
	if err := CheckSegments(u); err != nil {
		return "", &fieldError{"url", err.Error()}
	}
	clean := path.Clean(u)
	if clean == "/" || strings.Contains(path.Base(clean), ".") {
		return clean, nil // "/feed.xml", "/old/page.html": a file, not a directory
	}
	return clean + "/", nil
}

// Slugify turns s into a URL segment: letters and digits (any script) are
// kept and lower-cased, every run of other characters becomes one "-", and
// dashes are trimmed from both ends. "Back-End Developer!" becomes
// "back-end-developer", "Café" becomes "café".
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
