package convert

import (
	"html"
	"maps"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/render"
	"github.com/careersite/careersite/internal/shortcode"
)

// This file puts a page's shortcodes (internal/shortcode) into the
// conversion of its body: parse, expand, convert, then the placeholders
// replaced in everything Convert made — the HTML, the summary, the table
// of contents, the headings' text, the links' destinations and lines —
// and the links the shortcodes wrote added to the page's, so that the
// link checker sees them.
//
// What a conversion depends on besides the body (its key, Converter.key):
// for every shortcode name the page uses, unknown ones too, whether a
// template serves it, which file (the site's or the theme's) and its
// text, and when it calls a partial or a template, the text of every file
// of its set and of every partial; the configuration (absURL, relURL); the asset table when one of
// them calls asset; the page's language and the digest of the string files
// its T can read (i18n.Catalog.SumFor: T, the format functions and money
// write in the page's language, and any template may call them); and when one of them mentions Site, the data files'
// digest and the digest of the pages a shortcode can look up (their
// paths, URLs, front matter and posting state at the build's time:
// pageLookup.digest). That is coarser than a template
// analysis, and correct: a page is converted again whenever anything its
// shortcodes could read changed. The image files they open with the
// template function image are not in the key: they are recorded with the
// body's Markdown images (shortcode.Page.Images), and the conversion is
// stale when one of them changed (imagesStale, images.go).

// shortcodeTemplates are the shortcode templates of one Renderer.
type shortcodeTemplates struct {
	x        *shortcode.Expander
	byName   map[string]shortcodeTemplate
	keepRows bool // the output of salary tables' rows is kept (salarytable.go)
}

// shortcodeTemplate is what the conversions of the pages that use one
// shortcode depend on.
type shortcodeTemplate struct {
	digest    deps.Digest // of its file, whether it is the theme's, and the text of every file it runs
	readsSite bool        // its files mention Site: .Site.Data, the page lookups
	asset     bool        // its files call asset
}

// newShortcodeTemplates looks at every shortcode template of r.
func newShortcodeTemplates(r *render.Renderer) *shortcodeTemplates {
	st := &shortcodeTemplates{x: shortcode.NewExpander(r), byName: map[string]shortcodeTemplate{}, keepRows: keepsRows(r)}
	var partials []string // every partial's file and text, for a template that calls one
	for _, name := range r.Partials() {
		if file, ok := r.PartialFile(name); ok {
			partials = append(partials, file, r.Source(file))
		}
	}
	for _, name := range r.Shortcodes() {
		file, _ := r.Shortcode(name)
		h := deps.NewHasher().Str(file).Bool(r.FromTheme(file)).Str(r.Source(file))
		var t shortcodeTemplate
		text := []string{r.Source(file)}
		if render.MayRunOthers(r.Source(file)) {
			// It runs other files: every one of its set, and every
			// partial, as the partial function finds them at run time.
			var files []string
			if set, ok := r.Set(file); ok {
				files = slices.Sorted(maps.Values(set.Files))
				files = slices.Compact(files)
			}
			for _, f := range files {
				if f != "" {
					h.Str(f).Str(r.Source(f))
					text = append(text, r.Source(f))
				}
			}
			for _, s := range partials {
				h.Str(s)
			}
			text = append(text, partials...)
		}
		t.readsSite = slices.ContainsFunc(text, func(s string) bool { return strings.Contains(s, "Site") })
		t.asset = slices.ContainsFunc(text, func(s string) bool { return strings.Contains(s, "asset") })
		t.digest = h.Sum()
		st.byName[name] = t
	}
	return st
}

// shortcodeKey is the digest of what the shortcodes names (sorted) can
// read besides the body, on a page of the language lang (see the top of
// this file); the zero Digest for none.
func (cv *Converter) shortcodeKey(names []string, lang string) deps.Digest {
	if len(names) == 0 {
		return deps.Digest{}
	}
	h := deps.NewHasher().Str("shortcodes").Digest(cv.cfgDigest).Str(lang)
	if cv.strings != nil {
		h.Digest(cv.strings(lang))
	}
	site, asset := false, false
	for _, n := range names {
		t, ok := cv.shortcodes.byName[n]
		h.Str(n).Bool(ok).Digest(t.digest)
		site = site || t.readsSite
		asset = asset || t.asset
	}
	if site {
		h.Digest(cv.dataDigest).Digest(cv.lookupDigest)
	}
	if asset {
		h.Digest(cv.assetDigest)
	}
	return h.Sum()
}

// shortcodeStale reports whether conversion c used shortcodes whose
// templates, or what they read, changed since.
func (cv *Converter) shortcodeStale(c *Conversion) bool {
	return c != nil && len(c.names) > 0 && cv.shortcodes != nil && cv.shortcodeKey(c.names, c.lang) != c.scKey
}

// usedNames returns the names of the shortcodes in nodes, sorted, once
// each: Expansion.Shortcodes, known before the expansion runs.
func usedNames(nodes []shortcode.Node) []string {
	var names []string
	var walk func([]shortcode.Node)
	walk = func(nodes []shortcode.Node) {
		for _, n := range nodes {
			if sc, ok := n.(*shortcode.Shortcode); ok {
				names = append(names, sc.Name)
				walk(sc.Inner)
			}
		}
	}
	walk(nodes)
	slices.Sort(names)
	return slices.Compact(names)
}

// expanded is a body with its shortcodes parsed, and what it depends on.
type expanded struct {
	nodes []shortcode.Node
	names []string
	probs []error // of Parse, in the file
}

// parseShortcodes parses the shortcodes of the body of page p; nil when
// it holds no tag.
func (cv *Converter) parseShortcodes(p *content.Page) *expanded {
	if cv.shortcodes == nil || !shortcode.HasTags(p.Body) {
		return nil
	}
	nodes, err := shortcode.Parse(p.Body, cv.shortcodes.x.Options(p.BodyLine))
	e := &expanded{nodes: nodes, names: usedNames(nodes)}
	for _, l := range diag.Leaves(err) {
		e.probs = append(e.probs, inFile(p.Path, l))
	}
	return e
}

// inFile is err, a problem of the file path, with the path.
func inFile(path string, err error) error {
	if de, ok := err.(*diag.Error); ok && de.File == "" {
		return de.In(path, 0)
	}
	if de, ok := err.(*diag.Error); ok {
		return de
	}
	return diag.Wrap(path, 0, 0, "", err)
}

// convertExpanded runs the shortcodes of e in the body of page p, of the
// file path, and converts the result: the HTML and everything Convert
// made with the placeholders replaced. The problems, Markdown's among
// them, are in the file, at file lines.
func (cv *Converter) convertExpanded(path string, p *content.Page, e *expanded, uses *images.Uses) (*markdown.Result, []error) {
	if uses != nil && hasImages(p.Body) {
		if line, col, ok := cv.md.FirstImage(p.Body, p.BodyLine); ok {
			uses.MarkdownFirst(line, col) // the shortcodes after it show no first image
		}
	}
	exp, xerr := cv.shortcodes.x.Expand(p.Body, e.nodes, shortcode.Page{File: path, Page: p, Site: cv.site, Images: uses, Language: p.Language, Memo: cv.rowsMemo(p.Language)})
	probs := slices.Clone(e.probs)
	for _, l := range diag.Leaves(xerr) {
		probs = append(probs, inFile(path, l))
	}
	res, err := cv.md.ConvertImages(exp.Markdown, p.BodyLine, exp.Prefix(), cv.imageHook(path, p, uses))
	for _, l := range diag.Leaves(err) {
		if de, ok := l.(*diag.Error); ok {
			d := *de
			d.Line = exp.Line(d.Line)
			l = &d
		}
		probs = append(probs, inFile(path, l))
	}
	if res != nil {
		replacePlaceholders(res, exp, p.BodyLine, cv.links.SitePath)
	}
	return res, probs
}

// replacePlaceholders puts the outputs of exp's shortcodes into res, and
// the links they write into its links, in order of place. A shortcode
// writes URLs as the page has them, base path included (ref, relref,
// card); sitePath turns such a URL back into the site path the link
// checker reads, as Markdown's links are written.
func replacePlaceholders(res *markdown.Result, exp *shortcode.Expansion, firstLine int, sitePath func(string) (string, bool)) {
	checked := func(dest string) string {
		if p, ok := sitePath(dest); ok {
			return p
		}
		return dest
	}
	res.HTML = exp.HTML(res.HTML)
	res.Summary = exp.HTML(res.Summary)
	if res.TOC != nil {
		res.TOC = []byte(exp.Replace(string(res.TOC), htmlText))
	}
	for i := range res.Headings {
		res.Headings[i].Text = exp.Replace(res.Headings[i].Text, func(s string) string { return html.UnescapeString(htmlText(s)) })
	}
	for i := range res.Links {
		l := &res.Links[i]
		if dest := exp.Replace(l.Dest, html.UnescapeString); dest != l.Dest {
			l.Dest = checked(dest)
		}
		l.Line = exp.Line(l.Line)
	}
	for i := range res.Warnings {
		w := *res.Warnings[i]
		w.Line = exp.Line(w.Line)
		res.Warnings[i] = &w
	}
	n := len(res.Links)
	exp.Placed(firstLine, func(line, col int, out string) {
		for _, dest := range htmlLinks(out) {
			res.Links = append(res.Links, markdown.Link{Dest: checked(dest), Line: line, Col: col})
		}
	})
	if len(res.Links) > n {
		slices.SortStableFunc(res.Links, func(a, b markdown.Link) int {
			if a.Line != b.Line {
				return a.Line - b.Line
			}
			return a.Col - b.Col
		})
	}
}

// htmlText is the text of a fragment of HTML, its tags left out and its
// character references kept.
func htmlText(s string) string {
	var b strings.Builder
	l := htmllex.NewLexer(parse.NewInputString(s))
	for {
		tt, data := l.Next()
		switch tt {
		case htmllex.ErrorToken:
			return strings.TrimSpace(b.String())
		case htmllex.TextToken:
			b.Write(data)
		}
	}
}

// htmlLinks returns the destinations of the links and images in a
// fragment of HTML: the href of <a> and the src of <img>, as the Markdown
// of a page has them.
func htmlLinks(s string) []string {
	var out []string
	l := htmllex.NewLexer(parse.NewInputString(s))
	var tag string
	for {
		tt, data := l.Next()
		switch tt {
		case htmllex.ErrorToken:
			return out
		case htmllex.StartTagToken:
			tag = strings.ToLower(string(l.Text()))
		case htmllex.AttributeToken:
			name := strings.ToLower(string(l.Text()))
			if (tag == "a" && name == "href") || (tag == "img" && name == "src") {
				v := string(l.AttrVal())
				v = strings.Trim(v, `"'`)
				out = append(out, html.UnescapeString(v))
			}
		}
		_ = data
	}
}

// shortcodeSite is .Site in a shortcode's template. Shortcodes run as
// bodies are converted, before the model is made (a page's Content is
// part of it), so it holds what is known then: site.yaml's fields, the
// data files, and the published pages as parsed, through GetPage and
// SalaryTable (lookup.go, salarytable.go). The page lists of a layout's
// .Site are not there.
type shortcodeSite struct {
	Title       string
	BaseURL     string
	Language    string
	Description string
	Params      map[string]any
	Data        map[string]any // data/**: .Site.Data.salaries.oews_2024

	pages  *pageLookup   // set by SetPages before any body with shortcodes is converted
	salary *salaryTables // the tables of the build (salarytable.go)
}

// newShortcodeSite is the .Site of the shortcodes of a build of the site
// cfg with the data files data; its pages are set apart (SetPages).
func newShortcodeSite(cfg *config.Config, data map[string]any) *shortcodeSite {
	return &shortcodeSite{Title: cfg.Title, BaseURL: cfg.BaseURL, Language: cfg.Language,
		Description: cfg.Description, Params: cfg.Params, Data: data, salary: &salaryTables{}}
}
