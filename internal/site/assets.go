package site

import (
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/careersite/careersite/internal/markdown"
)

// syntaxCSS is the generated stylesheet for highlighted code; a site or
// theme file at the same path replaces it.
const syntaxCSS = "css/syntax.css"

// assets are the files published from assets/: the theme's, then the site's
// over them by path, plus the generated syntax stylesheet.
type assets struct {
	files map[string]*asset // by path below assets/: "css/site.css"
}

type asset struct {
	data []byte
	ref  Asset
}

// Asset is what the template function asset returns.
type Asset struct {
	URL       string // root-relative URL, with the base path
	Integrity string // Subresource Integrity value: "sha384-…"
}

func loadAssets(site, theme fs.FS, links *linker) (*assets, error) {
	as := &assets{files: map[string]*asset{}}
	as.add(syntaxCSS, markdown.Stylesheet(), links)
	for _, fsys := range []fs.FS{theme, site} {
		if fsys == nil {
			continue
		}
		if err := as.addTree(fsys, links); err != nil {
			return nil, err
		}
	}
	return as, nil
}

func (as *assets) addTree(fsys fs.FS, links *linker) error {
	err := fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		as.add(strings.TrimPrefix(p, "assets/"), data, links)
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func (as *assets) add(name string, data []byte, links *linker) {
	sum := sha512.Sum384(data)
	as.files[name] = &asset{data: data, ref: Asset{
		URL:       links.rel("/" + name),
		Integrity: "sha384-" + base64.StdEncoding.EncodeToString(sum[:]),
	}}
}

// lookup is the template function asset: {{ with asset "css/site.css" }}.
func (as *assets) lookup(name string) (Asset, error) {
	a, ok := as.files[path.Clean(name)]
	if !ok {
		return Asset{}, fmt.Errorf("asset %q not found in assets/", name)
	}
	return a.ref, nil
}
