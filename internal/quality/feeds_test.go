package quality

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// feedBaseURL is the base URL the feed and sitemap tests build with, so
// that they can tell that every absolute URL honours --base-url.
const feedBaseURL = "https://quality.example/careers/"

// atomFeed holds the parts of an Atom 1.0 feed (RFC 4287) that the test
// checks. Elements that must appear once are slices so that a repeat shows.
type atomFeed struct {
	XMLName xml.Name     `xml:"http://www.w3.org/2005/Atom feed"`
	ID      []string     `xml:"http://www.w3.org/2005/Atom id"`
	Title   []atomText   `xml:"http://www.w3.org/2005/Atom title"`
	Updated []string     `xml:"http://www.w3.org/2005/Atom updated"`
	Authors []atomPerson `xml:"http://www.w3.org/2005/Atom author"`
	Links   []atomLink   `xml:"http://www.w3.org/2005/Atom link"`
	Entries []atomEntry  `xml:"http://www.w3.org/2005/Atom entry"`
}

type atomEntry struct {
	ID      []string     `xml:"http://www.w3.org/2005/Atom id"`
	Title   []atomText   `xml:"http://www.w3.org/2005/Atom title"`
	Updated []string     `xml:"http://www.w3.org/2005/Atom updated"`
	Authors []atomPerson `xml:"http://www.w3.org/2005/Atom author"`
	Links   []atomLink   `xml:"http://www.w3.org/2005/Atom link"`
	Summary []atomText   `xml:"http://www.w3.org/2005/Atom summary"`
	Content []atomText   `xml:"http://www.w3.org/2005/Atom content"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Src  string `xml:"src,attr"`
	Text string `xml:",chardata"`
}

type atomPerson struct {
	Name []string `xml:"http://www.w3.org/2005/Atom name"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

// TestFeeds parses /feed.xml and every section's feed.xml as Atom 1.0.
func TestFeeds(t *testing.T) {
	t.Parallel()
	dir := builtSite(t, feedBaseURL)
	if !exists(dir, "feed.xml") {
		t.Skip("the build writes no /feed.xml yet (feeds are still to come)")
	}
	var feeds []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "feed.xml" {
			rel, _ := filepath.Rel(dir, p)
			feeds = append(feeds, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, section := range sections(t, dir) {
		if !exists(dir, section+"/feed.xml") {
			t.Errorf("section %s has no feed: %s/feed.xml is missing", section, section)
		}
	}
	for _, name := range feeds {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range checkAtom(data, feedBaseURL+name) {
				t.Errorf("public/%s: %s", name, p)
			}
		})
	}
}

// sections are the first-level folders of content/ that have pages: the
// sections that each get a feed.
func sections(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(repoRoot, "content"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && exists(dir, e.Name()+"/index.html") {
			names = append(names, e.Name())
		}
	}
	return names
}

// checkAtom returns what is wrong with an Atom feed published at selfURL.
func checkAtom(data []byte, selfURL string) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if msg := checkUTF8(data); msg != "" {
		bad("%s", msg)
	}
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		return append(problems, fmt.Sprintf("not an Atom feed: %v", err))
	}
	one := func(where, elem string, n int) {
		if n != 1 {
			bad("%s has %d <%s> elements, want exactly 1", where, n, elem)
		}
	}
	one("feed", "id", len(f.ID))
	one("feed", "title", len(f.Title))
	one("feed", "updated", len(f.Updated))
	for _, id := range f.ID {
		checkIRI(bad, "feed id", id)
	}
	for _, u := range f.Updated {
		checkAtomDate(bad, "feed updated", u)
	}
	for _, title := range f.Title {
		checkText(bad, "feed title", title)
	}
	checkLinks(bad, "feed", f.Links)
	if !hasLink(f.Links, "self", selfURL) {
		bad(`feed has no <link rel="self" href=%q>`, selfURL)
	}
	if !hasLink(f.Links, "alternate", "") {
		bad(`feed has no <link rel="alternate"> to its HTML page`)
	}
	checkAuthors(bad, "feed", f.Authors)

	ids := map[string]int{}
	for i, e := range f.Entries {
		where := fmt.Sprintf("entry %d", i+1)
		for _, title := range e.Title {
			where = fmt.Sprintf("entry %d (%q)", i+1, strings.TrimSpace(title.Text))
			checkText(bad, where+" title", title)
		}
		one(where, "id", len(e.ID))
		one(where, "title", len(e.Title))
		one(where, "updated", len(e.Updated))
		for _, id := range e.ID {
			checkIRI(bad, where+" id", id)
			if n, seen := ids[id]; seen {
				bad("%s has the same id as entry %d: %s", where, n, id)
			}
			ids[id] = i + 1
		}
		for _, u := range e.Updated {
			checkAtomDate(bad, where+" updated", u)
		}
		checkLinks(bad, where, e.Links)
		if !hasLink(e.Links, "alternate", "") {
			bad(`%s has no <link rel="alternate" href="…"> to its page`, where)
		}
		// RFC 4287 4.1.1: a feed without an author needs one in every entry.
		if len(f.Authors) == 0 && len(e.Authors) == 0 {
			bad("%s has no <author>, and neither has the feed", where)
		}
		checkAuthors(bad, where, e.Authors)
		if len(e.Summary) > 1 || len(e.Content) > 1 {
			bad("%s has more than one <summary> or <content>", where)
		}
		for _, c := range e.Content {
			// RFC 4287 4.1.1.1: out-of-line or non-text content needs a summary.
			if (c.Src != "" || !isTextType(c.Type)) && len(e.Summary) == 0 {
				bad("%s has <content type=%q src=%q> but no <summary>", where, c.Type, c.Src)
			}
		}
	}
	return problems
}

// checkUTF8: a feed or sitemap is UTF-8, and an XML declaration, if any,
// says so. It returns "" when data is fine.
func checkUTF8(data []byte) string {
	if !utf8.Valid(data) {
		return "is not valid UTF-8"
	}
	decl, ok := bytes.CutPrefix(data, []byte("<?xml "))
	if !ok {
		return ""
	}
	decl, _, _ = bytes.Cut(decl, []byte("?>"))
	if m := xmlEncoding.FindSubmatch(decl); m != nil && !strings.EqualFold(string(m[1]), "utf-8") {
		return fmt.Sprintf("declares encoding %q, want UTF-8", m[1])
	}
	return ""
}

var xmlEncoding = regexp.MustCompile(`encoding\s*=\s*["']([^"']*)["']`)

// checkIRI: Atom ids are absolute IRIs (RFC 4287 4.2.6).
func checkIRI(bad func(string, ...any), what, s string) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Scheme == "" {
		bad("%s %q is not an absolute IRI", what, s)
	}
	if s != strings.TrimSpace(s) {
		bad("%s %q has spaces around it", what, s)
	}
}

// checkAtomDate: Atom dates are RFC 3339 date-times, with a time zone.
func checkAtomDate(bad func(string, ...any), what, s string) {
	if _, err := time.Parse(time.RFC3339, s); err != nil {
		bad("%s %q is not an RFC 3339 date-time", what, s)
	}
}

func isTextType(typ string) bool {
	return typ == "" || typ == "text" || typ == "html" || typ == "xhtml"
}

func checkText(bad func(string, ...any), what string, txt atomText) {
	if !isTextType(txt.Type) {
		bad("%s has type %q, want text, html or xhtml", what, txt.Type)
	}
	if strings.TrimSpace(txt.Text) == "" && txt.Type != "xhtml" {
		bad("%s is empty", what)
	}
}

// checkLinks: every link has an absolute href under the site's base URL,
// and at most one alternate link per type (RFC 4287 4.1.1, 4.1.2).
func checkLinks(bad func(string, ...any), where string, links []atomLink) {
	alternates := map[string]bool{}
	for _, l := range links {
		if l.Href == "" {
			bad("%s has a <link> without href", where)
			continue
		}
		if !strings.HasPrefix(l.Href, feedBaseURL) {
			bad("%s link %q is not an absolute URL under --base-url %s", where, l.Href, feedBaseURL)
		}
		if l.Rel == "" || l.Rel == "alternate" {
			if alternates[l.Type] {
				bad("%s has two alternate links of type %q", where, l.Type)
			}
			alternates[l.Type] = true
		}
	}
}

func checkAuthors(bad func(string, ...any), where string, authors []atomPerson) {
	for _, a := range authors {
		if len(a.Name) != 1 || strings.TrimSpace(a.Name[0]) == "" {
			bad("%s has an <author> without exactly one non-empty <name>", where)
		}
	}
}

// hasLink reports whether links has one with rel (an absent rel means
// "alternate") and, when href is not empty, that href.
func hasLink(links []atomLink, rel, href string) bool {
	for _, l := range links {
		r := l.Rel
		if r == "" {
			r = "alternate"
		}
		if r == rel && (href == "" || l.Href == href) {
			return true
		}
	}
	return false
}
