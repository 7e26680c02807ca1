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
//
// In a shortcode and in the image hook, which run as a page's body is
// converted, PAGE is the page of the body, and the files are recorded
// with the body's images (images.Body): the conversion is made again when
// one of them changes, and publishes them.

// ErrImageOutsidePage is image called where no page is rendered and no
// body converted: in a page template between no BeginPage and EndPage of
// the page that is the execution's data, or in a shortcode or the image
// hook of a build that processes no images.
var ErrImageOutsidePage = errors.New("image is for the templates that render pages, shortcodes and the image hook, in a build that processes images")

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
// (render.ExecFunc): a page template's, whose page is data, or a
// shortcode's or the image hook's, whose data is an images.Body.
func (f *Funcs) image(data func() any) any {
	return func(ref string, page ...any) (*images.Image, error) {
		uses, in, line, col := f.imageUses(data())
		if uses == nil {
			return nil, ErrImageOutsidePage
		}
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
		img, err := uses.OpenIn(in, ref, line, col)
		if errors.Is(err, images.ErrExternal) && !strings.HasPrefix(ref, "/") && !strings.Contains(ref, ":") {
			img, err = uses.OpenIn("", "/"+ref, line, col) // "img/hero.png": assets/img/hero.png
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

// imageUses is where image opens images in an execution with data: the
// record, the page whose bundle is looked in first, and the place in the
// page's body (0:0 for a page template); a nil record when there is none.
func (f *Funcs) imageUses(data any) (uses *images.Uses, page string, line, col int) {
	switch d := data.(type) {
	case *model.Page:
		if u, ok := f.renders.Load(d); ok {
			return u.(*images.Uses), d.File, 0, 0
		}
	case images.Body:
		if u, line, col := d.ImageUses(); u != nil {
			return u, u.Page(), line, col
		}
	}
	return nil, "", 0, 0
}
