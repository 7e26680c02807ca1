package images

import (
	"fmt"
	"path"
	"strings"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/imaging"
	"github.com/careersite/careersite/internal/model"
)

// This file resolves the picture a page's front matter names (image:,
// image_alt:) into the model.Image templates see (.Image: og:image, the
// page's structured data), and reports what is wrong with it at the value
// in the page's file (content.Locator):
//
//   - an absolute https URL is taken as it is, with no width or height
//     (the build reads no other site);
//   - anything else is a path below assets/ ("img/team.jpg"; "/img/team.jpg"
//     is the same file, written as the URL it is published at), which
//     must be there and be a PNG, JPEG, GIF or WebP: its width and height
//     come from its header (imaging.DecodeInfo). An SVG is refused, since
//     the sites a link is shared on do not show one as og:image;
//   - image: without image_alt: is a warning (AltWarnings).
//
// The file is read from the assets of the build (assets.Set), not through
// a Set: the picture is published as the asset it is, never processed.

// imageFile is a picture found for a page: its URL and its bytes.
type imageFile struct {
	url  string // root-relative with the base path
	data []byte
}

// findImage is where the picture of image: ref of page src is looked up:
// today the site's and the theme's assets/. Page bundles will look in the
// page's folder first, here. A ref found nowhere is (nil, nil).
func findImage(src *content.Page, ref string, as *assets.Set) (*imageFile, error) {
	name := path.Clean(strings.TrimPrefix(ref, "/"))
	if f := as.File(name); f != nil {
		return &imageFile{url: f.Asset.URL, data: f.Data}, nil
	}
	return nil, nil
}

// pageImage returns the model.Image of src's image:, nil when it has
// none, or the problem with it at its value.
func pageImage(src *content.Page, as *assets.Set, links *model.Linker, locate content.Locator) (*model.Image, error) {
	ref := src.Image
	if ref == "" {
		return nil, nil
	}
	at := func() diag.Place { return locate(src, "image", ref) }
	if strings.Contains(ref, "://") || strings.HasPrefix(ref, "//") {
		if !strings.HasPrefix(ref, "https://") || len(ref) == len("https://") {
			return nil, at().Errorf("image: %q: want a file under assets/ (\"img/team.jpg\") or an absolute https URL", ref)
		}
		return &model.Image{URL: ref, Permalink: ref, Alt: src.ImageAlt}, nil
	}
	f, err := findImage(src, ref, as)
	if err != nil {
		return nil, at().Wrap("image: ", err)
	}
	if f == nil {
		return nil, at().Errorf("image: %q: no such file under assets/", ref)
	}
	info, err := imaging.DecodeInfo(f.data)
	switch {
	case err != nil:
		return nil, at().Errorf("image: %q: not an image careersite can read: %v", ref, err)
	case info.Format == imaging.SVG:
		return nil, at().Errorf("image: %q: an SVG is not shown as og:image by the sites links are shared on; use a PNG or JPEG", ref)
	}
	sitePath, _ := links.SitePath(f.url)
	return &model.Image{URL: f.url, Permalink: links.Abs(sitePath), Width: info.Width, Height: info.Height, Alt: src.ImageAlt}, nil
}

// SetPageImages gives every page made from a file with image: its Image (a
// list page and its pagers share one), and returns the problems of those
// images, at their values.
func SetPageImages(pages []*model.Page, sources []*content.Page, as *assets.Set, links *model.Linker, locate content.Locator) []error {
	images := map[string]*model.Image{}
	var errs []error
	for _, src := range sources {
		if src.Image == "" {
			continue
		}
		img, err := pageImage(src, as, links, locate)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		images[src.Path] = img
	}
	if len(images) == 0 {
		return errs
	}
	for _, p := range pages {
		if img := images[p.File]; img != nil && p.File != "" {
			p.Image = img
		}
	}
	return errs
}

// HasPageImages reports whether a page of sources has image:: a model
// made from them must be made again when assets/ changes (the width and
// height of a picture may).
func HasPageImages(sources []*content.Page) bool {
	for _, src := range sources {
		if src.Image != "" {
			return true
		}
	}
	return false
}

// AltWarnings are the pages with image: and no image_alt:, at the image.
func AltWarnings(sources []*content.Page, locate content.Locator) []error {
	var ws []error
	for _, src := range sources {
		if src.Image == "" || strings.TrimSpace(src.ImageAlt) != "" {
			continue
		}
		at := locate(src, "image", src.Image)
		ws = append(ws, &diag.Error{File: at.File, Line: at.Line, Col: at.Col, Path: "image",
			Msg:  fmt.Sprintf("%q has no image_alt: say what it shows, for people who cannot see it", src.Image),
			Kind: "images without alt text"})
	}
	return ws
}
