package sitefuncs

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/model"
)

// This file is the template function image and the record of the files
// each page's templates name with it.
//
//	{{ with image "team.jpg" . }}<img src="{{ (.Resize "800x").URL }}" …>{{ end }}
//
// image PATH [PAGE] finds an image as a Markdown image does
// (internal/images): in the bundle of PAGE, else of the page being
// rendered, first, then under assets/ of the site and the theme; a
// relative PATH that no bundle holds is looked for under assets/ as well
// ("img/hero.png" is assets/img/hero.png). What it returns is an
// images.Image: .URL, .Width, .Height, .Srcset and the processed versions
// .Resize, .Fit, .Fill and .Format, each an Image again. Every file a
// page's templates name (by asking an Image for its URL or srcset) is
// recorded until EndPage.

// ErrImageOutsidePage is image called where no page is rendered: between
// no BeginPage and EndPage of the page that is the execution's data.
var ErrImageOutsidePage = errors.New("image is for the templates that render pages; a shortcode or the image hook cannot call it yet")

// BeginPage starts the record of the image files the rendering of p
// names, in the images of the build (SetImages).
func (f *Funcs) BeginPage(p *model.Page) {
	f.mu.RLock()
	s := f.images
	f.mu.RUnlock()
	f.renders.Store(p, s.Uses(p.File))
}

// EndPage ends the record of p and returns the files its templates
// named, by name; none when BeginPage was not called for p.
func (f *Funcs) EndPage(p *model.Page) []*images.Output {
	u, ok := f.renders.LoadAndDelete(p)
	if !ok {
		return nil
	}
	return u.(*images.Uses).Outputs()
}

// image is the template function image of an execution with data
// (render.ExecFunc).
func (f *Funcs) image(data any) any {
	return func(ref string, page ...any) (*images.Image, error) {
		p, _ := data.(*model.Page)
		var uses *images.Uses
		if p != nil {
			if u, ok := f.renders.Load(p); ok {
				uses = u.(*images.Uses)
			}
		}
		if uses == nil {
			return nil, ErrImageOutsidePage
		}
		in := p.File
		if len(page) > 1 {
			return nil, fmt.Errorf("image %q: want a path and at most a page, got %d arguments", ref, 1+len(page))
		}
		if len(page) == 1 {
			q, ok := page[0].(*model.Page)
			if !ok {
				return nil, fmt.Errorf("image %q: the second argument is a %T, not a page", ref, page[0])
			}
			in = q.File
		}
		img, err := uses.OpenIn(in, ref, 0, 0)
		if errors.Is(err, images.ErrExternal) && !strings.HasPrefix(ref, "/") && !strings.Contains(ref, ":") {
			img, err = uses.OpenIn("", "/"+ref, 0, 0) // "img/hero.png": assets/img/hero.png
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("no image %s: not in the page's bundle, and there is no assets/%s in the site or the theme", ref, path.Clean(ref))
			}
		}
		if errors.Is(err, images.ErrExternal) {
			return nil, fmt.Errorf("image %q: not an image of the site: want a JPEG, PNG, GIF, WebP or SVG file of the page's bundle or under assets/", ref)
		}
		return img, err
	}
}
