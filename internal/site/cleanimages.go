package site

import (
	"path"

	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/assets"
	"github.com/careersite/careersite/internal/convert"
	"github.com/careersite/careersite/internal/images"
	"github.com/careersite/careersite/internal/model"
)

// This file publishes the raster images among the assets and the page
// resources without their metadata. A photograph straight from a camera
// or a phone carries EXIF: the camera, the time and often the GPS
// position where it was taken. Markdown images and the template function
// image publish only re-encoded files, but an image under assets/ or in
// a page's bundle is also published under its own name, so that links to
// it keep working; published as it is, it would publish the metadata the
// processed versions strip. So a JPEG, PNG or WebP file is published
// under its own name re-encoded in its own format at its own size, EXIF
// orientation applied (images.Set.Clean), made once per build and kept in
// the persistent cache like every processed image. Not publishing such
// files at all when only Markdown images use them was the other choice:
// it saves bytes, but breaks every link to the file (a "download the
// full-size photo" link, a resource listed by .Resources) and makes
// whether a file is published depend on every page's body.

// assetBytes are the bytes the asset a is published with.
func (b *Builder) assetBytes(m *keptmodel.Model, a *assets.File) ([]byte, error) {
	if !images.IsRaster(a.Out) {
		return a.Data, nil
	}
	loc, err := images.Assets(b.fsys, b.opts.Theme)("", "/"+a.Out)
	if err != nil { // not a file of assets/: a generated asset
		return a.Data, nil
	}
	data, err := b.images.Clean(loc)
	return data, convert.CleanError(m.Pages, loc.Path, err)
}

// resourceBytes are the bytes the resource r is published with.
func (b *Builder) resourceBytes(m *keptmodel.Model, r *model.Resource) ([]byte, error) {
	out := model.ResourceOutput(r)
	if !images.IsRaster(out) {
		return b.resources.Bytes(b.cfg, r)
	}
	dir := path.Dir(out) + "/"
	if dir == "./" {
		dir = ""
	}
	loc := images.Location{FS: b.fsys, Path: model.ResourceSource(r), Dir: dir}
	data, err := b.images.Clean(loc)
	return data, convert.CleanError(m.Pages, loc.Path, err)
}
