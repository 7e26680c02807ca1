package content

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// Parse parses one content file. path is its slash-separated path relative
// to the site root ("content/jobs/x.md"). On failure it returns every problem
// in the file, joined and sorted by position, each a *diag.Error; the
// Page is then nil. Body may share memory with data.
func Parse(path string, data []byte, cfg *config.Config) (*Page, error) {
	p, errs := parseOnce(path, data, cfg)
	if len(errs) == 0 {
		return p, nil
	}
	return nil, diag.SortJoin(errs)
}

// parse returns the page and its problems, already placed in the file.
func (s *parser) parse(file string, data []byte, cfg *config.Config) (*Page, []*diag.Error) {
	lim := limitsOf(cfg) // limits.go
	if e := checkPageSize(data, lim); e != nil {
		return nil, []*diag.Error{e.In(file, 0)}
	}
	src := clean(data)
	fm, perr := s.split(src)
	if perr == nil {
		perr = checkFrontMatterSize(fm, lim)
	}
	if perr != nil {
		return nil, []*diag.Error{perr.In(file, 0)}
	}
	p := &Page{Path: file, Body: fm.body, BodyLine: fm.bodyLine}
	base, lang, lerr := LanguageOf(file, cfg) // language.go
	p.Language = lang
	p.Section, p.IsIndex = place(base)
	root, perr := fm.node()
	if perr != nil {
		return nil, []*diag.Error{perr.In(file, fm.line-1)}
	}
	shift(root, fm.line-1) // from here on, every position is a file position
	top := topMapping(root)
	p.Kind = kindOf(p, declaredKind(top), cfg)
	kindKeys := career.Keys(p.Kind)
	errs := decode.Node(without(root, kindKeys), &p.FrontMatter)
	errs = append(errs, typos(top, kindKeys)...)
	errs = append(errs, p.check(top)...)
	errs = append(errs, p.checkHidden(top)...)
	if lerr != nil {
		errs = append(errs, lerr)
	}
	if e := nestedIndex(base, p.IsIndex); e != nil {
		errs = append(errs, e)
	}
	if u, err := PageURL(base, p.FrontMatter); err != nil {
		errs = append(errs, urlError(top, err))
	} else if p.URL = u; p.FrontMatter.URL == "" && cfg != nil {
		p.URL = prefixed(u, cfg, lang)
	}
	if cfg != nil && cfg.Multilingual() && p.TranslationKey == "" {
		p.TranslationKey = defaultTranslationKey(base)
	}
	for _, key := range p.missing(top) {
		errs = append(errs, &diag.Error{Line: fm.open, Col: 1, Msg: fmt.Sprintf("missing required %q", key)})
	}
	errs = append(errs, p.decodeCareer(top, fm.open)...)
	if e := checkBody(fm.body, fm.bodyLine); e != nil { // limits.go
		errs = append(errs, e)
	}
	if n := valueNode(top, "description"); n != nil {
		p.description = pos{n.Line, n.Column}
	}
	for i, e := range errs {
		errs[i] = e.In(file, 0)
	}
	return p, errs
}

// decodeCareer decodes the fields of the page's kind into p.Career; a
// missing required field is reported at the opening line, as a missing
// title is. A job's or role guide's role defaults to the page title.
func (p *Page) decodeCareer(top *yaml.Node, open int) []*diag.Error {
	if p.IsIndex {
		return nil
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: open, Column: 1}
	if top != nil {
		m.Content = top.Content
	}
	var errs []*diag.Error
	p.Career, errs = career.Decode(p.Kind, m)
	switch d := p.Career; {
	case d.Job != nil && d.Job.Role == "":
		d.Job.Role = p.Title
	case d.Role != nil && d.Role.Role == "":
		d.Role.Role = p.Title
	}
	return errs
}

// node parses the front-matter text; positions are relative to its first line.
func (fm parts) node() (*yaml.Node, *diag.Error) {
	switch fm.format {
	case "yaml":
		return decode.Parse(fm.raw)
	case "toml":
		return tomlNode(fm.raw)
	case "json":
		return jsonNode(fm.raw)
	}
	return nil, nil // no front matter
}

// place returns the section of a content file and whether it is an _index.md.
func place(file string) (section string, isIndex bool) {
	rel := strings.TrimPrefix(file, "content/")
	if dir, _, ok := strings.Cut(rel, "/"); ok {
		section = dir
	}
	return section, path.Base(rel) == "_index.md"
}

// nestedIndex reports an _index.md below a section's folder
// (content/notes/deep/_index.md). careersite's sections are one level
// deep; Hugo would make the folder a section of its own, and here the
// file would take the place of its section's _index.md.
func nestedIndex(base string, isIndex bool) *diag.Error {
	rel := strings.TrimPrefix(base, "content/")
	if !isIndex || strings.Count(rel, "/") < 2 {
		return nil
	}
	dir := path.Dir(rel)
	section, _, _ := strings.Cut(rel, "/")
	return &diag.Error{Line: 1, Col: 1, Msg: fmt.Sprintf(
		"sections are one level deep, so content/%s cannot be a section of its own as in Hugo; "+
			"put the section's text in content/%s/_index.md, or rename this file content/%s.md for a page at /%s/",
		dir, section, dir, dir)}
}

// kindOf returns the page's kind: the one its front matter declares, else
// its section's. declared is read from the tree before decoding, because
// the kind decides which keys the page's kind decodes.
func kindOf(p *Page, declared string, cfg *config.Config) string {
	switch {
	case p.IsIndex:
		return ""
	case declared != "":
		return declared
	case cfg != nil:
		return cfg.KindOf(p.Section)
	}
	return config.KindArticle
}

// declaredKind returns the value of the top-level kind key, "" when there
// is none.
func declaredKind(top *yaml.Node) string {
	if n := valueNode(top, "kind"); n != nil && n.Kind == yaml.ScalarNode && n.ShortTag() != "!!null" {
		return n.Value
	}
	return ""
}

// hugoDates are the names Hugo reads a page's dates from (its own and
// their aliases) that are not ours, with ours: a page moved from Hugo with
// lastmod: would otherwise keep it in Params and show no update date.
// "published" and "modified" are ordinary words too (published: true), so
// they count only when their value is a date (hugoDate). Hugo reads keys in
// any case (lastMod, ExpiryDate), so the keys here are lower case and a
// key is looked up lower-cased.
var hugoDates = map[string]string{
	"lastmod": "updated", "modified": "updated",
	"publishdate": "publish_date", "pubdate": "publish_date", "published": "publish_date",
	"expirydate": "expiry_date", "unpublishdate": "expiry_date",
}

// hugoDate reports whether key, one of hugoDates lower-cased, with the
// value v is Hugo's date: always for Hugo's own words, for an ordinary word
// only when v is a date.
func hugoDate(key string, v *yaml.Node) bool {
	if key != "published" && key != "modified" {
		return true
	}
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!timestamp"
}

// typos reports keys that go to Params but look like misspelt keys of
// FrontMatter or of the page's kind, or are Hugo's names of our dates.
func typos(top *yaml.Node, kindKeys []string) []*diag.Error {
	known := slices.Concat(frontMatterKeys, kindKeys)
	var errs []*diag.Error
	for i := 0; top != nil && i+1 < len(top.Content); i += 2 {
		k := top.Content[i]
		if slices.Contains(known, k.Value) {
			continue
		}
		if ours, ok := hugoDates[strings.ToLower(k.Value)]; ok && hugoDate(strings.ToLower(k.Value), top.Content[i+1]) {
			errs = append(errs, &diag.Error{Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("unknown key %q; Hugo's %s is %q here", k.Value, k.Value, ours)})
			continue
		}
		if s := decode.Suggest(k.Value, known); s != "" {
			msg, fix := diag.DidYouMean(fmt.Sprintf("unknown key %q", k.Value), k.Value, s)
			errs = append(errs, &diag.Error{Line: k.Line, Col: k.Column, Msg: msg, Fix: fix})
		}
	}
	return errs
}

// check applies the rules decoding alone cannot: keys given an empty value,
// and a known kind.
func (p *Page) check(top *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	fm := p.FrontMatter
	for _, key := range []string{"title", "date", "slug", "url", "kind", "translation_key"} {
		if n := valueNode(top, key); n != nil && isEmpty(n) {
			errs = append(errs, &diag.Error{Line: n.Line, Col: n.Column, Path: key, Msg: "must not be empty"})
		}
	}
	if fm.Kind != "" && !config.IsKind(fm.Kind) {
		msg := fmt.Sprintf("want one of job, role, certification or article, got %q", fm.Kind)
		var fix *diag.Fix
		if s := decode.Suggest(fm.Kind, config.Kinds()); s != "" {
			msg, fix = diag.DidYouMean(msg, fm.Kind, s)
		}
		e := at(valueNode(top, "kind"), "kind", msg)
		e.Fix = fix
		errs = append(errs, e)
	}
	return errs
}

// missing returns the required keys the front matter does not have: title
// and date, except in _index.md files.
func (p *Page) missing(top *yaml.Node) []string {
	if p.IsIndex {
		return nil
	}
	var keys []string
	for _, key := range []string{"title", "date"} {
		if valueNode(top, key) == nil {
			keys = append(keys, key)
		}
	}
	return keys
}

// isEmpty reports whether n is a null or blank scalar (a value that decoded
// to nothing, rather than one of the wrong type, which decode reports).
func isEmpty(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!null" || strings.TrimSpace(n.Value) == "")
}

// urlError places an error from PageURL at the value it is about.
func urlError(top *yaml.Node, err error) *diag.Error {
	var fe *fieldError
	if errors.As(err, &fe) {
		return at(valueNode(top, fe.key), fe.key, fe.msg)
	}
	return &diag.Error{Line: 1, Col: 1, Msg: err.Error()}
}

func at(n *yaml.Node, key, msg string) *diag.Error {
	if n == nil {
		return &diag.Error{Line: 1, Col: 1, Path: key, Msg: msg}
	}
	return &diag.Error{Line: n.Line, Col: n.Column, Path: key, Msg: msg}
}

// without returns the front-matter document without the top-level keys in
// keys (sorted); the tree itself is not changed.
func without(root *yaml.Node, keys []string) *yaml.Node {
	top := topMapping(root)
	if top == nil || len(keys) == 0 {
		return root
	}
	m := *top
	m.Content = make([]*yaml.Node, 0, len(top.Content))
	for i := 0; i+1 < len(top.Content); i += 2 {
		if _, found := slices.BinarySearch(keys, top.Content[i].Value); !found {
			m.Content = append(m.Content, top.Content[i], top.Content[i+1])
		}
	}
	return &m
}

// shift moves every node of the tree down by offset lines, so that
// positions inside the front matter become positions in the file. Each
// node is reached once through Content (an alias is a node of its own; the
// node it stands for is shifted where it is defined).
func shift(n *yaml.Node, offset int) {
	if n == nil || offset == 0 {
		return
	}
	if n.Line > 0 {
		n.Line += offset
	}
	for _, c := range n.Content {
		shift(c, offset)
	}
}

// topMapping returns the top mapping of a front-matter document, or nil.
func topMapping(doc *yaml.Node) *yaml.Node {
	if doc != nil && doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc == nil || doc.Kind != yaml.MappingNode {
		return nil
	}
	return doc
}

// valueNode returns the value of key in mapping n, or nil.
func valueNode(n *yaml.Node, key string) *yaml.Node {
	for i := 0; n != nil && i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}
