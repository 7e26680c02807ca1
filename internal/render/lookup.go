package render

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Lookup describes the page to find a template for.
type Lookup struct {
	Kind     string // "home", "section", "single", "taxonomy", "term" or "404"
	Section  string // "jobs"; "" for pages outside a section
	Type     string // "job", "role", "certification", "article"
	Layout   string // the page's layout front matter; "" when unset
	Taxonomy string // "skills" on taxonomy and term pages
}

// Find returns the name of the page template for l, in the order given in the
// package documentation, e.g. "layouts/jobs/job.html".
func (r *Renderer) Find(l Lookup) (string, error) {
	names, err := candidates(l)
	if err != nil {
		return "", err
	}
	for _, layer := range r.files.layers {
		for _, name := range names {
			if layer[name] && r.pages[name] != nil {
				return name, nil
			}
		}
	}
	return "", fmt.Errorf("no template for %s page: looked for %s", l.Kind, strings.Join(names, ", "))
}

// candidates lists the page templates that may render l, best first.
func candidates(l Lookup) ([]string, error) {
	var names []string
	add := func(dir, base string) {
		if dir != "" && base != "" {
			// Not path.Join: a layout like "../x" must not be cleaned into
			// another file's name; uncleaned names match no file.
			names = append(names, "layouts/"+dir+"/"+base+".html")
		}
	}
	if l.Layout != "" {
		add(l.Section, l.Layout)
		add("_default", l.Layout)
	}
	switch l.Kind {
	case "single":
		add(l.Section, l.Type)
		add(l.Section, "single")
		add("_default", l.Type)
		add("_default", "single")
	case "section":
		add(l.Section, "section")
		add("_default", "section")
	case "taxonomy", "term":
		add(l.Taxonomy, l.Kind)
		add("_default", l.Kind)
	case "home":
		add("_default", "home")
	case "404":
		add("_default", "404")
	default:
		return nil, fmt.Errorf("unknown page kind %q (want home, section, single, taxonomy, term or 404)", l.Kind)
	}
	return uniq(names), nil
}

// uniq drops repeated names, keeping the first of each ("single" as a type or layout).
func uniq(names []string) []string {
	var out []string
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// baseofFor returns the base template that page template name runs inside,
// or "" when there is none.
func (f *files) baseofFor(name string) string {
	names := baseofCandidates(name)
	for _, layer := range f.layers {
		for _, b := range names {
			if layer[b] {
				return b
			}
		}
	}
	return ""
}

// baseofCandidates lists the base templates for page template name, nearest first.
func baseofCandidates(name string) []string {
	var names []string
	if dir := path.Dir(name); dir != "layouts" {
		names = append(names, dir+"/baseof.html")
	}
	return uniq(append(names, "layouts/_default/baseof.html"))
}
