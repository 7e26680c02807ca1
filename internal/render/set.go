package render

import (
	"text/template/parse"
)

// Set describes the template set one page template runs in, for a caller
// that analyses what the templates can read (internal/site works out which
// pages an output depends on from it). Nothing in it may be modified.
type Set struct {
	Entry string                 // the template executed: the page template itself, or its base template
	Trees map[string]*parse.Tree // every template of the set by name: files by path, {{define}} blocks by their names
	Files map[string]string      // the layout file each template of Trees was parsed from
}

// Set returns the template set of the page template name (as Find returns
// it), or false when there is no such page template or it cannot run.
func (r *Renderer) Set(name string) (Set, bool) {
	p := r.pages[name]
	if p == nil || p.err != nil {
		return Set{}, false
	}
	s := Set{Entry: p.entry, Trees: map[string]*parse.Tree{}, Files: map[string]string{}}
	for _, t := range p.set.Templates() {
		if t.Tree != nil {
			s.Trees[t.Name()] = t.Tree
			s.Files[t.Name()] = r.defined[name][t.Name()]
		}
	}
	return s, true
}

// PartialFile returns the layout file that {{ partial name }} runs, as the
// partial function looks it up.
func (r *Renderer) PartialFile(name string) (string, bool) {
	file, err := r.partialFile(name)
	return file, err == nil
}

// Partials lists the partial files.
func (r *Renderer) Partials() []string { return sortedKeys(r.partials) }

// Source returns the text of a layout file (the site's where both the site
// and the theme have one), as it was parsed.
func (r *Renderer) Source(file string) string { return r.files.src[file] }
