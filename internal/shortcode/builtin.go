package shortcode

// The built-in shortcodes are templates of the default theme,
// layouts/shortcodes/NAME.html; Builtins declares their arguments. From
// that one table the expander checks a built-in's arguments before its
// template runs, and docs/shortcodes.md is generated (go generate
// ./internal/shortcode), so the two cannot disagree. A test fails when a
// built-in has no theme template, or a theme shortcode has no entry.
//
// The arguments are checked only when the template that runs is the
// theme's: a site that writes its own layouts/shortcodes/figure.html
// decides what its figure takes, as it would for any shortcode of its own.

// ArgType is the type of a built-in's argument.
type ArgType int

const (
	String ArgType = iota // a string; a number or a bool is an error: quote it
	Int                   // an int; a quoted whole number ("640", as Hugo pages write it) is taken as one
	Bool                  // true or false; a quoted "true" or "false" is taken as one
)

// String returns the type as the reference names it.
func (t ArgType) String() string {
	return [...]string{"text", "whole number", "true or false"}[t]
}

// ArgSpec declares one argument of a built-in shortcode.
type ArgSpec struct {
	Name     string
	Type     ArgType
	Required bool
	Position int // its index when written positionally ({{< youtube ID >}}); -1 when it is only named
	Doc      string

	// Check, when set, returns what is wrong with a value of the right
	// type, "" when nothing is: "is not a YouTube video id …".
	Check func(v any) string
}

// Builtin declares a built-in shortcode.
type Builtin struct {
	Name    string
	Doc     string // one or two sentences: what it writes
	Inner   string // what its inner content is; "" when it takes none
	Args    []ArgSpec
	Example string

	// HTML says that its output is HTML, so that it must be written
	// {{< NAME >}}: written {{% NAME %}}, its output would be converted
	// as Markdown, which omits raw HTML on a site that does not allow it.
	HTML bool

	// Rule, when set, checks the arguments together once each is right on
	// its own; get returns an argument by name, nil when it is absent. It
	// returns what is wrong, "" when nothing is.
	Rule func(get func(name string) any) string
}

// Builtins are the built-in shortcodes, by name.
var Builtins = []Builtin{
	{
		Name: "details",
		Doc:  "A native disclosure widget: `<details>` with a `<summary>` the reader clicks to show the inner content. Works without JavaScript and with the keyboard.",
		Inner: "Markdown, rendered with the page's rules (raw HTML only where " +
			"`unsafe_html` allows it).",
		Args: []ArgSpec{
			{Name: "summary", Type: String, Required: true, Position: -1,
				Doc: "The visible label that opens and closes the content; the accessible name of the widget."},
			{Name: "open", Type: Bool, Position: -1,
				Doc: "Show the content open when the page loads (default false)."},
		},
		HTML:    true,
		Example: "{{< details summary=\"Is a degree required?\" >}}\nNo: most postings ask for **experience**.\n{{< /details >}}",
	},
	{
		Name: "figure",
		Doc: "An image with an optional caption, in `<figure>` and `<figcaption>`, with Hugo's arguments. The image is found and processed as a Markdown image is: " +
			"from the page's bundle, else from `assets/`, a JPEG, PNG or WebP image as a `<picture>` with WebP sources at the widths of `site.yaml`, an SVG or a GIF as it is, with its width and height " +
			"(the markup of `layouts/partials/picture.html`, which the image render hook shares). An absolute `http(s)` URL is written as given. An image that is not there is an error at the shortcode.",
		Args: []ArgSpec{
			{Name: "src", Type: String, Required: true, Position: -1,
				Doc: "The image: a file of the page's bundle (`team.jpg`), of `assets/` (`/img/team.jpg`, or `img/team.jpg` when the bundle has none), or an absolute `http(s)` URL."},
			{Name: "alt", Type: String, Position: -1,
				Doc: "The text alternative (WCAG 1.1.1); without it the caption is the alt text, as in Hugo, and one of the two is required. Write `alt=\"\"` only for a purely decorative image without a caption, which screen readers then skip, and never with `link`: the alt text is the link's name."},
			{Name: "caption", Type: String, Position: -1,
				Doc: "A visible caption, as plain text, in `<figcaption>`."},
			{Name: "title", Type: String, Position: -1,
				Doc: "A title, shown in bold at the start of the caption."},
			{Name: "attr", Type: String, Position: -1,
				Doc: "An attribution (the photographer, the source), shown after the caption."},
			{Name: "attrlink", Type: String, Position: -1,
				Doc: "A URL the attribution links to."},
			{Name: "link", Type: String, Position: -1,
				Doc: "A URL the image links to."},
			{Name: "target", Type: String, Position: -1,
				Doc: "The link's `target` (`_blank`)."},
			{Name: "rel", Type: String, Position: -1,
				Doc: "The link's `rel` (`noopener`)."},
			{Name: "class", Type: String, Position: -1,
				Doc: "Classes added to the `<figure>`'s own, `figure`."},
			{Name: "width", Type: Int, Position: -1, Check: positive,
				Doc: "The largest width to show the image at, in pixels: a JPEG, PNG or WebP image is scaled down to it (never up), its larger widths left out; an SVG or a GIF is shown at it, its height in proportion."},
			{Name: "height", Type: Int, Position: -1, Check: positive,
				Doc: "The largest height, likewise; with `width`, the image fits in the box of both (an SVG or a GIF is shown at that size)."},
		},
		HTML:    true,
		Rule:    figureRule,
		Example: "{{< figure src=\"/img/team.jpg\" alt=\"Four developers at a whiteboard\" caption=\"A design review\" width=800 >}}",
	},
	{
		Name: "param",
		Doc:  "A value of the page's front matter, from `.Params` (the keys that are not fields of the page's kind), else of `site.yaml`'s `params`. A missing key is an error at the shortcode. Fields such as `title` are not params: a layout reads them as `.Title`.",
		Args: []ArgSpec{
			{Name: "name", Type: String, Required: true, Position: 0,
				Doc: "The key, as written in front matter (`team_size`)."},
		},
		Example: "{{< param \"team_size\" >}}",
	},
	{
		Name: "youtube",
		Doc: "A YouTube video behind a click-to-load facade: a link showing the title which, when the reader follows it, is replaced by the player from youtube-nocookie.com, so that " +
			"no request leaves for a third party until then (there is no thumbnail, which would come from YouTube). Without JavaScript the link opens the video on YouTube. The facade's script is the theme's `assets/js/youtube.js`, loaded from the site itself (no inline script); a site with a Content-Security-Policy allows `frame-src https://www.youtube-nocookie.com`.",
		Args: []ArgSpec{
			{Name: "id", Type: String, Required: true, Position: 0, Check: youTubeID,
				Doc: "The video's id, the 11 letters, digits, `-` or `_` after `v=` in its URL."},
			{Name: "title", Type: String, Position: -1,
				Doc: "The video's title: the link's text and the player's accessible name (default \"YouTube video\")."},
		},
		HTML:    true,
		Example: "{{< youtube id=\"dQw4w9WgXcQ\" title=\"A day as a site reliability engineer\" >}}",
	},

	// The career ones and the references: they read the site's pages and
	// data files through .Site.GetPage and .Site.SalaryTable.
	{
		Name: "ref",
		Doc:  "The absolute URL (permalink) of a published page, from its content path or URL; a page that is not there (a typo, a draft) is an error at the shortcode, with a did-you-mean.",
		Args: []ArgSpec{
			{Name: "path", Type: String, Required: true, Position: 0,
				Doc: "The page's file under `content/` (`jobs/back-end-developer.md`) or its URL (`/jobs/back-end-developer/`)."},
		},
		Example: "[The job]({{< ref \"jobs/back-end-developer.md\" >}})",
	},
	{
		Name: "relref",
		Doc:  "The root-relative URL of a published page, the site's base path included, from its content path or URL; a page that is not there is an error at the shortcode, as for `ref`.",
		Args: []ArgSpec{
			{Name: "path", Type: String, Required: true, Position: 0,
				Doc: "The page's file under `content/` or its URL, as for `ref`."},
		},
		Example: "[The job]({{< relref \"jobs/back-end-developer.md\" >}})",
	},
	{
		Name: "card",
		Doc:  "The card of another page, in the style of the cards of lists: its kind, title (a link to it), description, salary range and, for a job with a posting, whether the posting is open at build time. A page that is not there is an error at the shortcode.",
		Args: []ArgSpec{
			{Name: "page", Type: String, Required: true, Position: 0,
				Doc: "The page's URL (`/jobs/back-end-developer/`) or file under `content/`."},
		},
		HTML:    true,
		Example: "{{< card \"/jobs/back-end-developer/\" >}}",
	},
	{
		Name: "salary-table",
		Doc: "A table of salaries — role, median, range, period, source and as-of date — from a data file or from job and role pages, with a caption and header cells, numbers formatted as the salary card formats them. The range is the 10th to the 90th percentile when a row gives both, else the lowest to the highest pay. " +
			"A data file's rows (a CSV file's lines) have the columns `role`, `currency` (ISO 4217), `period` (hour, day, week, month or year), `median`, and `p10` and `p90` or `min` and `max`; optionally `p25`, `p75`, `url` (the role's page), `source`, `source_url` and `as_of` (2024-05-01). Other columns are left alone. A row without a figure it needs is an error at the shortcode.",
		Args: []ArgSpec{
			{Name: "caption", Type: String, Required: true, Position: -1,
				Doc: "The table's caption, its accessible name."},
			{Name: "data", Type: String, Position: -1,
				Doc: "A data file under `data/`, as `.Site.Data` names it (`salaries.oews_2024`) or as its path without the extension (`salaries/oews-2024`); one of `data` and `pages`."},
			{Name: "pages", Type: String, Position: -1,
				Doc: "Job and role pages that give a salary, by URL or content path, separated by commas or spaces (`/jobs/a/,/roles/b/`); one of `data` and `pages`."},
		},
		HTML:    true,
		Rule:    oneSource,
		Example: "{{< salary-table data=\"salaries.oews_2024\" caption=\"Pay in the U.S., May 2024\" >}}",
	},
}

// builtin returns the entry of a built-in, by name.
func builtin(name string) (*Builtin, bool) {
	for i := range Builtins {
		if b := &Builtins[i]; b.Name == name {
			return b, true
		}
	}
	return nil, false
}

// youTubeID is the Check of youtube's id: YouTube's ids are 11 characters
// of the URL-safe base64 alphabet. Checking it keeps a typo, or a whole
// URL pasted as the id, from publishing a player that shows an error.
func youTubeID(v any) string {
	s, _ := v.(string)
	if len(s) != 11 {
		return "is not a YouTube video id (11 letters, digits, \"-\" or \"_\")"
	}
	for _, c := range []byte(s) {
		if !isIDByte(c) {
			return "is not a YouTube video id (11 letters, digits, \"-\" or \"_\")"
		}
	}
	return ""
}

func isIDByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_'
}

// positive is the Check of a size in pixels.
func positive(v any) string {
	if n, _ := v.(int); n <= 0 {
		return "is not a positive number of pixels"
	}
	return ""
}

// figureRule is figure's Rule. An image needs a text alternative: alt,
// else the caption (Hugo's default). An image that is a link's only
// content gives the link its accessible name (WCAG 2.4.4, 4.1.2), so its
// alt text cannot be empty.
func figureRule(get func(string) any) string {
	switch {
	case get("alt") == nil && get("caption") == nil:
		return `give alt, the text alternative that says what the image shows (or a caption, which is then the alt text)`
	case get("link") != nil && get("alt") == "":
		return `an image that is a link needs alt text: it is the link's name; say where the link goes`
	}
	return ""
}

// oneSource is salary-table's Rule: its rows come from a data file or
// from pages, not both.
func oneSource(get func(string) any) string {
	if (get("data") == nil) == (get("pages") == nil) {
		return `give either data or pages`
	}
	return ""
}
