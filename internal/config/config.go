// Package config reads site.yaml, the configuration at the root of a site
// folder, into a [Config].
//
// [Load] reads "site.yaml" from the root of the site's fs.FS. Decoding is
// strict: every key must be known (an unknown key is an error, with a
// suggestion when it looks like a typo of a known one), and every value must
// have the right type. Keys left out, or given no value, take these defaults:
//
//	base_url    http://localhost:1313/
//	language    en
//	sections    {jobs: job, roles: role, certifications: certification}
//	taxonomies  [tags, skills]
//	page_size   10
//	feed_limit  20
//	markdown    {unsafe_html: false, typographer: true}
//	robots      true
//	minify_html false
//	broken_links error
//	stale_after 12 months
//	limits      {page: 10MiB, front_matter: 1MiB, code_block: 256KiB, resource: 20MiB, image: 20MiB, image_pixels: 50000000}
//	images      {widths: [480, 800, 1200, 1600], quality: 75}
//	keep        []
//	social_cards {enabled: true} and the default theme's colours
//
// A sections or taxonomies value replaces the default as a whole.
//
// stale_after is how old the as_of date of a salary, a cost or an outlook
// may be before the page gets a warning ([Span]: "12 months", "90 days").
//
// limits bound one content file ([Limits], each a [Size]: "1MiB",
// "256KiB", or a number of bytes): a page file or its front matter over
// its limit is an error, a fenced code block over code_block is published
// plain, with a warning, a page resource over resource is an error. A limits value sets only the keys it names.
//
// limits.image bounds an image file (a larger one is an error, not read)
// and limits.image_pixels the width × height an image's header may claim
// (a larger one is an error before any pixel is decoded).
//
// images says how Markdown images are made responsive: the widths of
// their srcset (each below the image's own width, which replaces the
// larger ones: nothing is enlarged) and the quality, 1–100, of the JPEG and
// WebP files made. An images value sets only the keys it names; widths
// must be positive and at most 16383 (WebP's limit).
//
// keep lists paths of the output folder, relative to it ("CNAME",
// ".nojekyll", ".git", ".well-known/x"), that other tools put there — a
// host's CNAME, the .git of a gh-pages worktree — and that every build to
// disk (build, watch) carries over into the new output: a file, or a
// folder and everything in it. Where the build itself writes a file at a
// kept path, the build's file wins; a kept folder is merged with what the
// build writes into it (internal/output, Keep). A final "/" is allowed
// and dropped.
//
// Then Load validates: title is required; base_url must be an absolute http
// or https URL (it may have a path, "https://example.org/careers/"; it is
// normalised to end in "/"; [Config.SetBaseURL] applies the same rule to a
// base URL given on the command line); language must not be empty; page_size must be
// at least 1; feed_limit must not be negative; every section maps to one of the kinds job, role,
// certification or article, and is a single directory name under content/;
// taxonomies are non-empty, distinct, single path segments; broken_links is
// "error" or "warn"; every menu item has a name and a url; every keep path
// is relative, with "/" between its folders and no "..", ".", empty
// element, "\" or control character, and none is named twice or lies
// inside another. The menu is sorted by weight, then name.
//
// social_cards ([SocialCards]) says whether pages without an image get a
// drawn card, in which colours: each a hex colour whose text and accent
// have a contrast of at least 4.5:1 with the background (an error at the
// colour to change otherwise).
//
// # Languages
//
// languages ([Language]) makes a site multilingual: a mapping from BCP 47
// codes ("en", "de", "pt-BR"), each written in its canonical form (the
// code is a URL prefix and part of file names, so "pt-br" is an error that
// says to write "pt-BR"), to the language's name in itself (default:
// CLDR's, from golang.org/x/text/language/display), the site's title,
// description and menu in it (default: the site's) and a weight (the
// switcher's order, then the code). default_language (default: language)
// must be one of them; its pages stay at the root and every other
// language's pages go under "CODE/", or every language's under its code
// when default_language_in_subdir is true. A language's direction is
// "rtl" when CLDR's likely script for it is written right to left (ar,
// he, fa, ur, …). Without languages the site has one language, language,
// at the root ([Config.LanguageList]), and default_language is an error
// unless it equals language.
//
// Every problem is reported, not just the first: Load returns them joined
// with errors.Join, each a *diag.Error reading
// "site.yaml:LINE:COL: message" (a missing required key is reported at 1:1).
package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/decode"
	"github.com/careersite/careersite/internal/diag"
)

// Name is the configuration file's path, relative to the site root.
const Name = "site.yaml"

// Config is a site's configuration.
type Config struct {
	Title       string            `yaml:"title"`        // required
	BaseURL     string            `yaml:"base_url"`     // absolute http(s) URL ending in "/", may have a path
	Language    string            `yaml:"language"`     // BCP 47 tag, default "en"
	Description string            `yaml:"description"`  //
	Author      Author            `yaml:"author"`       //
	Sections    map[string]string `yaml:"sections"`     // section (directory under content/) -> kind
	Taxonomies  []string          `yaml:"taxonomies"`   // default [tags, skills]
	PageSize    int               `yaml:"page_size"`    // default 10, >= 1
	FeedLimit   int               `yaml:"feed_limit"`   // newest pages in each Atom feed; default 20, 0 for every page
	Markdown    Markdown          `yaml:"markdown"`     //
	Robots      bool              `yaml:"robots"`       // false: robots.txt disallows every crawler; default true
	MinifyHTML  bool              `yaml:"minify_html"`  // minify every HTML page; default false
	BrokenLinks string            `yaml:"broken_links"` // "error" (default) or "warn"
	Menu        []MenuItem        `yaml:"menu"`         // sorted by weight, then name
	Params      map[string]any    `yaml:"params"`       // free for templates
	StaleAfter  Span              `yaml:"stale_after"`  // age of as_of data that earns a warning; default 12 months
	Limits      Limits            `yaml:"limits"`       // sizes of a page, its front matter, a code block and a page resource (size.go)
	Keep        []string          `yaml:"keep"`         // paths of the output folder that survive every build (keep.go)
	Images      Images            `yaml:"images"`       // the processed sizes of Markdown images
	SocialCards SocialCards       `yaml:"social_cards"` // the pictures of shared links (socialcards.go)

	// Languages of a multilingual site, by BCP 47 code (languages.go); none
	// for a site in one language, Language.
	Languages               map[string]Language `yaml:"languages" json:",omitempty"`
	DefaultLanguage         string              `yaml:"default_language" json:",omitempty"`           // default Language; its pages at the root
	DefaultLanguageInSubdir bool                `yaml:"default_language_in_subdir" json:",omitempty"` // the default language's pages under /CODE/ too

	basePath string // BasePath of baseFor, computed by Load
	baseFor  string
}

// Author is the site's default author.
type Author struct {
	Name  string `yaml:"name"`
	URL   string `yaml:"url"`
	Email string `yaml:"email"`
}

// Markdown holds the Markdown rendering options.
type Markdown struct {
	UnsafeHTML  bool `yaml:"unsafe_html"` // keep raw HTML; default false
	Typographer bool `yaml:"typographer"` // smart quotes and dashes; default true
}

// Images says how Markdown images are processed (internal/images).
type Images struct {
	Widths  []int `yaml:"widths"`  // of the srcset; default 480, 800, 1200, 1600
	Quality int   `yaml:"quality"` // of JPEG and WebP, 1–100; default 75
}

// MenuItem is one entry of the site menu.
type MenuItem struct {
	Name   string `yaml:"name"`
	URL    string `yaml:"url"`
	Weight int    `yaml:"weight"`
}

// The page kinds a section can map to.
const (
	KindJob           = "job"
	KindRole          = "role"
	KindCertification = "certification"
	KindArticle       = "article"
)

// The values of broken_links: a Markdown link to nothing the build writes
// fails the build, or is reported as a warning.
const (
	BrokenLinksError = "error"
	BrokenLinksWarn  = "warn"
)

// IsKind reports whether s is one of the page kinds.
func IsKind(s string) bool {
	switch s {
	case KindJob, KindRole, KindCertification, KindArticle:
		return true
	}
	return false
}

// Kinds returns the page kinds, in the order messages list them.
func Kinds() []string {
	return []string{KindJob, KindRole, KindCertification, KindArticle}
}

// Default returns the configuration of a site.yaml that sets nothing (its
// Title is empty, which Load would reject).
func Default() *Config {
	c := &Config{
		BaseURL:  "http://localhost:1313/",
		Language: "en",
		Sections: map[string]string{
			"jobs":           KindJob,
			"roles":          KindRole,
			"certifications": KindCertification,
		},
		Taxonomies:  []string{"tags", "skills"},
		PageSize:    10,
		FeedLimit:   20,
		Markdown:    Markdown{Typographer: true},
		Robots:      true,
		BrokenLinks: BrokenLinksError,
		StaleAfter:  Span{Months: 12},
		Limits:      DefaultLimits(),
		Images:      Images{Widths: []int{480, 800, 1200, 1600}, Quality: 75},
		SocialCards: SocialCards{Enabled: true},
	}
	c.basePath, c.baseFor = basePath(c.BaseURL), c.BaseURL
	return c
}

// Load reads and validates site.yaml at the root of fsys.
func Load(fsys fs.FS) (*Config, error) {
	src, err := fs.ReadFile(fsys, Name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: not found at the root of the site folder: %w", Name, fs.ErrNotExist)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	return parse(src)
}

func parse(src []byte) (*Config, error) {
	root, perr := decode.Parse(src)
	if perr != nil {
		return nil, perr.In(Name, 0)
	}
	c := Default()
	errs := decode.Node(root, c)
	errs = append(errs, c.validate(top(root))...)
	if len(errs) > 0 {
		slices.SortStableFunc(errs, diag.Compare)
		list := make([]error, len(errs))
		for i, e := range errs {
			list[i] = e.In(Name, 0)
		}
		return nil, errors.Join(list...)
	}
	c.normalize()
	return c, nil
}

// SetBaseURL replaces BaseURL (as a --base-url flag does) after checking it
// as Load checks base_url, and normalises it to end in "/".
func (c *Config) SetBaseURL(raw string) error {
	if !validBaseURL(raw) {
		return fmt.Errorf("want an absolute http or https URL, got %q", raw)
	}
	c.BaseURL = raw
	c.normalizeBaseURL()
	return nil
}

func (c *Config) normalize() {
	c.normalizeBaseURL()
	for i, p := range c.Keep {
		c.Keep[i] = strings.TrimSuffix(p, "/")
	}
	sortMenu(c.Menu)
	c.normalizeLanguages()
}

// sortMenu sorts a menu by weight, then name.
func sortMenu(menu []MenuItem) {
	slices.SortStableFunc(menu, func(a, b MenuItem) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Name, b.Name))
	})
}

func (c *Config) normalizeBaseURL() {
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	c.basePath, c.baseFor = basePath(c.BaseURL), c.BaseURL
}

// KindOf returns the kind section maps to, or "article" when it maps to none.
func (c *Config) KindOf(section string) string {
	if k, ok := c.Sections[section]; ok {
		return k
	}
	return KindArticle
}

// BasePath returns the path part of BaseURL, escaped, beginning and ending
// in "/": "/" for "https://example.org", "/careers/" for
// "https://example.org/careers".
func (c *Config) BasePath() string {
	if c.baseFor == c.BaseURL && c.basePath != "" {
		return c.basePath
	}
	return basePath(c.BaseURL) // BaseURL was changed after Load
}

func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return "/"
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}
