package content

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/decode"
)

// Parse parses one content file. path is its slash-separated path relative
// to the site root ("content/jobs/x.md"). On failure it returns every problem
// in the file, joined and sorted by position, each a *decode.Error; the
// Page is then nil. Body may share memory with data.
func Parse(path string, data []byte, cfg *config.Config) (*Page, error) {
	var s parser
	p, errs := s.parse(path, data, cfg)
	if len(errs) == 0 {
		return p, nil
	}
	slices.SortStableFunc(errs, decode.Compare)
	list := make([]error, len(errs))
	for i, e := range errs {
		list[i] = e
	}
	return nil, errors.Join(list...)
}

// parse returns the page and its problems, already placed in the file.
func (s *parser) parse(file string, data []byte, cfg *config.Config) (*Page, []*decode.Error) {
	src := clean(data)
	fm, perr := s.split(src)
	if perr != nil {
		return nil, []*decode.Error{perr.In(file, 0)}
	}
	p := &Page{Path: file, Body: fm.body, BodyLine: fm.bodyLine}
	p.Section, p.IsIndex = place(file)
	root, perr := fm.node()
	if perr != nil {
		return nil, []*decode.Error{perr.In(file, fm.line-1)}
	}
	errs := decode.Node(root, &p.FrontMatter)
	top := topMapping(root)
	errs = append(errs, typos(top)...)
	errs = append(errs, p.check(top)...)
	if u, err := PageURL(file, p.FrontMatter); err != nil {
		errs = append(errs, urlError(top, err))
	} else {
		p.URL = u
	}
	p.Kind = kindOf(p, cfg)
	for i, e := range errs {
		errs[i] = e.In(file, fm.line-1)
	}
	for _, key := range p.missing(top) {
		errs = append(errs, &decode.Error{File: file, Line: fm.open, Col: 1, Msg: fmt.Sprintf("missing required %q", key)})
	}
	return p, errs
}

// node parses the front-matter text; positions are relative to its first line.
func (fm parts) node() (*yaml.Node, *decode.Error) {
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

func kindOf(p *Page, cfg *config.Config) string {
	switch {
	case p.IsIndex:
		return ""
	case p.FrontMatter.Kind != "":
		return p.FrontMatter.Kind
	case cfg != nil:
		return cfg.KindOf(p.Section)
	}
	return config.KindArticle
}

// typos reports keys that went to Params but look like misspelt
// FrontMatter keys.
func typos(top *yaml.Node) []*decode.Error {
	var errs []*decode.Error
	for i := 0; top != nil && i+1 < len(top.Content); i += 2 {
		k := top.Content[i]
		if slices.Contains(frontMatterKeys, k.Value) {
			continue
		}
		if s := decode.Suggest(k.Value, frontMatterKeys); s != "" {
			errs = append(errs, &decode.Error{Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("unknown key %q; did you mean %q?", k.Value, s)})
		}
	}
	return errs
}

// check applies the rules decoding alone cannot: keys given an empty value,
// and a known kind.
func (p *Page) check(top *yaml.Node) []*decode.Error {
	var errs []*decode.Error
	fm := p.FrontMatter
	for _, key := range []string{"title", "date", "slug", "url", "kind"} {
		if n := valueNode(top, key); n != nil && isEmpty(n) {
			errs = append(errs, &decode.Error{Line: n.Line, Col: n.Column, Path: key, Msg: "must not be empty"})
		}
	}
	if fm.Kind != "" && !config.IsKind(fm.Kind) {
		msg := fmt.Sprintf("want one of job, role, certification or article, got %q", fm.Kind)
		if s := decode.Suggest(fm.Kind, config.Kinds()); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		errs = append(errs, at(valueNode(top, "kind"), "kind", msg))
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
func urlError(top *yaml.Node, err error) *decode.Error {
	var fe *fieldError
	if errors.As(err, &fe) {
		return at(valueNode(top, fe.key), fe.key, fe.msg)
	}
	return &decode.Error{Line: 1, Col: 1, Msg: err.Error()}
}

func at(n *yaml.Node, key, msg string) *decode.Error {
	if n == nil {
		return &decode.Error{Line: 1, Col: 1, Path: key, Msg: msg}
	}
	return &decode.Error{Line: n.Line, Col: n.Column, Path: key, Msg: msg}
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
