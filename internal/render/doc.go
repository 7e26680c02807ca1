// Package render executes the site's html/template layouts.
//
// # Files
//
// New reads every *.html file under layouts/ in two file systems, the site's
// and the theme's, both rooted at a site folder. A site file shadows the theme
// file with the same path. Names starting with "." (editor temporary files,
// hidden directories) are ignored; a UTF-8 byte order mark is dropped and CRLF
// line endings become LF, so output does not depend on how files were checked
// out. Every file is parsed once, in New, and every template is named by its
// full path ("layouts/jobs/job.html"), so two single.html files never collide
// and every error names the file that failed.
//
// A file is one of three sorts:
//
//   - a partial: any file under layouts/partials/;
//   - a base template: any file named baseof.html;
//   - a page template: every other file. Only page templates are found by
//     Find and run by Execute.
//
// # Lookup order
//
// Find picks the page template for a Lookup. It tries the candidates below, in
// this order, first all of them in the site and then all of them in the theme,
// and returns the first that exists. A candidate that needs an empty Section,
// Type, Layout or Taxonomy is skipped.
//
//  1. When Layout is set:
//     layouts/<section>/<layout>.html,
//     layouts/_default/<layout>.html.
//  2. By kind:
//     single: layouts/<section>/<type>.html, layouts/<section>/single.html,
//     layouts/_default/<type>.html, layouts/_default/single.html;
//     section: layouts/<section>/section.html, layouts/_default/section.html;
//     taxonomy (the list of a taxonomy's terms, /skills/):
//     layouts/<taxonomy>/taxonomy.html, layouts/_default/taxonomy.html;
//     term (the pages of one term, /skills/postgresql/):
//     layouts/<taxonomy>/term.html, layouts/_default/term.html;
//     home: layouts/_default/home.html;
//     404: layouts/_default/404.html.
//
// So a site's layouts/_default/single.html wins over the theme's
// layouts/jobs/single.html: a site overrides a theme without having to know
// which section-specific files the theme has.
//
// # Shortcodes
//
// A shortcode template, layouts/shortcodes/NAME.html, is a page template
// like any other (internal/shortcode runs it for {{< NAME >}} in a page's
// Markdown): Shortcode(NAME) returns its file, the site's over the
// theme's, and Execute runs it; Shortcodes lists the names; FromTheme
// tells a theme's file from a site's. It runs with
// the partials, and, like any page template, inside a base template when
// it is made only of {{define}} blocks, so a shortcode is written without.
//
// # Base templates and blocks
//
// A page template made only of {{define}} blocks (and whitespace and comments)
// runs inside the nearest base template. For a page template in
// layouts/<dir>/ that is, in this order, first in the site and then in the
// theme: layouts/<dir>/baseof.html, layouts/_default/baseof.html. The base
// template's {{block}} actions give defaults that the page template's
// {{define}} blocks replace. Each page template runs in its own template set
// (its base template, all partials, itself), so two page templates that both
// define "main" never collide. As in text/template, an empty {{define}} does
// not replace a block's default. A page template with anything outside its
// {{define}} blocks runs on its own.
//
// # Partials
//
//	{{ partial "header.html" . }}
//
// runs layouts/partials/header.html with the given data (nil when none is
// given) and returns its output as template.HTML. The ".html" may be left out.
// Partials may include partials, themselves too, up to 100 deep; deeper is an
// error, which stops a partial that includes itself without end.
// Once a partial called by a constant name in HTML text has run, later
// executions of the same template run it as a {{template}} action, which
// writes the same bytes at a fraction of the cost (inline.go says when).
// ExecuteWith and Render take a Memo, which keeps the output of partials run
// on values other than the page's data, such as a page's card on each list
// that shows it, so that they run once.
//
// # Functions
//
// The built-in functions follow Hugo's where Hugo has one of the same name.
// The caller's funcs, given to New, override them.
//
//	partial NAME [DATA]    see above
//	dict K1 V1 K2 V2 …     map[string]any; keys must be strings
//	list V1 V2 …           []any
//	default DEFAULT VALUE  VALUE unless it is nil, zero, empty or the zero time
//	                       (false counts as set), else DEFAULT
//	join SEP LIST          elements of LIST as text, separated by SEP ({{ .Tags | join ", " }})
//	lower S, upper S       S as text, in lower or upper case
//	dateFormat LAYOUT T    T (time.Time or a date string) in Go's time layout; "" for the zero time
//	isoDate T              T as RFC 3339 ("2026-03-01T00:00:00Z"); "" for the zero time
//	number N               85000 → "85,000", 1234.5 → "1,234.50" (two decimals when not whole)
//	money A C [MAX [PER]]  partial "money.html" (dict "amount" A "currency" C "max" MAX "per" PER),
//	                       only the keys given; computed in Go when money.html is
//	                       the default theme's (money.go)
//	first N LIST           the first N elements of LIST (or runes of a string)
//	add A B …, sub A B …   integers give int64, any float gives float64; add also joins strings
//	mul A B …, div A B …   likewise; div of integers truncates, and by zero is an error
//	errorf FORMAT ARGS…    fails the template with fmt.Errorf's message
//	markdownify S          S rendered as Markdown, template.HTML; only the caller
//	                       can give it (it is the site's converter): without
//	                       one it fails when called
//
// There is no "now": output must not depend on the clock.
//
// # Errors
//
// Errors caused by a layout file read "layouts/jobs/job.html:12:5: message"
// and are *diag.Error values: New returns every parse error of every file, joined
// and sorted by path and position; Execute returns the execution error, at the
// innermost position (inside the partial that failed, not at the partial
// call). Lines and columns are 1-based; columns count characters.
// text/template reports only the line of a parse error, so its column is
// where the offending token appears on that line, or the first action on it.
package render
