package render

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"strings"
)

// files holds the layout files of the site and the theme.
type files struct {
	src    map[string]string  // path → source, the site's file where both have one
	layers [2]map[string]bool // paths present in the site, then in the theme: the lookup order
}

// readFiles reads the layout files of site and theme; either may be nil.
func readFiles(site, theme fs.FS) (*files, error) {
	f := &files{src: map[string]string{}}
	// Theme first, so that site files overwrite theme files with the same path.
	for i, fsys := range []fs.FS{theme, site} {
		layer, err := readLayer(fsys, f.src)
		if err != nil {
			return nil, err
		}
		f.layers[1-i] = layer
	}
	return f, nil
}

// readLayer adds the *.html files under layouts/ in fsys to src and returns
// their paths. A missing layouts/ directory is not an error.
func readLayer(fsys fs.FS, src map[string]string) (map[string]bool, error) {
	layer := map[string]bool{}
	if fsys == nil {
		return layer, nil
	}
	err := fs.WalkDir(fsys, "layouts", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && name == "layouts" && errors.Is(err, fs.ErrNotExist):
			return fs.SkipAll
		case err != nil:
			return err
		case name != "layouts" && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir() || path.Ext(name) != ".html":
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		src[name] = normalize(data)
		layer[name] = true
		return nil
	})
	return layer, err
}

// normalize drops a UTF-8 byte order mark and turns CRLF into LF: both would
// otherwise be copied into every page built from the file.
func normalize(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	return string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")))
}

// isPartial reports whether the layout file name is a partial.
func isPartial(name string) bool {
	return strings.HasPrefix(name, "layouts/partials/")
}

// isBaseof reports whether the layout file name is a base template.
func isBaseof(name string) bool {
	return path.Base(name) == "baseof.html"
}
