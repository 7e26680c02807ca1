// Package hugoimport makes a careersite site of a Hugo site: `careersite
// import hugo SRC DEST`, every URL kept.
//
// [Import] reads the Hugo site in Options.Source, which it never writes
// to, and writes the careersite site into Options.Dest, which must be
// missing or empty. It reads first and writes last: a configuration or
// front matter that does not parse, front matter never closed, or a
// section mapped to no kind stops it with every such problem, each a
// *diag.Error at its file:line:col, and nothing is written.
//
// In order:
//
//  1. Hugo's configuration, in any of its forms (hugo.*, config.*,
//     config/_default/*; TOML, YAML or JSON), becomes site.yaml
//     (siteconfig.go): title, base URL, language, description, author,
//     the sections with their kinds (Options.Sections, else article),
//     taxonomies, page size, raw HTML, the main menu, params, and
//     broken_links: warn, as Hugo never checked links.
//  2. The pages of Hugo's content folder (content/, contentDir, a module
//     mount) are read (split.go), their front matter mapped to
//     careersite's (frontmatter.go, dates.go) and written as YAML before
//     the body's own bytes. An index.md that heads a section becomes its
//     _index.md, an _index.md below the first level a page at its URL, a
//     taxonomy's _index.md is left out (files.go). Where careersite's rule
//     would publish a page elsewhere than Hugo's rules do
//     (internal/hugourl), the page gets url: with Hugo's URL (page.go).
//  3. In the bodies, shortcodes careersite reads differently are
//     rewritten (body.go): highlight as a fenced block, figure and
//     youtube with careersite's arguments, ref and relref with the file
//     Hugo finds (refs.go). The site's own shortcode templates are copied
//     when they parse with careersite's functions and read nothing its
//     shortcodes lack (shortcodes.go, fields.go); every other shortcode
//     in use gets a stand-in template that shows its inner text.
//  4. Every converted page is parsed as careersite will parse it; a Hugo
//     key careersite takes for a typo of its own becomes hugo_KEY, any
//     other problem is reported at the Hugo file's line (write.go).
//  5. The URL check (urlcheck.go) lists every URL Hugo publishes and what
//     careersite publishes there: the same, an alias, or lost.
//  6. The other files are copied: bundle resources beside their pages,
//     static/ into assets/, data/, and the images of Hugo's assets/.
//
// The [Report] says what was converted, what needs a person (each at
// file:line of the Hugo site), and the URL check; DEST/IMPORT.md holds
// it in full (Report.Markdown), the terminal its summary
// (Report.WriteTerminal). docs/migrating-from-hugo.md is the user's
// account of the same rules.
package hugoimport
