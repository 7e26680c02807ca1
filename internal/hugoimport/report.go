package hugoimport

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Report is what an import did: what it converted, what needs a person,
// and where every URL Hugo publishes went.
type Report struct {
	Source, Dest string
	ConfigFiles  []string                // the Hugo configuration files read
	Pages        int                     // content pages converted
	Formats      map[string]int          // pages by front-matter format: "TOML", "YAML", "JSON", "none"
	Files        map[string]int          // other files copied: "resources", "static", "data", "assets"
	Shortcodes   []string                // the site's shortcodes copied into layouts/shortcodes/
	Converted    []Conversion            // per page, what was changed
	Needs        []Item                  // what a person must look at
	URLs         []URLCheck              // every URL Hugo publishes, and careersite's
	LeftOut      []string                // folders of the Hugo site not imported, and why
	unknown      map[string]*standInUses // shortcodes careersite lacks, by name
}

// standInUses are the pages that use a shortcode careersite lacks, and
// whether any use is paired.
type standInUses struct {
	pages  []string
	paired bool
}

// Conversion is what an import changed in one page.
type Conversion struct {
	File  string // in the Hugo site
	Dest  string // in the careersite site, when it moved
	Notes []string
}

// Item is one thing a person must look at, at its place in the Hugo site.
type Item struct {
	File string
	Line int
	Msg  string
}

func (it Item) String() string { return fmt.Sprintf("%s:%d: %s", it.File, it.Line, it.Msg) }

// URLStatus says what became of a URL Hugo publishes.
type URLStatus string

const (
	URLSame  URLStatus = "same"  // careersite publishes the page at the same URL
	URLAlias URLStatus = "alias" // careersite redirects the URL to the page
	URLLost  URLStatus = "lost"  // careersite publishes nothing there
)

// URLCheck is one URL Hugo publishes and what careersite publishes for it.
type URLCheck struct {
	Hugo   string
	Ours   string // the URL careersite publishes the page at; "" when lost
	Status URLStatus
	File   string // the page's file in the Hugo site; "" for a taxonomy or term list
	Why    string // when lost
}

func (r *Report) needs(file string, line int, msg string) {
	r.Needs = append(r.Needs, Item{file, max(line, 1), msg})
}

func (r *Report) unknownShortcode(name, file string, paired bool) {
	if r.unknown == nil {
		r.unknown = map[string]*standInUses{}
	}
	u := r.unknown[name]
	if u == nil {
		u = &standInUses{}
		r.unknown[name] = u
	}
	if !slices.Contains(u.pages, file) {
		u.pages = append(u.pages, file)
	}
	u.paired = u.paired || paired
}

// sort puts every list of the report in order.
func (r *Report) sort() {
	slices.SortFunc(r.Needs, func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg))
	})
	r.Needs = slices.Compact(r.Needs)
	slices.SortFunc(r.Converted, func(a, b Conversion) int { return cmp.Compare(a.File, b.File) })
	slices.SortFunc(r.URLs, func(a, b URLCheck) int { return cmp.Compare(a.Hugo, b.Hugo) })
	slices.Sort(r.Shortcodes)
	slices.Sort(r.LeftOut)
}

// Count returns how many URLs have status s.
func (r *Report) Count(s URLStatus) int {
	n := 0
	for _, u := range r.URLs {
		if u.Status == s {
			n++
		}
	}
	return n
}

// Summary is the report's first lines, for the terminal.
func (r *Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported %s into %s: %d pages (%s), %s\n", r.Source, r.Dest, r.Pages, counts(r.Formats), counts(r.Files))
	fmt.Fprintf(&b, "URLs: %d Hugo publishes, %d the same, %d by an alias, %d lost\n",
		len(r.URLs), r.Count(URLSame), r.Count(URLAlias), r.Count(URLLost))
	fmt.Fprintf(&b, "needs a person: %d items (IMPORT.md)\n", len(r.Needs))
	return b.String()
}

func counts(m map[string]int) string {
	var parts []string
	for _, k := range sortedKeys(m) {
		parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
	}
	if len(parts) == 0 {
		return "no files"
	}
	return strings.Join(parts, ", ")
}

// WriteTerminal writes the summary, what needs a person and the lost URLs.
func (r *Report) WriteTerminal(w io.Writer) {
	io.WriteString(w, r.Summary())
	for _, it := range r.Needs {
		fmt.Fprintln(w, it)
	}
	for _, u := range r.URLs {
		if u.Status == URLLost {
			fmt.Fprintf(w, "lost URL %s (%s): %s\n", u.Hugo, cmp.Or(u.File, "list"), u.Why)
		}
	}
}

// Markdown returns the report as DEST/IMPORT.md.
func (r *Report) Markdown() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Imported from Hugo\n\n")
	fmt.Fprintf(&b, "`careersite import hugo` read %s (configuration: %s).\n\n", r.Source, cmp.Or(strings.Join(r.ConfigFiles, ", "), "none, Hugo's defaults"))
	io.WriteString(&b, "```\n"+r.Summary()+"```\n\n")
	r.writeNeeds(&b)
	r.writeURLs(&b)
	r.writeConverted(&b)
	return []byte(b.String())
}

func (r *Report) writeNeeds(b *strings.Builder) {
	fmt.Fprintf(b, "## Needs a person (%d)\n\n", len(r.Needs))
	if len(r.Needs) == 0 {
		b.WriteString("Nothing.\n\n")
	}
	for _, it := range r.Needs {
		fmt.Fprintf(b, "- `%s:%d`: %s\n", it.File, it.Line, it.Msg)
	}
	if len(r.unknown) > 0 {
		b.WriteString("\nShortcodes careersite does not have, each given a stand-in template in layouts/shortcodes/, and the pages that use them:\n\n")
		for _, name := range sortedKeys(r.unknown) {
			fmt.Fprintf(b, "- `%s`: %s\n", name, strings.Join(r.unknown[name].pages, ", "))
		}
	}
	for _, l := range r.LeftOut {
		fmt.Fprintf(b, "- not imported: %s\n", l)
	}
	b.WriteString("\n")
}

func (r *Report) writeURLs(b *strings.Builder) {
	fmt.Fprintf(b, "## URLs (%d: %d the same, %d by an alias, %d lost)\n\n", len(r.URLs), r.Count(URLSame), r.Count(URLAlias), r.Count(URLLost))
	b.WriteString("Every URL Hugo 0.111 would publish for a page, a section, the home page, a taxonomy or a term at the time of the import (drafts, future and expired pages left out), computed from Hugo's rules (internal/hugourl), and the URL careersite publishes the page at.\n\n")
	b.WriteString("| Hugo | careersite | | file |\n|---|---|---|---|\n")
	for _, u := range r.URLs {
		ours := u.Ours
		if u.Status == URLLost {
			ours = u.Why
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", u.Hugo, ours, u.Status, u.File)
	}
	b.WriteString("\n")
}

func (r *Report) writeConverted(b *strings.Builder) {
	fmt.Fprintf(b, "## Converted\n\n")
	if len(r.Shortcodes) > 0 {
		fmt.Fprintf(b, "Shortcodes copied into layouts/shortcodes/: %s.\n\n", strings.Join(r.Shortcodes, ", "))
	}
	for _, c := range r.Converted {
		if len(c.Notes) == 0 && c.Dest == "" {
			continue
		}
		fmt.Fprintf(b, "- %s", c.File)
		if c.Dest != "" {
			fmt.Fprintf(b, " → %s", c.Dest)
		}
		if len(c.Notes) > 0 {
			fmt.Fprintf(b, ": %s", strings.Join(slices.Compact(slices.Sorted(slices.Values(c.Notes))), "; "))
		}
		b.WriteString("\n")
	}
}
