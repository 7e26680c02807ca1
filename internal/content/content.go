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
// sorted by path, then line, then column, each a *diag.Error reading
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
// All three formats become a yaml.Node tree, shifted so that its positions
// are file positions, that [decode.Node] decodes into [FrontMatter], so the
// rules and messages are the same, and every position is a true line and
// column of the file: YAML positions come from yaml.v3;
// JSON is read token by token with encoding/json (yaml.v3 rejects valid JSON
// such as the "\/" escape); TOML is decoded by BurntSushi/toml and the
// position of every key and value is found by scanning the TOML text. A
// position inside the front matter is shifted by the line the front matter
// starts on. Body holds the text after the closing line and BodyLine the
// file line it starts on.
//
// title and date are required, except in _index.md files, which need
// neither (and may have no front matter at all); a missing key is reported
// at the opening line, column 1 (`missing required "title"`). kind, when
// set, must be one of job, role, certification or article. hidden_from
// lists any of lists, feeds, sitemap and search ([Listing]), and is an
// error in an _index.md; Hugo's build options (a mapping under build or
// _build) are an error that says to write hidden_from (hidden.go).
//
// # Career fields
//
// The top-level keys that belong to the page's kind ([career.Keys]: salary,
// posting, credential, …) are not FrontMatter fields: [career.Decode]
// decodes and checks them into Page.Career (a *career.Job, *career.Role or
// *career.Certification), with every problem at its file position, and they
// do not appear in Params. A job's or role guide's role defaults to the
// page title. Every other key is kept in Params, except that a key within
// the [decode.Suggest] distance of a FrontMatter key or of a key of the
// page's kind is an error: `unknown key "sallary"; did you mean "salary"?`.
// Page references (related_roles, …) are checked later, against every page
// ([career.CheckRefs]); [LoadAll] returns the pages with problems too, so
// that a check can report their references in the same run.
//
// [Page.Warnings] lists what does not stop a build, at a given time: a
// description longer than [MaxDescription] characters, and the career
// warnings (stale as_of dates, closed postings).
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
// reported at its value. slug, url and aliases must also name folders
// every system can create ([CheckSegments], pathsafe.go): no control
// character, none of \ : * ? " < > |, no segment ending in "." or " ",
// no device name Windows reserves (CON, NUL, COM1, …).
//
// # Page bundles
//
// The files under content/ that are not Markdown are the resources of the
// bundle whose folder holds them ([BundleOf], resource.go): every file of
// a leaf bundle's folder (an index.md's) and its subfolders but nested
// bundles, and the files directly beside an _index.md. [Tree.Resources]
// lists the candidates as the walk finds them, [ReadResource] reads one,
// refusing symbolic links by the rules below and a file over
// limits.resource; [Resource.Check] refuses a name that is not a safe
// output path.
//
// # Publishing, held bodies, warnings
//
// [Publishing] says which pages a build publishes at a moment (drafts,
// publish_date, expiry_date), [Valid] which parsed without problems, and
// [TimeSensitive] whose publishing may change as time passes
// (publish.go). A page brought back from an earlier build without its
// file (internal/pagepack) holds its body lazily ([Page.HoldBody]), read
// by [Page.LoadBody] only when a consumer needs it; [Page.Places] and
// [Page.SetPlaces] carry the places its checks report at (held.go).
// [AllWarnings] are the warnings of pages, made on all cores.
//
// # Places of values
//
// A check made after Load (an alias that is another page's URL, a tag
// that makes no URL) reports its problem at the value in the file: a
// [Locator], from [NewLocator], finds the line and column of a key's value
// again in the front matter's text, reading the file only then
// (locate.go).
//
// # Hostile files
//
// A file over site.yaml's limits.page is an error at its line 1 and is
// not read past the limit; front matter over limits.front_matter is an
// error at its opening line and is not parsed (limits.go). YAML aliases
// are followed at most 10,000 times (decode); YAML and JSON nest at most
// 10,000 levels (their parsers' limits), TOML at most 100 (its positions
// cost the square of the depth). A symbolic link under content/ that
// leads outside the site's fs.FS, or round in a loop, is left out, and
// [Tree.LinkWarnings] says so; links to folders are not walked into
// (symlink.go). [ReadFile] reads one file by the same rules.
package content

import (
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/decode"
)

// FrontMatter is the metadata every page may have, whatever its kind. The
// comments on its fields are the reference docs/content-model.md gives for
// them (see internal/fields).
type FrontMatter struct {
	// The page's title.
	Title string `yaml:"title" required:"except in _index.md"`
	// A summary for search results and cards; over 160 characters earns a warning.
	Description string `yaml:"description"`
	// When the page was first published.
	Date time.Time `yaml:"date" required:"except in _index.md"`
	// When the page was last changed materially.
	Updated time.Time `yaml:"updated"`
	// Publish the page only from this date.
	PublishDate time.Time `yaml:"publish_date"`
	// Stop publishing the page after this date.
	ExpiryDate time.Time `yaml:"expiry_date"`
	// The page is a draft, left out of builds unless drafts are asked for.
	Draft bool `yaml:"draft"`
	// Free-form topics.
	Tags []string `yaml:"tags"`
	// The skills the page is about; each links to its skill page.
	Skills []string `yaml:"skills"`
	// The people who wrote the page.
	Authors []string `yaml:"authors"`
	// Replaces the last segment of the page's URL.
	Slug string `yaml:"slug"`
	// Replaces the whole URL path of the page ("/about-us/").
	URL string `yaml:"url"`
	// Old URLs that redirect to the page.
	Aliases []string `yaml:"aliases"`
	// Orders pages in lists: lower first.
	Weight int `yaml:"weight"`
	// The layout to render the page with, instead of its kind's.
	Layout string `yaml:"layout"`
	// The page's kind (job, role, certification or article), instead of its section's.
	Kind string `yaml:"kind"`
	// The page's picture, shown on the page and its cards and as its og:image: a file under assets/ ("img/team.jpg"; a leading "/" is allowed) or an absolute https URL. Without it, a social card is drawn.
	Image string `yaml:"image"`
	// What the picture shows, for people who cannot see it; image without image_alt earns a warning.
	ImageAlt string `yaml:"image_alt"`
	// Pairs the translations of a page whose file names differ: pages of different languages with one key are translations of each other (default: the file's path without its language).
	TranslationKey string `yaml:"translation_key"`
	// The places that do not list the page, though it is built and has its URL: lists (sections, terms, related pages), feeds, sitemap, search.
	HiddenFrom []Listing `yaml:"hidden_from"`
	// Every other key that is not a field of the page's kind.
	Params map[string]any `yaml:",remain"`
}

// Page is one content file.
type Page struct {
	Path    string // "content/jobs/back-end-developer.md": slash-separated, relative to the site root
	Section string // first directory under content/ ("jobs"); "" for content/_index.md and content/about.md
	IsIndex bool   // the file is an _index.md (section or home front matter and body)
	Kind    string // FrontMatter.Kind, else cfg.KindOf(Section), else "article"; "" for _index.md
	URL     string // root-relative path without the base path: "/jobs/back-end-developer/", "/jobs/", "/"; "/de/jobs/…" in German
	// Language is the code of the page's language: from its file name
	// ("x.de.md"), else the site's default language (language.go).
	Language string
	FrontMatter
	Career   career.Data // the typed fields of a job, role or certification; zero for other kinds
	Invalid  bool        // the front matter has problems (only LoadAll returns such pages)
	Body     []byte      // Markdown after the front matter, LF line endings, no BOM; nil while held lazily (held.go)
	BodyLine int         // 1-based file line where Body starts (body line n is file line BodyLine+n-1)

	description pos      // where the description's value is, for Warnings
	held        HeldBody // where Body is, while the page holds it lazily (LoadBody)
}

// pos is a 1-based file line and column; the zero pos is "not written".
type pos struct{ line, col int }

// frontMatterKeys are the keys FrontMatter decodes, for typo suggestions.
// It is computed once from the type and never changes.
var frontMatterKeys = decode.Keys(FrontMatter{})
