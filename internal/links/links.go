// Package links checks that the links written in Markdown point to
// something the build produces.
//
// A Site is filled with every output file of a build (AddFile), or made of
// the files whose ids a build knows already (Known), before any page is
// checked; the ids of HTML files are collected as they are added, so
// a fragment is checked against the anchors the page really has — heading ids,
// footnotes and the ids the templates write — not against a guess.
//
// Check resolves each link of a page the way a browser would, relative to
// the page's own URL:
//
//   - a link with a scheme (https:, mailto:, tel:) or a host ("//cdn.example")
//     is external and is not checked;
//   - "#pay" points into the page itself;
//   - "/jobs/x/" is root-relative: it is read from the site's root (the base
//     path is not part of it);
//   - "../x/" and "x/" are relative to the page's URL.
//
// A path that ends in "/" points to its index.html; a path without an
// extension may also point to the index.html below it ("/jobs/x" serves
// "/jobs/x/"). The query string is ignored; the path and fragment are
// percent-decoded before they are looked up. A fragment is only checked on an
// HTML file.
//
// A build that checks the same pages again and again (serve) keeps a Page
// for each (pages.go): its Markdown links, resolved once; CheckPage checks
// them and tells which output names the result depends on, so that a
// build can keep the result while those do not change (internal/linkrecord).
package links

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/careersite/careersite/internal/diag"
)

// Site is every file a build produces, with the ids of its HTML files.
// AddFile may be called from many goroutines; Check must not run before the
// last AddFile has returned. A Site made by Known looks its files up
// where the build keeps them.
type Site struct {
	mu    sync.Mutex
	files map[string]IDs                // output name → ids (nil for a non-HTML file)
	known func(name string) (IDs, bool) // set by Known, in the place of files
}

// IDs are the ids of an HTML file, sorted, each once; not nil for an HTML
// file that has none. A build keeps them for every page it published, so
// they are a sorted list, which takes much less memory than a map.
type IDs []string

// Has reports whether id is one of ids.
func (ids IDs) Has(id string) bool {
	_, found := slices.BinarySearch(ids, id)
	return found
}

// New returns an empty Site.
func New() *Site {
	return &Site{files: map[string]IDs{}}
}

// AddFile records an output file by its name in the output
// ("jobs/x/index.html"). The ids of an HTML file are read from data.
func (s *Site) AddFile(name string, data []byte) {
	var ids IDs
	if path.Ext(name) == ".html" {
		ids = scanIDs(data)
	}
	s.mu.Lock()
	s.files[name] = ids
	s.mu.Unlock()
}

// Link is a link as written in a page, with its position in the file.
type Link struct {
	Dest      string
	Line, Col int
}

// Broken is a link that points to nothing the build produces.
type Broken struct {
	File      string // the Markdown file: "content/roles/x.md"
	Line, Col int
	Dest      string
	Reason    string // "points to no page", `has no anchor "pay" on /jobs/x/`
}

func (b *Broken) Error() string { return b.Problem().Error() }

// Problem returns b as a problem at its place in the Markdown file:
// `content/roles/x.md:41:7: link "/jobs/nope/" points to no page`.
func (b *Broken) Problem() *diag.Error {
	return &diag.Error{
		File: b.File, Line: b.Line, Col: b.Col,
		Msg:  fmt.Sprintf("link %q %s", b.Dest, b.Reason),
		Kind: "broken links",
	}
}

// Check returns the broken links of the page at pageURL (a site path such
// as "/roles/x/"), whose source is file. Broken links come back in the order
// of links.
func (s *Site) Check(file, pageURL string, links []Link) []*Broken {
	var broken []*Broken
	for _, l := range links {
		if reason := s.check(pageURL, l.Dest); reason != "" {
			broken = append(broken, &Broken{File: file, Line: l.Line, Col: l.Col, Dest: l.Dest, Reason: reason})
		}
	}
	return broken
}

// check returns why dest, written on the page at pageURL, is broken, or "".
func (s *Site) check(pageURL, dest string) string {
	return s.checkRef(Resolve(pageURL, dest))
}

// A Ref is a link resolved against the page it is written on, as far as
// that can be done without knowing the site's files: a build that checks
// the same links again and again keeps them (see CheckRef).
type Ref struct {
	invalid    bool
	external   bool
	candidates []string // the output names the target may be served from, in the order looked up
	fragment   string
}

// Candidates returns the output names the link may be served from, in the
// order they are looked up; none for an external or invalid link. Whether
// the link is broken depends on nothing else of the site than whether each
// of them exists and which ids it has.
func (r Ref) Candidates() []string { return r.candidates }

// Resolve resolves dest, written on the page at pageURL.
func Resolve(pageURL, dest string) Ref {
	u, err := url.Parse(dest)
	if err != nil {
		return Ref{invalid: true}
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") {
		return Ref{external: true}
	}
	target := pageURL
	if u.Path != "" {
		target = resolve(pageURL, u.Path)
	}
	return Ref{candidates: candidates(target), fragment: u.Fragment}
}

// CheckRef is Check for one link already resolved: nil when it is not
// broken.
func (s *Site) CheckRef(file string, r Ref, l Link) *Broken {
	if reason := s.checkRef(r); reason != "" {
		return &Broken{File: file, Line: l.Line, Col: l.Col, Dest: l.Dest, Reason: reason}
	}
	return nil
}

func (s *Site) checkRef(r Ref) string {
	switch {
	case r.invalid:
		return "is not a valid URL"
	case r.external:
		return ""
	}
	name, ids, ok := s.lookup(r.candidates)
	if !ok {
		return "points to no page"
	}
	if r.fragment == "" || ids == nil {
		return ""
	}
	if !ids.Has(r.fragment) {
		return fmt.Sprintf("points to no anchor %q on %s", r.fragment, "/"+strings.TrimSuffix(name, "index.html"))
	}
	return ""
}

// resolve reads p relative to the page at pageURL, keeping a final "/".
func resolve(pageURL, p string) string {
	if !strings.HasPrefix(p, "/") {
		dir := pageURL
		if !strings.HasSuffix(dir, "/") {
			dir = path.Dir(dir) + "/"
		}
		p = dir + p
	}
	resolved := path.Clean(p)
	if strings.HasSuffix(p, "/") && resolved != "/" {
		resolved += "/"
	}
	return resolved
}

// candidates returns the output names a site path may be served from, in
// the order they are looked up.
func candidates(p string) []string {
	name := strings.TrimPrefix(p, "/")
	switch {
	case name == "" || strings.HasSuffix(name, "/"):
		return []string{name + "index.html"}
	case path.Ext(name) == "":
		return []string{name, name + "/index.html"}
	}
	return []string{name}
}

// lookup finds the first of candidates that the site has.
func (s *Site) lookup(candidates []string) (string, IDs, bool) {
	for _, c := range candidates {
		if ids, ok := s.File(c); ok {
			return c, ids, true
		}
	}
	return "", nil, false
}

// scanIDs collects the values of id attributes in HTML. It looks for
// ` id="…"` (or with single quotes, or after any white space), which is how
// both our Markdown renderer and hand-written templates write them; an id
// written without quotes is not seen. Entities in the value are decoded,
// so an id compares equal to the fragment that names it.
func scanIDs(html []byte) IDs {
	ids := IDs{}
	for i := 0; ; {
		j := bytes.Index(html[i:], []byte("id="))
		if j < 0 {
			break
		}
		at := i + j
		i = at + len("id=")
		if at == 0 || !isSpace(html[at-1]) || i >= len(html) {
			continue
		}
		quote := html[i]
		if quote != '"' && quote != '\'' {
			continue
		}
		end := bytes.IndexByte(html[i+1:], quote)
		if end < 0 {
			break
		}
		ids = append(ids, stdhtml.UnescapeString(string(html[i+1:i+1+end])))
		i += end + 2
	}
	slices.Sort(ids)
	return slices.Clip(slices.Compact(ids))
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

// ScanIDs returns the ids of an HTML document, as AddFile reads them.
func ScanIDs(html []byte) IDs { return scanIDs(html) }

// Known returns the Site of a build whose files' ids are known already:
// ids(name) reports whether the build produces the output file name, and
// its ids as ScanIDs reads them from the bytes AddFile would be given (nil
// for a file that is not HTML). A build that publishes the files of the
// previous build again looks their ids up where it keeps them, instead of
// reading the files or copying every file's ids into a Site. ids is
// called from many goroutines; it must not change while the Site is used.
func Known(ids func(name string) (IDs, bool)) *Site {
	return &Site{known: ids}
}

// File returns the ids of the output file name (nil for a file that is
// not HTML), and whether the site has it.
func (s *Site) File(name string) (IDs, bool) {
	if s.known != nil {
		return s.known(name)
	}
	ids, ok := s.files[name]
	return ids, ok
}
