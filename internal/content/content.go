// Package content reads the pages of a site: every content/**/*.md file of
// the site's fs.FS becomes a [Page], its front matter decoded with the
// position of every problem.
//
// # Files
//
// [Load] walks "content" (skipping files and directories whose names begin
// with "."; a site without content/ has no pages), parses every *.md file in
// parallel on runtime.GOMAXPROCS goroutines, and returns the pages sorted by
// Path together with every error of every file — joined with errors.Join,
// sorted by path, then line, then column, each a *decode.Error reading
// "content/jobs/x.md:7:3: date: cannot parse ...". Pages that parsed cleanly
// are returned even when others failed. The fs.FS must allow concurrent
// reads (os.DirFS and fstest.MapFS do).
//
// # Front matter
//
// [Parse] handles one file. A UTF-8 byte order mark is dropped and CRLF line
// endings become LF first. The front matter is split off with
// github.com/adrg/frontmatter: YAML between "---" lines, TOML between "+++"
// lines, or a JSON object from a "{" line to a "}" line followed by an empty
// line (blank lines before the opening line are allowed). An opening "---",
// "+++" or "{" that is never closed is an error at the opening line
// (`front matter opened with "---" is never closed`), although the library
// would read such a file as all body.
//
// All three formats become a yaml.Node tree that [decode.Node] decodes into
// [FrontMatter], so the rules and messages are the same, and every position
// is a true line and column of the file: YAML positions come from yaml.v3;
// JSON is read token by token with encoding/json (yaml.v3 rejects valid JSON
// such as the "\/" escape); TOML is decoded by BurntSushi/toml and the
// position of every key and value is found by scanning the TOML text. A
// position inside the front matter is shifted by the line the front matter
// starts on. Body holds the text after the closing line and BodyLine the
// file line it starts on.
//
// title and date are required, except in _index.md files, which need
// neither (and may have no front matter at all); a missing key is reported
// at the opening line, column 1 (`missing required "title"`). Keys that are
// not FrontMatter fields are kept in Params, except that a key within the
// [decode.Suggest] distance of a FrontMatter key is an error:
// `unknown key "titel"; did you mean "title"?`. kind, when set, must be one
// of job, role, certification or article.
//
// # Kinds and URLs
//
// A page's Kind is its front matter's kind, else the kind site.yaml maps its
// section to, else "article"; _index.md files have no kind. Section is the
// first directory under content/ ("" for files directly in content/).
//
// [PageURL] maps a file to its URL, a root-relative path without the site's
// base path:
//
//	content/jobs/back-end-developer.md  /jobs/back-end-developer/
//	content/jobs/_index.md              /jobs/
//	content/_index.md                   /
//	content/about.md                    /about/
//	content/guides/x/index.md           /guides/x/  (a leaf bundle)
//
// File and directory names are kept as written (only [Slugify] changes
// them, when asked). slug replaces the last segment (it must not be empty,
// contain "/" or be "." or ".."; the home page has no segment to replace).
// url replaces the whole path: it must start with "/", must not contain
// ".." segments, "\", "?" or "#"; it is cleaned and ends in "/" unless its
// last segment has an extension ("/feed.xml"). An error in slug or url is
// reported at its value.
package content

import (
	"time"

	"github.com/careersite/careersite/internal/decode"
)

// FrontMatter is the metadata at the top of a page.
type FrontMatter struct {
	Title       string         `yaml:"title"`
	Description string         `yaml:"description"`
	Date        time.Time      `yaml:"date"`         // required except in _index.md
	Updated     time.Time      `yaml:"updated"`      // zero when unset
	PublishDate time.Time      `yaml:"publish_date"` // zero when unset
	ExpiryDate  time.Time      `yaml:"expiry_date"`  // zero when unset
	Draft       bool           `yaml:"draft"`
	Tags        []string       `yaml:"tags"`
	Skills      []string       `yaml:"skills"`
	Authors     []string       `yaml:"authors"`
	Slug        string         `yaml:"slug"`
	URL         string         `yaml:"url"`
	Aliases     []string       `yaml:"aliases"`
	Weight      int            `yaml:"weight"`
	Layout      string         `yaml:"layout"`
	Kind        string         `yaml:"kind"`    // optional override: job|role|certification|article
	Params      map[string]any `yaml:",remain"` // every other key (kind-specific fields, for now)
}

// Page is one content file.
type Page struct {
	Path    string // "content/jobs/back-end-developer.md": slash-separated, relative to the site root
	Section string // first directory under content/ ("jobs"); "" for content/_index.md and content/about.md
	IsIndex bool   // the file is an _index.md (section or home front matter and body)
	Kind    string // FrontMatter.Kind, else cfg.KindOf(Section), else "article"; "" for _index.md
	URL     string // root-relative path without the base path: "/jobs/back-end-developer/", "/jobs/", "/"
	FrontMatter
	Body     []byte // Markdown after the front matter, LF line endings, no BOM
	BodyLine int    // 1-based file line where Body starts (body line n is file line BodyLine+n-1)
}

// frontMatterKeys are the keys FrontMatter decodes, for typo suggestions.
// It is computed once from the type and never changes.
var frontMatterKeys = decode.Keys(FrontMatter{})
