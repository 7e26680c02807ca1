package render

import (
	"strings"
)

// shortcodeDir is where shortcode templates live: a page's
// {{< NAME >}} runs layouts/shortcodes/NAME.html.
const shortcodeDir = "layouts/shortcodes/"

// Shortcode returns the template file of shortcode name,
// layouts/shortcodes/NAME.html (the site's where both the site and the
// theme have one), and whether there is one that can run. Execute runs it.
// A name is not cleaned: "a/../b" names no file.
func (r *Renderer) Shortcode(name string) (string, bool) {
	file := shortcodeDir + name + ".html"
	p := r.pages[file]
	return file, p != nil && p.err == nil
}

// Shortcodes lists the names of the shortcodes that Shortcode finds,
// sorted: "career/card" for layouts/shortcodes/career/card.html.
func (r *Renderer) Shortcodes() []string {
	var names []string
	for _, file := range sortedKeys(r.pages) {
		rest, ok := strings.CutPrefix(file, shortcodeDir)
		if ok && r.pages[file].err == nil {
			names = append(names, strings.TrimSuffix(rest, ".html"))
		}
	}
	return names
}

// FromTheme reports whether the layout file is the theme's: the theme has
// it and the site does not. internal/shortcode checks the arguments of a
// built-in shortcode only when its template is the theme's, since a
// site's own template may take other arguments.
func (r *Renderer) FromTheme(file string) bool {
	return r.files.layers[1][file] && !r.files.layers[0][file]
}
