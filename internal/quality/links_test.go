package quality

import (
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// linkBaseURL publishes the site under a path, as a GitHub project site is,
// so that a link that forgets the base path shows.
const linkBaseURL = "https://quality.example/careers/"

// linkAttr finds the URLs of href and src attributes. html/template always
// quotes attribute values with double quotes, so a pattern is enough for
// the output of our own templates.
var linkAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

// srcsetAttr finds srcset attributes (of <img> and <picture>'s <source>):
// each candidate is a URL, a space and a width.
var srcsetAttr = regexp.MustCompile(`\ssrcset="([^"]*)"`)

// metaImage finds the image a page gives to link previews: og:image and
// twitter:image, a card or the page's own image.
var metaImage = regexp.MustCompile(`<meta (?:property|name)="(?:og|twitter):image" content="([^"]*)"`)

// pageLinks returns the URLs in a page's href, src and srcset attributes
// and its preview images, unescaped.
func pageLinks(data []byte) []string {
	var links []string
	for _, re := range []*regexp.Regexp{linkAttr, metaImage} {
		for _, m := range re.FindAllSubmatch(data, -1) {
			links = append(links, html.UnescapeString(string(m[1])))
		}
	}
	for _, m := range srcsetAttr.FindAllSubmatch(data, -1) {
		for _, candidate := range strings.Split(html.UnescapeString(string(m[1])), ",") {
			if u, _, _ := strings.Cut(strings.TrimSpace(candidate), " "); u != "" {
				links = append(links, u)
			}
		}
	}
	return links
}

// idAttr finds the targets of fragments.
var idAttr = regexp.MustCompile(`\s(?:id|name)="([^"]*)"`)

// TestOutputLinks checks every link and source in every HTML page of the
// output (href, src, each srcset candidate, og:image and twitter:image),
// templates' and content's alike, built for a base URL with a path:
// a URL on the site's own host must point under the base path to a file
// that exists, and its #fragment to an id on that page. Links to other
// hosts are not followed.
func TestOutputLinks(t *testing.T) {
	t.Parallel()
	dir := builtSite(t, linkBaseURL)
	base, err := url.Parse(linkBaseURL)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string][]string{} // output file → its ids, read once
	idsOf := func(file string) []string {
		if got, ok := ids[file]; ok {
			return got
		}
		data, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
		var found []string
		for _, m := range idAttr.FindAllSubmatch(data, -1) {
			found = append(found, html.UnescapeString(string(m[1])))
		}
		ids[file] = found
		return found
	}

	var problems []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		page := filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, link := range pageLinks(data) {
			if msg := checkOutputLink(base, dir, page, link, idsOf); msg != "" {
				problems = append(problems, fmt.Sprintf("public/%s: %s", page, msg))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(problems)
	problems = slices.Compact(problems)
	if len(problems) > 0 {
		t.Errorf("%d broken links in the output built for %s:\n%s", len(problems), linkBaseURL, strings.Join(problems, "\n"))
	}
}

// checkOutputLink returns what is wrong with link on page (an output file
// name such as "jobs/x/index.html"), or "".
func checkOutputLink(base *url.URL, dir, page, link string, idsOf func(string) []string) string {
	pageURL := *base
	pageURL.Path = base.Path + strings.TrimSuffix(page, "index.html")
	u, err := pageURL.Parse(link)
	if err != nil {
		return fmt.Sprintf("link %q does not parse: %v", link, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host != base.Host {
		return "" // mailto:, another site, …
	}
	rest, ok := strings.CutPrefix(u.Path, base.Path)
	if !ok {
		return fmt.Sprintf("link %q points outside the base path %s", link, base.Path)
	}
	target := rest
	if target == "" || strings.HasSuffix(target, "/") {
		target = path.Join(target, "index.html")
	}
	if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
		return fmt.Sprintf("link %q points to no file (%s)", link, target)
	} else if info.IsDir() {
		target = path.Join(target, "index.html")
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
			return fmt.Sprintf("link %q points to a folder without index.html", link)
		}
	}
	if u.Fragment != "" && strings.HasSuffix(target, ".html") && !slices.Contains(idsOf(target), u.Fragment) {
		return fmt.Sprintf("link %q points to no id %q in %s", link, u.Fragment, target)
	}
	return ""
}
