package hugoimport

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/hugofile"
	"github.com/careersite/careersite/internal/hugourl"
)

// pageImport is the import of one content page: what Hugo made of it and
// what careersite will.
type pageImport struct {
	*siteImport
	src    string // its file in the Hugo site: "content/posts/a.md"
	rel    string // src below Hugo's content folder: "posts/a.md"
	dest   string // its file in the careersite site: "content/posts/a.md", "content/posts/_index.md"
	bundle string // the leaf bundle that holds it in Hugo's eyes (contentFile.bundle)

	fm    *frontMatter
	hugo  hugourl.Page
	body  []byte
	menu  *siteMenuItem // its entry of the main menu, if it has one
	notes []string      // what was converted, for the report
	line  func(key string) int

	written map[string]string // lower-cased front matter key → as written
	copies  map[string]string // files to copy for the page: path in Dest → path in Source
}

// note records a conversion, for the report.
func (p *pageImport) note(format string, args ...any) {
	p.notes = append(p.notes, fmt.Sprintf(format, args...))
}

// needs records what a person must look at, at the line of the front
// matter's key (or the body's line, for "@LINE").
func (p *pageImport) needs(key, msg string) {
	p.report.needs(p.src, p.line(key), msg)
}

// isIndex reports whether the page is a list page in careersite (an _index.md).
func (p *pageImport) isIndex() bool { return path.Base(p.dest) == "_index.md" }

// convert makes the careersite page of sp.
func (p *pageImport) convert(sp *hugofile.Page) ([]byte, error) {
	m := map[string]any{}
	if sp.Format != "" {
		var err error
		if m, err = hugofile.DecodeMap(sp.File, sp.FrontMatterLine, sp.Format, sp.FrontMatter); err != nil {
			return nil, err
		}
	}
	m = p.lowerTopKeys(m)
	p.line = keyLines(sp)
	p.fm = frontMatterOf(m, p)
	p.fillDate()
	p.fillTitle()
	p.hugo = hugourl.Page{
		File:  p.rel,
		Title: p.fm.str("title"),
		Slug:  p.fm.str("slug"),
		URL:   p.fm.str("url"),
		Date:  p.hugoDate(m),
	}
	p.resolveAliases()
	p.keepURL()
	p.body = p.convertBody(sp.Body, sp.BodyLine)
	return p.marshal()
}

// lowerTopKeys returns m with its top-level keys lower-cased, for
// matching Hugo's case-insensitive names, and remembers how each was
// written: a key that stays a param keeps its case ("showToc"), as the
// templates that read it write it.
func (p *pageImport) lowerTopKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	p.written = make(map[string]string, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
		p.written[strings.ToLower(k)] = k
	}
	return out
}

// hugoDate is the page's .Date in Hugo: by its default frontmatter
// setting, date, else publishDate, else lastmod; zero without them (a
// permalink's :year is then 1).
func (p *pageImport) hugoDate(m map[string]any) time.Time {
	for _, k := range []string{"date", "publish_date", "updated"} {
		if _, given := m[hugoKeyOf(k, m)]; given {
			if t := p.fm.date(k); !t.IsZero() {
				return t
			}
		}
	}
	return time.Time{}
}

// hugoKeyOf returns the key of m that became our key k.
func hugoKeyOf(k string, m map[string]any) string {
	if _, ok := m[k]; ok {
		return k
	}
	for _, from := range sortedKeys(renamed) {
		if _, ok := m[from]; ok && renamed[from] == k {
			return from
		}
	}
	return k
}

// fillDate gives a page without a date one: Hugo's publishDate or
// lastmod, else the time of the file's last git commit, else its
// modification time.
func (p *pageImport) fillDate() {
	if p.isIndex() || !p.fm.date("date").IsZero() {
		return
	}
	for _, k := range []string{"publish_date", "updated"} {
		if d, ok := p.fm.values[k].(hugofile.Date); ok {
			p.fm.values["date"] = d
			p.note("no date: %s used", k)
			return
		}
	}
	t, from := p.fileDate(p.src)
	p.fm.values["date"] = hugofile.Date{Time: t}
	p.note("no date: %s", from)
}

// fillTitle gives a page without a title one, made of its file name, as
// careersite requires one.
func (p *pageImport) fillTitle() {
	if p.isIndex() || p.fm.str("title") != "" {
		return
	}
	name := strings.TrimSuffix(path.Base(p.src), path.Ext(p.src))
	if name == "index" {
		name = path.Base(path.Dir(p.src))
	}
	title := strings.ReplaceAll(strings.ReplaceAll(name, "-", " "), "_", " ")
	if title != "" {
		title = strings.ToUpper(title[:1]) + title[1:]
	}
	p.fm.values["title"] = title
	p.needs("title", fmt.Sprintf("no title: made %q of the file name", title))
}

// resolveAliases makes relative aliases root-relative, as Hugo resolves
// them: against the folder of the page's URL.
func (p *pageImport) resolveAliases() {
	raw, ok := p.fm.values["aliases"]
	if !ok {
		return
	}
	delete(p.fm.values, "aliases")
	var out []string
	for _, a := range listOf(raw) {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if !strings.HasPrefix(a, "/") && !strings.Contains(a, "://") {
			a = path.Join(path.Dir(strings.TrimSuffix(p.hugoURL(), "/")), a) + "/"
			p.note("relative alias made %s", a)
		}
		if sameURL(a, p.hugoURL()) {
			// Hugo writes the page over its redirect; careersite refuses the pair.
			p.note("alias %s dropped: it is the page's own URL", a)
			continue
		}
		out = append(out, a)
	}
	if len(out) > 0 {
		p.fm.values["aliases"] = out
	}
}

// hugoURL is the URL Hugo publishes the page at.
func (p *pageImport) hugoURL() string { return p.urls.PageURL(p.hugo) }

// keepURL writes url: when careersite's own rule would publish the page
// elsewhere than Hugo does (a permalink pattern, a file name Hugo
// lower-cases, uglyURLs, a slug careersite refuses).
func (p *pageImport) keepURL() {
	want := p.hugoURL()
	got, err := content.PageURL(p.dest, content.FrontMatter{Slug: p.fm.str("slug"), URL: p.fm.str("url")})
	if err == nil && sameURL(got, want) {
		return
	}
	if p.fm.str("url") != "" {
		p.needs("url", fmt.Sprintf("Hugo publishes the page at %s, careersite cannot: %v", want, err))
		return
	}
	p.fm.values["url"] = want
	p.note("url: %s kept (Hugo's rules: %s)", want, p.whyURL())
}

func (p *pageImport) whyURL() string {
	switch {
	case p.urls.Permalinks[p.hugo.Section()] != "" && !p.hugo.IsIndex():
		return "permalinks " + p.urls.Permalinks[p.hugo.Section()]
	case p.urls.UglyURLs:
		return "uglyURLs"
	}
	return "paths lower-cased, spaces made -"
}

// sameURL reports whether careersite's URL a and Hugo's b name the same
// page: Hugo publishes url: /about as /about/index.html.
func sameURL(a, b string) bool {
	return dirURL(a) == dirURL(b)
}

func dirURL(u string) string {
	if strings.HasSuffix(u, "/") || strings.Contains(path.Base(u), ".") {
		return u
	}
	return u + "/"
}

// published reports whether Hugo publishes the page at now: not in a leaf
// bundle, not a draft, not in the future (its publishDate, else its
// date), not expired.
func (p *pageImport) published() bool {
	if d, _ := p.fm.values["draft"].(bool); d || p.bundle != "" {
		return false
	}
	pub := p.fm.date("publish_date")
	if pub.IsZero() {
		pub = p.hugo.Date
	}
	exp := p.fm.date("expiry_date")
	return !pub.After(p.now) && (exp.IsZero() || exp.After(p.now))
}

// marshal writes the page: YAML front matter, then the body.
func (p *pageImport) marshal() ([]byte, error) {
	n, err := p.fm.node()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.src, err)
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if len(n.Content) > 0 {
		if err := enc.Encode(n); err != nil {
			return nil, fmt.Errorf("%s: %w", p.src, err)
		}
	}
	b.WriteString("---\n")
	b.Write(p.body)
	return b.Bytes(), nil
}
