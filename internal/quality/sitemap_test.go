package quality

import (
	"encoding/xml"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// The sitemaps.org protocol's limits for one file.
const (
	maxSitemapURLs  = 50000
	maxSitemapBytes = 50 << 20
	maxLocLength    = 2048
)

// sitemapFile is a <urlset> or a <sitemapindex> (sitemaps.org, schema 0.9).
type sitemapFile struct {
	XMLName xml.Name     `xml:""`
	URLs    []sitemapURL `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
	Maps    []sitemapURL `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

type sitemapURL struct {
	Loc        []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
	Lastmod    []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	Changefreq []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 changefreq"`
	Priority   []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 priority"`
}

// w3cDate is the W3C Datetime profile the protocol requires for lastmod:
// YYYY-MM-DD, or a date and time with a time zone designator.
var w3cDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$`)

var changefreqs = map[string]bool{"always": true, "hourly": true, "daily": true, "weekly": true, "monthly": true, "yearly": true, "never": true}

// TestSitemap checks sitemap.xml (and, for a sitemap index, every sitemap it
// lists) against the sitemaps.org protocol, that every URL in it is a page
// of the output other than the 404 page, and that robots.txt names it.
func TestSitemap(t *testing.T) {
	t.Parallel()
	dir := builtSite(t, feedBaseURL)
	if !exists(dir, "sitemap.xml") {
		t.Skip("the build writes no /sitemap.xml yet (the sitemap is still to come)")
	}
	queue := []string{"sitemap.xml"}
	seen := map[string]bool{}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] {
			continue
		}
		seen[name] = true
		nested, problems := checkSitemap(dir, name)
		for _, p := range problems {
			t.Errorf("public/%s: %s", name, p)
		}
		queue = append(queue, nested...)
	}
	checkRobots(t, dir)
}

// checkSitemap checks the sitemap file name of the output and returns the
// sitemaps it lists, if it is an index, as output file names.
func checkSitemap(dir, name string) (nested, problems []string) {
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		bad("%v", err)
		return nil, problems
	}
	if len(data) > maxSitemapBytes {
		bad("is %d bytes, over the protocol's limit of %d", len(data), maxSitemapBytes)
	}
	if msg := checkUTF8(data); msg != "" {
		bad("%s", msg)
	}
	var f sitemapFile
	if err := xml.Unmarshal(data, &f); err != nil {
		bad("not XML: %v", err)
		return nil, problems
	}
	if f.XMLName.Space != sitemapNS {
		bad("root element is in namespace %q, want %q", f.XMLName.Space, sitemapNS)
	}
	entries := f.URLs
	switch f.XMLName.Local {
	case "urlset":
		if len(f.Maps) > 0 {
			bad("a <urlset> holds <sitemap> elements")
		}
	case "sitemapindex":
		if len(f.URLs) > 0 {
			bad("a <sitemapindex> holds <url> elements")
		}
		entries = f.Maps
	default:
		bad("root element is <%s>, want <urlset> or <sitemapindex>", f.XMLName.Local)
	}
	if len(entries) == 0 {
		bad("lists no URL")
	}
	if len(entries) > maxSitemapURLs {
		bad("lists %d URLs, over the protocol's limit of %d", len(entries), maxSitemapURLs)
	}
	locs := map[string]bool{}
	for i, e := range entries {
		where := fmt.Sprintf("entry %d", i+1)
		if len(e.Loc) != 1 {
			bad("%s has %d <loc> elements, want 1", where, len(e.Loc))
			continue
		}
		loc := e.Loc[0]
		where = fmt.Sprintf("entry %d (%s)", i+1, loc)
		if locs[loc] {
			bad("%s is listed twice", where)
		}
		locs[loc] = true
		file, ok := checkLoc(bad, where, loc)
		if ok && f.XMLName.Local == "sitemapindex" {
			nested = append(nested, file)
		} else if ok {
			checkPageFile(bad, where, dir, file)
		}
		checkOptional(bad, where, e)
	}
	return nested, problems
}

// checkLoc checks a <loc> and returns the output file it names.
func checkLoc(bad func(string, ...any), where, loc string) (string, bool) {
	if len(loc) > maxLocLength {
		bad("%s: <loc> is longer than %d characters", where, maxLocLength)
	}
	if loc != strings.TrimSpace(loc) {
		bad("%s: <loc> has spaces around it", where)
	}
	u, err := url.Parse(loc)
	if err != nil || !u.IsAbs() || u.Host == "" {
		bad("%s: <loc> is not an absolute URL", where)
		return "", false
	}
	rel, ok := strings.CutPrefix(loc, feedBaseURL)
	if !ok {
		bad("%s: <loc> is not under --base-url %s", where, feedBaseURL)
		return "", false
	}
	rel, err = url.PathUnescape(rel)
	if err != nil {
		bad("%s: <loc> has a bad escape: %v", where, err)
		return "", false
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel = path.Join(rel, "index.html")
	}
	return rel, true
}

// checkPageFile: a listed page exists, and is neither the 404 page nor a
// redirect left by an alias.
func checkPageFile(bad func(string, ...any), where, dir, file string) {
	if file == "404.html" {
		bad("%s: the 404 page does not belong in a sitemap", where)
		return
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		bad("%s: no such page in the output (%s)", where, file)
		return
	}
	if strings.Contains(strings.ToLower(string(data)), `http-equiv="refresh"`) {
		bad("%s: is a redirect (an alias), which does not belong in a sitemap", where)
	}
}

func checkOptional(bad func(string, ...any), where string, e sitemapURL) {
	if len(e.Lastmod) > 1 || len(e.Changefreq) > 1 || len(e.Priority) > 1 {
		bad("%s repeats <lastmod>, <changefreq> or <priority>", where)
	}
	for _, m := range e.Lastmod {
		if !w3cDate.MatchString(m) {
			bad("%s: <lastmod> %q is not a W3C Datetime (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssTZD)", where, m)
		} else if _, err := time.Parse(time.DateOnly, m[:10]); err != nil {
			bad("%s: <lastmod> %q is not a real date", where, m)
		}
	}
	for _, c := range e.Changefreq {
		if !changefreqs[c] {
			bad("%s: <changefreq> %q is not one of the protocol's values", where, c)
		}
	}
	for _, p := range e.Priority {
		if v, err := strconv.ParseFloat(p, 64); err != nil || v < 0 || v > 1 {
			bad("%s: <priority> %q is not a number from 0.0 to 1.0", where, p)
		}
	}
}

// checkRobots: robots.txt, when the build writes one, names the sitemap by
// its absolute URL.
func checkRobots(t *testing.T, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "robots.txt"))
	if err != nil {
		t.Log("no robots.txt in the output yet; not checking that it names the sitemap")
		return
	}
	want := feedBaseURL + "sitemap.xml"
	for line := range strings.Lines(string(data)) {
		key, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(key), "sitemap") && strings.TrimSpace(value) == want {
			return
		}
	}
	t.Errorf("public/robots.txt has no line \"Sitemap: %s\":\n%s", want, data)
}
