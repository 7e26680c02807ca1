package config

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// validate checks the decoded values; root is the top mapping node (nil for
// an empty file), used to place each problem at the value that caused it.
func (c *Config) validate(root *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	add := func(e *diag.Error) {
		if e != nil {
			errs = append(errs, e)
		}
	}
	add(required(root, "title", c.Title))
	add(required(root, "language", c.Language))
	add(checkBaseURL(root, c.BaseURL))
	if c.PageSize < 1 {
		add(at(value(root, "page_size"), "page_size", fmt.Sprintf("must be at least 1, got %d", c.PageSize)))
	}
	if c.FeedLimit < 0 {
		add(at(value(root, "feed_limit"), "feed_limit", fmt.Sprintf("must not be negative (0 puts every page in the feeds), got %d", c.FeedLimit)))
	}
	errs = append(errs, c.checkSections(value(root, "sections"))...)
	errs = append(errs, c.checkTaxonomies(value(root, "taxonomies"))...)
	if c.BrokenLinks != BrokenLinksError && c.BrokenLinks != BrokenLinksWarn {
		add(at(value(root, "broken_links"), "broken_links", fmt.Sprintf("want error or warn, got %q", c.BrokenLinks)))
	}
	errs = append(errs, c.checkMenu(value(root, "menu"))...)
	errs = append(errs, c.checkKeep(value(root, "keep"))...)
	errs = append(errs, c.SocialCards.check(value(root, "social_cards"))...)
	errs = append(errs, c.checkImages(value(root, "images"))...)
	errs = append(errs, c.checkLanguages(value(root, "languages"), value(root, "default_language"))...)
	if c.Limits.ImagePixels < 1 {
		add(at(value(value(root, "limits"), "image_pixels"), "limits.image_pixels", fmt.Sprintf("must be at least 1, got %d", c.Limits.ImagePixels)))
	}
	return errs
}

// maxImageWidth is the widest image a width of images.widths may ask for:
// WebP's limit (imaging.MaxSide).
const maxImageWidth = 16383

// checkImages checks the images block n: widths positive and within
// WebP's limit, quality 1–100.
func (c *Config) checkImages(n *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	widths := value(n, "widths")
	if widths != nil && len(c.Images.Widths) == 0 {
		errs = append(errs, at(widths, "images.widths", "must list at least one width"))
	}
	for i, w := range c.Images.Widths {
		if w < 1 || w > maxImageWidth {
			errs = append(errs, at(item(widths, i), "images.widths", fmt.Sprintf("want a width from 1 to %d pixels, got %d", maxImageWidth, w)))
		}
	}
	if q := c.Images.Quality; q < 1 || q > 100 {
		errs = append(errs, at(value(n, "quality"), "images.quality", fmt.Sprintf("want a quality from 1 to 100, got %d", q)))
	}
	return errs
}

// required reports a key that is missing (at 1:1) or set to an empty value
// (at the value).
func required(root *yaml.Node, key, got string) *diag.Error {
	if strings.TrimSpace(got) != "" {
		return nil
	}
	if n := value(root, key); n != nil {
		return at(n, key, "must not be empty")
	}
	return &diag.Error{Line: 1, Col: 1, Msg: fmt.Sprintf("missing required %q", key)}
}

func checkBaseURL(root *yaml.Node, raw string) *diag.Error {
	if validBaseURL(raw) {
		return nil
	}
	return at(value(root, "base_url"), "base_url", fmt.Sprintf("want an absolute http or https URL, got %q", raw))
}

// validBaseURL reports whether raw is an absolute http or https URL with a
// host and nothing after the path.
func validBaseURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		u.User == nil && u.RawQuery == "" && u.Fragment == "" && !u.ForceQuery
}

func (c *Config) checkSections(n *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	for _, name := range slices.Sorted(maps.Keys(c.Sections)) {
		kind := c.Sections[name]
		if !isSegment(name) {
			errs = append(errs, at(key(n, name), "sections", fmt.Sprintf("invalid section name %q (want one directory name under content/)", name)))
		}
		if !IsKind(kind) {
			msg := fmt.Sprintf("want one of job, role, certification or article, got %q", kind)
			var fix *diag.Fix
			if s := decode.Suggest(kind, Kinds()); s != "" {
				msg, fix = diag.DidYouMean(msg, kind, s)
			}
			e := at(value(n, name), "sections."+name, msg)
			e.Fix = fix
			errs = append(errs, e)
		}
	}
	return errs
}

func (c *Config) checkTaxonomies(n *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	for i, t := range c.Taxonomies {
		path := fmt.Sprintf("taxonomies[%d]", i)
		switch {
		case !isSegment(t):
			errs = append(errs, at(item(n, i), path, fmt.Sprintf("invalid taxonomy name %q (want one path segment)", t)))
		case slices.Index(c.Taxonomies, t) < i:
			errs = append(errs, at(item(n, i), path, fmt.Sprintf("duplicate taxonomy %q", t)))
		}
	}
	return errs
}

func (c *Config) checkMenu(n *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	for i, m := range c.Menu {
		path := fmt.Sprintf("menu[%d]", i)
		for _, f := range []struct{ key, got string }{{"name", m.Name}, {"url", m.URL}} {
			if strings.TrimSpace(f.got) == "" {
				errs = append(errs, at(item(n, i), path, fmt.Sprintf("missing required %q", f.key)))
			}
		}
	}
	return errs
}

// isSegment reports whether s can be one segment of a URL path and of a
// directory path.
func isSegment(s string) bool {
	return strings.TrimSpace(s) != "" && s != "." && s != ".." && !strings.ContainsAny(s, `/\`)
}

// at makes an error at node n (1:1 when n is nil, which happens only when the
// value came from the defaults, so the file has no better place).
func at(n *yaml.Node, path, msg string) *diag.Error {
	if n == nil {
		return &diag.Error{Line: 1, Col: 1, Path: path, Msg: msg}
	}
	return &diag.Error{Line: n.Line, Col: n.Column, Path: path, Msg: msg}
}

// top returns the top mapping of a parsed file, or nil.
func top(doc *yaml.Node) *yaml.Node {
	if doc != nil && doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc == nil || doc.Kind != yaml.MappingNode {
		return nil
	}
	return doc
}

// value returns the value node of key in mapping n, or nil.
func value(n *yaml.Node, k string) *yaml.Node {
	if i := keyIndex(n, k); i >= 0 {
		return n.Content[i+1]
	}
	return nil
}

// key returns the key node k in mapping n, or nil.
func key(n *yaml.Node, k string) *yaml.Node {
	if i := keyIndex(n, k); i >= 0 {
		return n.Content[i]
	}
	return nil
}

func keyIndex(n *yaml.Node, k string) int {
	if n == nil || n.Kind != yaml.MappingNode {
		return -1
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == k {
			return i
		}
	}
	return -1
}

// item returns element i of sequence n, or nil.
func item(n *yaml.Node, i int) *yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return nil
	}
	return n.Content[i]
}
