package hugoimport

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"testing/fstest"

	"github.com/careersite/careersite/internal/render"
	"github.com/careersite/careersite/internal/sitefuncs"
)

// siteShortcode is one of the Hugo site's own shortcode templates.
type siteShortcode struct {
	file    string // in the Hugo site: "layouts/shortcodes/note.html"
	data    []byte
	problem string // why it is not copied; "" when it is
}

// readShortcodes reads the Hugo site's shortcode templates, the site's
// layouts/shortcodes/ (or _shortcodes/) and then its themes' (themes/NAME/layouts/shortcodes/,
// where the site's has none of the name), by name ("note", "blog/card").
// One is copied when its template parses with careersite's template
// functions (the render package's and sitefuncs'); one that calls a
// function careersite does not have is not, and problem says which.
// One that reads what careersite's shortcodes lack (.Page.RenderString)
// is not copied either (fieldProblem, fields.go).
func readShortcodes(src fs.FS, themes []string, theme fs.FS) (map[string]*siteShortcode, error) {
	out := map[string]*siteShortcode{}
	// Hugo 0.146 and later read layouts/_shortcodes/ too.
	dirs := []string{"layouts/shortcodes", "layouts/_shortcodes"}
	for _, t := range themes {
		dirs = append(dirs, path.Join("themes", t, "layouts/shortcodes"), path.Join("themes", t, "layouts/_shortcodes"))
	}
	for _, dir := range dirs {
		err := fs.WalkDir(src, dir, func(file string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(file, ".html") {
				return err
			}
			name := strings.TrimSuffix(strings.TrimPrefix(file, dir+"/"), ".html")
			if _, seen := out[name]; seen {
				return nil
			}
			data, err := fs.ReadFile(src, file)
			if err != nil {
				return err
			}
			out[name] = &siteShortcode{file: file, data: data, problem: templateProblem(name, data, theme)}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return out, nil
}

// templateProblem parses a shortcode template as careersite would, with
// its template functions, and returns what is wrong, "" when nothing is.
func templateProblem(name string, data []byte, theme fs.FS) string {
	site := fstest.MapFS{"layouts/shortcodes/" + name + ".html": {Data: data}}
	_, err := render.New(site, theme, (&sitefuncs.Funcs{}).Map())
	if err == nil {
		if f := fieldProblem(name, data); f != "" {
			return fmt.Sprintf("its template reads %s, which careersite's shortcodes do not have", f)
		}
		return ""
	}
	msg := err.Error()
	if i := strings.Index(msg, "function "); i >= 0 {
		msg = msg[i:]
	}
	return fmt.Sprintf("its template uses what careersite does not offer (%s)", msg)
}

// standIn is the template an import writes for a shortcode careersite
// lacks, so that the imported site builds while a person writes the real
// one: it shows the inner text, when its uses have any, and nothing else.
// The report lists the pages that use it.
func standIn(name string, paired bool) []byte {
	head := "{{- /* Written by careersite import hugo in place of Hugo's shortcode \"" + name +
		"\", which this site did not bring in a form careersite reads (IMPORT.md lists the pages that use it). "
	if !paired {
		// An empty element, not nothing: an empty template is not one.
		return []byte(head + "It writes an empty element: write what it should. */ -}}\n" +
			`<span class="` + template.HTMLEscapeString(name) + `"></span>` + "\n")
	}
	return []byte(head + "It shows its inner text and nothing else: make it your own. */ -}}\n" +
		`<div class="` + template.HTMLEscapeString(name) + `">{{ .Inner | markdownify }}</div>` + "\n")
}
