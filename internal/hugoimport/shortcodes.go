package hugoimport

import (
	"errors"
	"fmt"
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
// layouts/shortcodes/ and then its themes' (themes/NAME/layouts/shortcodes/,
// where the site's has none of the name), by name ("note", "blog/card").
// One is copied when its template parses with careersite's template
// functions (the render package's and sitefuncs'); one that calls a
// function careersite does not have is not, and problem says which.
// What a template reads from its context (.Page.Resources, .Site.GetPage)
// is not checked here: a field careersite lacks fails at build time.
func readShortcodes(src fs.FS, themes []string, theme fs.FS) (map[string]*siteShortcode, error) {
	out := map[string]*siteShortcode{}
	dirs := []string{"layouts/shortcodes"}
	for _, t := range themes {
		dirs = append(dirs, path.Join("themes", t, "layouts/shortcodes"))
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
		return ""
	}
	msg := err.Error()
	if i := strings.Index(msg, "function "); i >= 0 {
		msg = msg[i:]
	}
	return fmt.Sprintf("its template uses what careersite does not offer (%s)", msg)
}
