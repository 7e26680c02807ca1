package hugoimport

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/hugourl"
)

// siteYAML is the site.yaml an import writes, in the order of its keys.
type siteYAML struct {
	Title       string            `yaml:"title"`
	BaseURL     string            `yaml:"base_url,omitempty"`
	Language    string            `yaml:"language,omitempty"`
	Description string            `yaml:"description,omitempty"`
	Author      *siteAuthor       `yaml:"author,omitempty"`
	Sections    map[string]string `yaml:"sections"`
	Taxonomies  []string          `yaml:"taxonomies"`
	PageSize    int               `yaml:"page_size,omitempty"`
	Markdown    *siteMarkdown     `yaml:"markdown,omitempty"`
	BrokenLinks string            `yaml:"broken_links"`
	Menu        []siteMenuItem    `yaml:"menu,omitempty"`
	Params      map[string]any    `yaml:"params,omitempty"`
}

type siteAuthor struct {
	Name  string `yaml:"name,omitempty"`
	Email string `yaml:"email,omitempty"`
}

type siteMarkdown struct {
	UnsafeHTML bool `yaml:"unsafe_html"`
}

type siteMenuItem struct {
	Name   string `yaml:"name"`
	URL    string `yaml:"url"`
	Weight int    `yaml:"weight,omitempty"`
}

// defaultTaxonomies are Hugo's when the configuration names none.
var defaultTaxonomies = map[string]any{"tag": "tags", "category": "categories"}

// urlConfig is what of the configuration decides Hugo's URLs.
func (c *hugoConfig) urlConfig() hugourl.Config {
	perma := map[string]string{}
	for k, v := range c.mapAt("permalinks") {
		if s, ok := v.(string); ok {
			perma[k] = s
		}
	}
	return hugourl.Config{
		Permalinks:         perma,
		UglyURLs:           c.bool("uglyurls"),
		DisablePathToLower: c.bool("disablepathtolower"),
	}
}

// taxonomies returns the plural names of the site's taxonomies, sorted.
func (c *hugoConfig) taxonomies() []string {
	tax := c.mapAt("taxonomies")
	if tax == nil {
		tax = defaultTaxonomies
	}
	var plural []string
	for _, v := range tax {
		if s, ok := v.(string); ok && s != "" {
			plural = append(plural, strings.ToLower(s))
		}
	}
	slices.Sort(plural)
	return plural
}

// siteConfig makes site.yaml of c: sections maps every section of the
// content to its kind. It reports what does not carry over to r.
func (c *hugoConfig) siteConfig(sections map[string]string, r *Report) siteYAML {
	s := siteYAML{
		Title:       c.str("title"),
		Language:    cmp.Or(c.str("languagecode"), c.str("defaultcontentlanguage")),
		Description: cmp.Or(c.str("params.description"), c.str("description")),
		Sections:    sections,
		Taxonomies:  c.taxonomies(),
		PageSize:    cmp.Or(c.int("pagination.pagersize"), c.int("paginate")),
		Params:      c.mapAt("params"),
		// Hugo never checked links, so a Hugo site holds links that
		// careersite's check refuses, Hugo's heading ids among them
		// (its "10-github-actions--" is careersite's
		// "10-github-actions"): the imported site builds, warning of each.
		BrokenLinks: "warn",
	}
	r.needs(config.Name, 1, "broken_links: warn, as Hugo never checked links: careersite build warns of each link it cannot follow; fix them, then set it to error")
	if s.Title == "" {
		s.Title = "Imported site"
		r.needs(c.file(), 1, `the configuration has no title: site.yaml says "Imported site"`)
	}
	s.BaseURL = c.baseURL(r)
	s.Author = c.author()
	if c.bool("markup.goldmark.renderer.unsafe") {
		s.Markdown = &siteMarkdown{UnsafeHTML: true}
	}
	s.Menu = c.menu(r)
	c.reportLeftOut(r)
	return s
}

// file is the configuration file problems are reported at.
func (c *hugoConfig) file() string {
	if len(c.files) == 0 {
		return "hugo.toml"
	}
	return c.files[len(c.files)-1]
}

// baseURL returns baseURL when it is an absolute http(s) URL, as careersite
// requires; otherwise "" (careersite's default) and a note.
func (c *hugoConfig) baseURL(r *Report) string {
	b := c.str("baseurl")
	u, err := url.Parse(b)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return b
	}
	if b != "" {
		r.needs(c.file(), 1, fmt.Sprintf("baseURL %q is not an absolute http(s) URL: site.yaml leaves base_url to its default; set it, or pass --base-url to build", b))
	}
	return ""
}

func (c *hugoConfig) author() *siteAuthor {
	a := c.get("params.author")
	if a == nil {
		a = c.get("author")
	}
	switch a := a.(type) {
	case string:
		return &siteAuthor{Name: a}
	case map[string]any:
		name, _ := a["name"].(string)
		email, _ := a["email"].(string)
		if name != "" || email != "" {
			return &siteAuthor{Name: name, Email: email}
		}
	}
	return nil
}

// menu returns the main menu (menu.main or menus.main); careersite has one
// menu, so the others are reported.
func (c *hugoConfig) menu(r *Report) []siteMenuItem {
	menus := c.mapAt("menus")
	if menus == nil {
		menus = c.mapAt("menu")
	}
	var items []siteMenuItem
	for _, name := range sortedKeys(menus) {
		list, _ := menus[name].([]any)
		if name != "main" {
			r.needs(c.file(), 1, fmt.Sprintf("menu %q (%d entries) is not carried over: careersite has one menu, the main one", name, len(list)))
			continue
		}
		for _, e := range list {
			if it, ok := menuItem(e); ok {
				items = append(items, it)
			} else {
				r.needs(c.file(), 1, fmt.Sprintf("a main menu entry without a name and a url or pageRef is left out: %v", e))
			}
		}
	}
	return items
}

func menuItem(e any) (siteMenuItem, bool) {
	m, ok := e.(map[string]any)
	if !ok {
		return siteMenuItem{}, false
	}
	name, _ := m["name"].(string)
	u, _ := m["url"].(string)
	if u == "" {
		u = pageRefURL(m["pageref"])
	}
	w, _ := m["weight"].(int)
	return siteMenuItem{Name: name, URL: u, Weight: w}, name != "" && u != ""
}

// pageRefURL turns a menu's pageRef ("/about", "posts") into a URL: the
// page's folder path, which is its URL when it sets none of its own.
func pageRefURL(ref any) string {
	s, _ := ref.(string)
	if s == "" {
		return ""
	}
	s = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(s, "/"), ".md"), "/_index")
	if s == "" || s == "_index" {
		return "/"
	}
	return "/" + strings.ToLower(s) + "/"
}

// leftOutKeys are configuration keys with no careersite equivalent, and
// why they do not matter or what to do.
var leftOutKeys = map[string]string{
	"languages":                      "careersite builds one language: only the default language's content is imported as it is",
	"theme":                          "careersite has its own theme: layouts are not imported (docs/migrating-from-hugo.md)",
	"outputs":                        "careersite's outputs are fixed (HTML, feeds, sitemap, search)",
	"outputformats":                  "careersite's outputs are fixed (HTML, feeds, sitemap, search)",
	"mediatypes":                     "careersite's outputs are fixed",
	"module":                         "Hugo modules are not imported",
	"frontmatter":                    "the dates of pages follow Hugo's default order (date, publishDate, lastmod) in the import",
	"staticdir":                      "only static/ is imported",
	"defaultcontentlanguageinsubdir": "careersite builds one language, at the root",
}

func (c *hugoConfig) reportLeftOut(r *Report) {
	for _, k := range sortedKeys(leftOutKeys) {
		if c.get(k) != nil {
			r.needs(c.file(), 1, fmt.Sprintf("%s is not carried over: %s", k, leftOutKeys[k]))
		}
	}
}

// marshal returns the site.yaml text.
func (s siteYAML) marshal() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# Written by careersite import hugo; docs/configuration.md lists every key.\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
