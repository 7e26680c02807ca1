package sitefuncs

import (
	"errors"
	"fmt"
	"html/template"
	"sync"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/markdown"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/render"
)

// Funcs holds what the template functions of every Renderer a Builder
// makes call into: the values of the current build, so that new assets
// do not need the templates parsed again. The zero Funcs is ready; its
// functions fail until the values they read are set.
type Funcs struct {
	mu        sync.RWMutex
	links     *model.Linker
	assets    *assets.Set
	converter *markdown.Converter // the site's Markdown, for markdownify
	images    *images.Set         // the site's images, for image
	renders   sync.Map            // *model.Page → *images.Uses: the images named by the pages being rendered
	strings   *i18n.Catalog       // the site's strings in each language, for T (strings.go)
}

// Map returns the template functions, bound to f.
func (f *Funcs) Map() template.FuncMap {
	return template.FuncMap{
		"relURL":  func(p string) string { l, _ := f.site(); return l.Rel(p) },
		"absURL":  func(p string) string { l, _ := f.site(); return l.Abs(p) },
		"asset":   func(name string) (assets.Asset, error) { _, as := f.site(); return as.Lookup(name) },
		"slugify": content.Slugify,
		// markdownify renders text as Markdown, with the site's rules
		// for raw HTML: {{ .Inner | markdownify }} in a shortcode.
		"markdownify": f.markdownify,
		// careerPathSVG draws a role guide's career path, its words and
		// pay in the page's language: {{ careerPathSVG .Role.CareerPath }} (strings.go).
		"careerPathSVG": render.ExecFunc(f.careerPathSVG),
		// image finds an image of the page's bundle or of assets/:
		// {{ with image "team.jpg" . }}{{ (.Fill "1200x630 center").URL }}{{ end }} (image.go).
		"image": render.ExecFunc(f.image),
		// T and the format functions of the page's language (strings.go).
		"T":            render.ExecFunc(f.translate),
		"formatDate":   render.ExecFunc(f.formatDate),
		"formatNumber": render.ExecFunc(f.formatNumber),
		"formatMoney":  render.ExecFunc(f.formatMoney),
	}
}

// SetSite sets the linker and the assets of the build.
func (f *Funcs) SetSite(l *model.Linker, as *assets.Set) {
	f.mu.Lock()
	f.links, f.assets = l, as
	f.mu.Unlock()
}

// SetImages sets the images of the build, for image.
func (f *Funcs) SetImages(s *images.Set) {
	f.mu.Lock()
	f.images = s
	f.mu.Unlock()
}

// SetConverter sets the site's Markdown, for markdownify.
func (f *Funcs) SetConverter(c *markdown.Converter) {
	f.mu.Lock()
	f.converter = c
	f.mu.Unlock()
}

func (f *Funcs) site() (*model.Linker, *assets.Set) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.links, f.assets
}

// markdownify renders s as Markdown with the site's options (raw HTML
// only where site.yaml's unsafe_html allows it): the HTML is our
// converter's, as a page body's is.
func (f *Funcs) markdownify(s any) (template.HTML, error) {
	f.mu.RLock()
	c := f.converter
	f.mu.RUnlock()
	if c == nil {
		return "", errors.New("markdownify: the site's Markdown is not configured")
	}
	var src string
	switch v := s.(type) {
	case string:
		src = v
	case template.HTML:
		src = string(v)
	case nil:
	default:
		src = fmt.Sprint(v)
	}
	res, err := c.Convert([]byte(src), 1)
	if err != nil {
		return "", fmt.Errorf("markdownify: %w", err)
	}
	return template.HTML(res.HTML), nil
}
