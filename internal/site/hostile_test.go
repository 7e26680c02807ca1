package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/output"
)

// payload closes an attribute and a tag and opens a script: it must come
// out escaped wherever a template writes it.
const payload = `"><script>alert(1)</script>`

// TestHostileValuesAreEscaped builds testdata/hostile/site.txtar with the
// default theme: the payload sits in the site's title, description, author
// and menu, and in every page's title and description, tags, skills,
// authors, career fields (a job's salary source, posting organization,
// place and identifier; a role's career-path steps; a certification's
// credential, provider, verdict, pros and cons) and Markdown (text, a
// heading with attributes, raw HTML, code blocks and their info strings,
// tables, footnotes, javascript: links of every spelling). Then every file
// written is checked in its own terms:
//
//   - HTML pages: no script, event-handler attribute or script URL that
//     the theme did not write (unsafeMarkup), the payload present as
//     escaped text, JSON-LD valid JSON whose strings hold the payload
//     intact (so it was escaped as \u003c, not dropped), a javascript:
//     menu URL neutralised by html/template ("#ZgotmplZ"), and a heading's
//     {onclick=…} attributes dropped but its id kept;
//   - Atom feeds and sitemaps: well-formed XML whose text gives back the
//     payload (XML-escaped, not dropped), whose URLs are no script URLs,
//     and whose HTML content passes unsafeMarkup once decoded.
func TestHostileValuesAreEscaped(t *testing.T) {
	tree := buildHostile(t, "testdata/hostile/site.txtar", payload)
	names := tree.Names()
	if len(names) == 0 {
		t.Fatal("the build wrote nothing")
	}
	seen := map[string]bool{}
	for _, name := range names {
		data, _ := tree.Lookup(name)
		switch path.Ext(name) {
		case ".html":
			checkHostileHTML(t, name, data, seen)
		case ".xml":
			checkHostileXML(t, name, data, seen)
		}
	}
	for _, what := range []string{"escaped text", "JSON-LD", "feed", "sitemap", "neutralised menu URL"} {
		if !seen[what] {
			t.Errorf("no page showed the payload as %s: the test no longer covers it", what)
		}
	}

	// goldmark's attribute syntax: only the id survives.
	job, _ := tree.Lookup("jobs/hostile-job/index.html")
	for _, want := range []string{`<h2 id="second">Second</h2>`, `<h2 id="ok">Third</h2>`} {
		if !bytes.Contains(job, []byte(want)) {
			t.Errorf("the job page has no %s: a heading's attributes were not dropped", want)
		}
	}
}

// escapedPayload is the payload as html/template writes it in text and
// in a quoted attribute.
var escapedPayload = html.EscapeString(payload)

func checkHostileHTML(t *testing.T, name string, data []byte, seen map[string]bool) {
	t.Helper()
	for _, p := range unsafeMarkup(data) {
		t.Errorf("%s: %s", name, p)
	}
	if bytes.Contains(data, []byte(escapedPayload)) || bytes.Contains(data, []byte(strings.ReplaceAll(escapedPayload, "&#34;", "&quot;"))) {
		seen["escaped text"] = true
	}
	if bytes.Contains(data, []byte(`href="#ZgotmplZ"`)) {
		seen["neutralised menu URL"] = true
	}
	for _, doc := range jsonLD(data) {
		var v any
		if err := json.Unmarshal(doc, &v); err != nil {
			t.Errorf("%s: JSON-LD is not JSON: %v", name, err)
			continue
		}
		if containsString(v, payload) {
			seen["JSON-LD"] = true
		}
	}
}

var jsonLDRe = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)

// jsonLD returns the JSON-LD documents of a page.
func jsonLD(page []byte) [][]byte {
	var docs [][]byte
	for _, m := range jsonLDRe.FindAllSubmatch(page, -1) {
		docs = append(docs, m[1])
	}
	return docs
}

// containsString reports whether a decoded JSON value holds a string that
// contains s.
func containsString(v any, s string) bool {
	switch v := v.(type) {
	case string:
		return strings.Contains(v, s)
	case []any:
		for _, e := range v {
			if containsString(e, s) {
				return true
			}
		}
	case map[string]any:
		for _, e := range v {
			if containsString(e, s) {
				return true
			}
		}
	}
	return false
}

// checkHostileXML reads a feed or sitemap strictly: it must be
// well-formed; text must give back the payload; HTML carried in a feed
// must be safe once decoded.
func checkHostileXML(t *testing.T, name string, data []byte, seen map[string]bool) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	htmlText, xmlURLElement := false, false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			htmlText, xmlURLElement = false, tok.Name.Local == "loc" || tok.Name.Local == "id" || tok.Name.Local == "uri" || tok.Name.Local == "icon" || tok.Name.Local == "logo"
			for _, a := range tok.Attr {
				if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml") {
					htmlText = true
				}
				if xmlURLAttrs[a.Name.Local] && scriptURL(a.Value) {
					t.Errorf("%s: <%s %s=%q>: a script URL", name, tok.Name.Local, a.Name.Local, a.Value)
				}
			}
		case xml.CharData:
			text := string(tok)
			if strings.Contains(text, payload) {
				seen["feed"] = true
			}
			if strings.HasPrefix(name, "sitemap") && strings.Contains(text, "/tags/") {
				seen["sitemap"] = true // well-formed so far, with the term pages
			}
			if xmlURLElement && scriptURL(text) {
				t.Errorf("%s: a script URL: %q", name, text)
			}
			if htmlText {
				for _, p := range unsafeMarkup([]byte(text)) {
					t.Errorf("%s: HTML content: %s", name, p)
				}
			}
		case xml.EndElement:
			htmlText, xmlURLElement = false, false
		}
	}
}

// xmlURLAttrs are the attributes of Atom and sitemaps that hold a URL.
var xmlURLAttrs = map[string]bool{"href": true, "src": true, "scheme": true, "uri": true}

// buildHostile writes the site of a txtar archive, with every "$X" made
// x, and builds it with the default theme into memory.
func buildHostile(t *testing.T, archive, x string) *output.Tree {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	for _, f := range ar.Files {
		writeFile(t, filepath.Join(src, filepath.FromSlash(f.Name)), bytes.ReplaceAll(f.Data, []byte("$X"), []byte(x)))
	}
	mem := output.NewMemory()
	opts := Options{Source: src, Now: testNow, Theme: careersite.Theme()}
	if _, err := BuildTo(t.Context(), opts, mem); err != nil {
		t.Fatalf("build: %v", err)
	}
	return mem.Tree()
}

// TestScriptURLsInCareerFieldsAreRefused: a URL field of the career data
// (a salary source, an organization, an application link) must be an
// absolute http or https URL, so a javascript: URL never reaches a page;
// it is an error at its value.
func TestScriptURLsInCareerFieldsAreRefused(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "site.yaml"), []byte("title: T\n"))
	writeFile(t, filepath.Join(src, "content/jobs/x.md"), []byte(`---
title: X
date: 2026-01-01
role: X
seniority: mid
salary:
  currency: USD
  min: 1
  max: 2
  period: year
  source: {name: S, url: "javascript:alert(1)"}
  as_of: 2026-01-01
posting:
  organization: {name: O, url: "JavaScript:alert(1)"}
  date_posted: 2026-11-01
  apply_url: "  javascript:alert(1)"
---
`))
	_, err := BuildTo(t.Context(), Options{Source: src, Now: testNow, Theme: careersite.Theme()}, output.NewMemory())
	if err == nil {
		t.Fatal("the build succeeded, want the script URLs refused")
	}
	for _, want := range []string{
		`content/jobs/x.md:11:26: salary.source.url: want an absolute http or https URL`,
		`content/jobs/x.md:14:32: posting.organization.url: want an absolute http or https URL`,
		`content/jobs/x.md:16:14: posting.apply_url: want an absolute http or https URL`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error:\n%v\nwant a line starting %q", err, want)
		}
	}
}
