package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	tdhtml "github.com/tdewolff/parse/v2/html"
)

// unsafeMarkup returns what in the HTML document page could run script:
//
//   - a <script> element, except the theme's own: JSON-LD
//     (type="application/ld+json", whose text must be valid JSON without
//     a "<", so that no "</script>" can end it early) and a script loaded
//     from a root-relative src (the theme's fingerprinted assets);
//   - an element that embeds or redirects a document: iframe, frame,
//     object, embed, applet, base;
//   - an event-handler attribute (any name starting with "on");
//   - a javascript:, vbscript: or data:text/html URL in an attribute that
//     holds one, after HTML entities, spaces and control characters are
//     dealt with as a browser would, and in a meta refresh.
//
// Inline SVG and MathML are read as XML and checked the same way. It is
// how the tests below tell that content did not put script into a page:
// the theme itself passes.
func unsafeMarkup(page []byte) []string {
	var problems []string
	l := tdhtml.NewLexer(parse.NewInputBytes(page))
	var (
		tag   string
		attrs map[string]string
		json  bool // the last start tag was a JSON-LD script: its text follows
	)
	for {
		tt, data := l.Next()
		switch tt {
		case tdhtml.ErrorToken:
			if err := l.Err(); err != nil && !errors.Is(err, io.EOF) {
				problems = append(problems, "cannot read the HTML: "+err.Error())
			}
			return problems
		case tdhtml.StartTagToken:
			tag, attrs = string(l.Text()), map[string]string{}
		case tdhtml.AttributeToken:
			key, val := string(l.AttrKey()), attrValue(l.AttrVal())
			attrs[key] = val
			problems = append(problems, attrProblems(tag, key, val)...)
		case tdhtml.StartTagCloseToken, tdhtml.StartTagVoidToken:
			var p string
			p, json = elementProblem(tag, attrs)
			if p != "" {
				problems = append(problems, p)
			}
		case tdhtml.TextToken:
			if json {
				if bytes.Contains(data, []byte("<")) || !jsonValid(data) {
					problems = append(problems, fmt.Sprintf("JSON-LD that is not safe, valid JSON: %.200q", data))
				}
				json = false
			}
		case tdhtml.EndTagToken:
			json = false
		case tdhtml.SVGToken, tdhtml.MathToken, tdhtml.XMLToken:
			problems = append(problems, xmlProblems(data)...)
		}
	}
}

func jsonValid(b []byte) bool { return json.Valid(b) }

// attrValue unquotes an attribute value as the lexer returns it and
// decodes its character references.
func attrValue(raw []byte) string {
	v := string(raw)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return html.UnescapeString(v)
}

// urlAttrs are the attributes whose value a browser may load or follow.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "cite": true,
	"poster": true, "background": true, "data": true, "xlink:href": true, "srcset": true,
	"ping": true, "longdesc": true, "manifest": true, "codebase": true,
}

func attrProblems(tag, key, val string) []string {
	var problems []string
	if strings.HasPrefix(key, "on") {
		problems = append(problems, fmt.Sprintf("<%s %s=%q>: an event-handler attribute", tag, key, val))
	}
	if urlAttrs[key] && scriptURL(val) {
		problems = append(problems, fmt.Sprintf("<%s %s=%q>: a script URL", tag, key, val))
	}
	if key == "content" && strings.Contains(strings.ToLower(val), "url=") && scriptURL(val[strings.Index(strings.ToLower(val), "url=")+4:]) {
		problems = append(problems, fmt.Sprintf("<%s content=%q>: a refresh to a script URL", tag, val))
	}
	return problems
}

// scriptURL reports whether a browser would run u as script: it drops
// leading spaces and controls and any tab or newline inside, and compares
// the scheme without case.
func scriptURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.ToLower(strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:") || strings.HasPrefix(u, "data:text/html")
}

// elementProblem checks a whole start tag; it also reports whether the
// tag opens JSON-LD.
func elementProblem(tag string, attrs map[string]string) (string, bool) {
	switch tag {
	case "script":
		switch src := attrs["src"]; {
		case strings.EqualFold(attrs["type"], "application/ld+json") && src == "":
			return "", true
		case strings.HasPrefix(src, "/") && !strings.HasPrefix(src, "//"):
			return "", false
		}
		return fmt.Sprintf("a <script> element %v", attrs), false
	case "iframe", "frame", "object", "embed", "applet", "base":
		return fmt.Sprintf("a <%s> element %v", tag, attrs), false
	}
	return "", false
}

// xmlProblems checks inline SVG or MathML: no script or foreignObject
// elements, and the attributes as in HTML.
func xmlProblems(data []byte) []string {
	var problems []string
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	for {
		tok, err := d.Token()
		if err != nil {
			if !errors.Is(err, io.EOF) {
				problems = append(problems, "cannot read inline SVG: "+err.Error())
			}
			return problems
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		name := strings.ToLower(se.Name.Local)
		if name == "script" || name == "foreignobject" {
			problems = append(problems, "a <"+name+"> element in inline SVG")
		}
		for _, a := range se.Attr {
			key := strings.ToLower(a.Name.Local)
			if a.Name.Space != "" && key == "href" {
				key = "xlink:href"
			}
			problems = append(problems, attrProblems(name, key, a.Value)...)
		}
	}
}

// TestUnsafeMarkup checks the checker: what it must find, and what it
// must let through.
func TestUnsafeMarkup(t *testing.T) {
	bad := []string{
		`<p>x<script>alert(1)</script></p>`,
		`<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="JaVa&#x53;cript:alert(1)">x</a>`,
		"<a href=\" \x01java\tscript:alert(1)\">x</a>",
		`<a href='vbscript:msgbox(1)'>x</a>`,
		`<iframe src="data:text/html,x"></iframe>`,
		`<meta http-equiv="refresh" content="0; url=javascript:alert(1)">`,
		`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<svg onload="alert(1)"></svg>`,
		`<svg><script>alert(1)</script></svg>`,
		`<script type="application/ld+json">{"a": "<b>"}</script>`,
		`<script type="application/ld+json">{not json}</script>`,
		`<base href="https://evil.example/">`,
	}
	for _, page := range bad {
		if got := unsafeMarkup([]byte(page)); len(got) == 0 {
			t.Errorf("unsafeMarkup(%q) found nothing", page)
		}
	}
	good := []string{
		`<p>onclick=alert(1) and javascript:alert(1) and &lt;script&gt;</p>`,
		`<a href="https://example.org/?q=javascript:x">x</a>`,
		`<a href="#ZgotmplZ">x</a>`,
		`<script src="/js/search.3f2a9c1e.js" defer></script>`,
		`<script type="application/ld+json">{"a": "\u003c/script\u003e"}</script>`,
		`<title>&lt;script&gt;</title><textarea><script></textarea>`,
		`<svg role="img" aria-label="&lt;script&gt;"><text>x</text></svg>`,
	}
	for _, page := range good {
		if got := unsafeMarkup([]byte(page)); len(got) > 0 {
			t.Errorf("unsafeMarkup(%q) = %q, want nothing", page, got)
		}
	}
}
